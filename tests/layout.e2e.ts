import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectMapDrawn, serveTestBasemap, expectMapReady } from './basemap';

/**
 * Every page fits its screen (no sideways scrolling) at phone and desktop size, in both
 * languages; each run leaves screenshots in screenshots/ to look at.
 */
const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 900 }
];
/** A demo pharmacy's public page, found through the list endpoint. */
async function merchantPage(request: APIRequestContext): Promise<string> {
	const response = await request.get('/api/list?bbox=2.25,48.83,2.42,48.9&q=pharmacie');
	const { items } = (await response.json()) as { items: { id: number; slug: string }[] };
	return `/merchants/${items[0].id}-${items[0].slug}`;
}
const PAGES = ['', '/about', '/no-such-page', 'merchant', 'merchant?card=alipay'];

for (const locale of ['zh', 'fr']) {
	for (const size of SIZES) {
		for (const path of PAGES) {
			test(`/${locale}${path} fits a ${size.name} screen`, async ({ page, request }) => {
				await serveTestBasemap(page);
				await page.setViewportSize({ width: size.width, height: size.height });
				const url = path.startsWith('merchant')
					? path.replace('merchant', await merchantPage(request))
					: path;
				await page.goto(`/${locale}${url}`);
				await expect(page.locator('body')).toBeVisible();
				// The screenshots show the maps as a visitor sees them, drawn (the home page's starts
				// by itself once the page has settled, src/lib/after-paint.ts).
				if (path === '') {
					await expectMapReady(page.locator('.map'));
					await expectMapDrawn(page.locator('.map'));
				}
				if (path === 'merchant') {
					// The small map loads when asked for: the screenshots show it drawn.
					await page.getByTestId('mini-map').getByRole('button').click();
					await expectMapDrawn(page.getByTestId('mini-map').locator('.map'));
				}
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
