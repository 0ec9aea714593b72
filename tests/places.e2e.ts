import { expect, test, type Page } from '@playwright/test';

/**
 * Tourists search by the places they know (issue 13), at phone size, in Chinese and French:
 * a place lists the shops around it with their distances, the map moves there, a chip names
 * it; the merchant page's back link brings back the list and map, with or without JavaScript.
 * Screenshots of the result lists and chips land in screenshots/.
 */

const rows = (page: Page) => page.locator('section.list > ol.rows > li');
const distances = async (page: Page): Promise<number[]> =>
	(await rows(page).locator('.distance').allInnerTexts()).map((text) => {
		const n = Number(text.replace(/[^0-9.,]/g, '').replace(',', '.'));
		return /km|公里/.test(text) ? n * 1000 : n;
	});
const ids = async (page: Page) =>
	rows(page)
		.locator('article')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-listing-id')));

async function expectSortedNearby(page: Page) {
	await expect(rows(page).first()).toBeVisible();
	const d = await distances(page);
	expect(d.length).toBe(await rows(page).count());
	expect(d).toEqual([...d].sort((a, b) => a - b));
	// The demo data has shops all around the Louvre: the first is within a few hundred metres.
	expect(d[0]).toBeLessThan(500);
}

const LOCALES = [
	{
		locale: 'zh',
		query: '卢浮宫',
		chip: '卢浮宫附近',
		pharmacyQuery: '卢浮宫 药店',
		pharmacy: '美妆与药店',
		search: '搜索'
	},
	{
		locale: 'fr',
		query: 'Louvre',
		chip: 'Près du Louvre',
		pharmacyQuery: 'près du Louvre pharmacie',
		pharmacy: 'Cosmétiques et pharmacie',
		search: 'Rechercher'
	}
] as const;

for (const t of LOCALES) {
	test(`/${t.locale}: ${t.query} lists the shops near the Louvre with distances, and moves the map`, async ({
		page,
		request
	}) => {
		await page.goto(`/${t.locale}`);
		const box = page.getByRole('searchbox', { name: t.search, exact: true });
		await box.fill(t.query);
		await box.press('Enter');
		const chip = page.getByTestId('place-chip');
		await expect(chip).toContainText(t.chip);
		await expectSortedNearby(page);
		// The map flew to the Louvre, close up (it opened on the whole of Paris, zoom 12).
		await expect
			.poll(async () => Number(await page.locator('.map').getAttribute('data-zoom')))
			.toBeGreaterThan(15.5);
		await page.screenshot({ path: `screenshots/${t.locale}-place-louvre-phone.png` });

		// The list API gives the same first page as the server-rendered page.
		const rendered = await request.get(`/${t.locale}?q=${encodeURIComponent(t.query)}`);
		const html = await rendered.text();
		const ssrIds = [...html.matchAll(/data-listing-id="(\d+)"/g)].map((m) => Number(m[1]));
		const api = await (
			await request.get(`/api/list?q=${encodeURIComponent(t.query)}&bbox=2.0,48.7,2.1,48.8`)
		).json();
		expect(api.place.slug).toBe('musee-du-louvre');
		expect(api.items.map((i: { id: number }) => i.id)).toEqual(ssrIds);

		// The chip's × searches without the place.
		await chip.click();
		await expect(page.getByTestId('place-chip')).toHaveCount(0);
	});

	test(`/${t.locale}: ${t.pharmacyQuery} lists pharmacies near the Louvre`, async ({ page }) => {
		await page.goto(`/${t.locale}?q=${encodeURIComponent(t.pharmacyQuery)}`);
		await expect(page.getByTestId('place-chip')).toContainText(t.chip);
		await expect(rows(page).first()).toBeVisible();
		const categories = await rows(page).locator('.meta > span:first-child').allInnerTexts();
		for (const c of categories) expect(c).toBe(t.pharmacy);
		// Pharmacies (by their name) come before the perfumeries and beauty shops.
		const names = await rows(page).locator('h3').allInnerTexts();
		expect(names[0]).toMatch(/Pharmacie|药房/);
		await page.screenshot({ path: `screenshots/${t.locale}-place-louvre-pharmacy-phone.png` });
	});
}

test('/zh: 羅浮宮 (traditional) lists the same shops as 卢浮宫', async ({ page }) => {
	await page.goto(`/zh?q=${encodeURIComponent('卢浮宫')}`);
	await expect(rows(page).first()).toBeVisible();
	const simplified = await ids(page);
	await page.goto(`/zh?q=${encodeURIComponent('羅浮宮')}`);
	await expect(page.getByTestId('place-chip')).toContainText('卢浮宫附近');
	await expectSortedNearby(page);
	expect(await ids(page)).toEqual(simplified);
});

const STATE = `q=${encodeURIComponent('药店')}&taxfree=1&map=13/48.87/2.332&page=2`;

test('the back link restores query, filters, position and page (with JavaScript)', async ({
	page
}) => {
	await page.goto(`/zh?${STATE}`);
	const first = rows(page).first().getByRole('link');
	await expect(first).toBeVisible();
	await first.click();
	await expect(page).toHaveURL(/\/zh\/merchants\/\d+-/);
	await page.getByTestId('back-to-list').click();
	await expect(page).toHaveURL(/\/zh\?/);
	const url = new URL(page.url());
	expect(url.searchParams.get('q')).toBe('药店');
	expect(url.searchParams.get('taxfree')).toBe('1');
	expect(url.searchParams.get('page')).toBe('2');
	expect(url.searchParams.get('map')).toMatch(/^13(\.\d+)?\/48\.87\d*\/2\.33\d*$/);
	await expect(page.getByRole('searchbox', { name: '搜索', exact: true })).toHaveValue('药店');
	await expect(page.getByRole('checkbox', { name: '退税', exact: true })).toBeChecked();
	await expect
		.poll(async () => Number(await page.locator('.map').getAttribute('data-zoom')))
		.toBeGreaterThan(12.5);
});

test('the back link restores query, filters, position and page (without JavaScript)', async ({
	browser
}) => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 390, height: 844 }
	});
	const page = await context.newPage();
	await page.goto(`/fr?${STATE}`);
	const before = await ids(page);
	expect(before.length).toBeGreaterThan(0);
	await rows(page).first().getByRole('link').click();
	await expect(page).toHaveURL(/\/fr\/merchants\/\d+-/);
	await page.getByTestId('back-to-list').click();
	const url = new URL(page.url());
	expect(url.pathname).toBe('/fr');
	expect(url.searchParams.get('q')).toBe('药店');
	expect(url.searchParams.get('taxfree')).toBe('1');
	expect(url.searchParams.get('page')).toBe('2');
	expect(url.searchParams.get('map')).toBe('13/48.87/2.332');
	await expect(page.getByRole('searchbox', { name: 'Rechercher', exact: true })).toHaveValue(
		'药店'
	);
	await expect(page.getByRole('checkbox', { name: 'Détaxe', exact: true })).toBeChecked();
	expect(await ids(page)).toEqual(before);
	await context.close();
});
