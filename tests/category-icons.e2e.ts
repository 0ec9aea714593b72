/**
 * Category icons are SVG (Lucide), not emoji: emoji show as boxes where no emoji font is installed,
 * as on CI. The list, the filters, the map's markers, the merchant page, the wizard's category
 * step and the merchant dashboard hold no emoji-presentation character, and every category icon
 * is an <svg>. Leaves screenshots in zh and fr, at phone size, in screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { serveTestBasemap, expectMapReady } from './basemap';
import { logInAs } from './demo-accounts';

const PHONE = { width: 390, height: 844 };

/** The page's text holds no character that browsers draw as an emoji by default. */
async function expectNoEmoji(page: Page) {
	const text = await page.locator('body').innerText();
	expect(text.match(/\p{Emoji_Presentation}/gu) ?? []).toEqual([]);
}

for (const lang of ['zh', 'fr'] as const) {
	test.describe(`/${lang}`, () => {
		test.use({ viewport: PHONE, locale: lang === 'fr' ? 'fr-FR' : 'zh-CN' });

		test('the list, the filters, the map and the merchant page draw category icons as SVG', async ({
			page
		}) => {
			await serveTestBasemap(page);
			// Close enough to the Louvre for single shops, not clusters.
			await page.goto(`/${lang}?map=17/48.8606/2.3376`);
			await expectMapReady(page.locator('.map'));
			const pin = page.locator('.map-pin').first();
			await expect(pin).toBeVisible();
			await expect(pin.locator('svg[data-category-icon]')).toBeVisible();

			const rows = page.locator('section.list > ol.rows > li');
			await expect(rows.first()).toBeVisible();
			await expect(rows.first().locator('.icon svg[data-category-icon]')).toBeVisible();
			const filters = page.locator('input[name=cat]');
			expect(await filters.count()).toBe(11);
			await expect(page.locator('label.chip svg[data-category-icon]')).toHaveCount(11);
			await expectNoEmoji(page);
			await page.screenshot({ path: `screenshots/${lang}-icons-map-list-phone.png` });

			await rows.first().locator('h3 a').click();
			await expect(page).toHaveURL(new RegExp(`/${lang}/merchants/\\d+-`));
			await expect(page.locator('.title .icon svg[data-category-icon]')).toBeVisible();
			await expectNoEmoji(page);
			await page.screenshot({ path: `screenshots/${lang}-icons-merchant-phone.png` });
		});

		test('the merchant dashboard and the wizard’s category step hold no emoji', async ({
			page
		}) => {
			await logInAs(page, 'merchant', lang);
			await page.goto(`/${lang}/merchant`);
			await expect(page.locator('[data-status] svg').first()).toBeVisible();
			await expectNoEmoji(page);
			await page.screenshot({ path: `screenshots/${lang}-icons-dashboard-phone.png` });
			await page.goto(`/${lang}/merchant/shops/new`);
			await expect(page.locator('select[name=category]')).toBeVisible();
			await expectNoEmoji(page);
			await page.screenshot({
				path: `screenshots/${lang}-icons-wizard-category-phone.png`,
				fullPage: true
			});
		});
	});
}
