import { expect, test } from '@playwright/test';

/**
 * Every page fits its screen (no sideways scrolling) at phone and desktop size, in both
 * languages; each run leaves screenshots in screenshots/ to look at.
 */
const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 900 }
];
const PAGES = ['', '/no-such-page'];

for (const locale of ['zh', 'fr']) {
	for (const size of SIZES) {
		for (const path of PAGES) {
			test(`/${locale}${path} fits a ${size.name} screen`, async ({ page }) => {
				await page.setViewportSize({ width: size.width, height: size.height });
				await page.goto(`/${locale}${path}`);
				await expect(page.getByRole('banner')).toBeVisible();
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - window.innerWidth
				);
				expect(overflow).toBeLessThanOrEqual(0);
				const slug = path.replace(/\W+/g, '-') || '-home';
				await page.screenshot({
					path: `screenshots/${locale}${slug}-${size.name}.png`,
					fullPage: true
				});
			});
		}
	}
}
