import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectMapDrawn, serveTestBasemap, expectMapReady } from './basemap';

/** The tourist's map page and merchant page, at phone size, in both languages. */
const LOCALES = [
	{
		locale: 'zh',
		search: '搜索',
		pharmacy: '美妆与药店',
		openNow: '营业中',
		open: '营业中',
		showCashier: '出示给收银员',
		directions: ['高德地图', '百度地图', 'Apple 地图', 'Google 地图', 'OpenStreetMap'],
		close: '关闭',
		openPage: '查看详情',
		notFound: '该商户不存在或暂未开放。',
		noBasemap: '底图无法加载（网络受限），仅显示商户位置。',
		nearMe: '附近',
		showMap: '查看地图'
	},
	{
		locale: 'fr',
		search: 'Rechercher',
		pharmacy: 'Cosmétiques et pharmacie',
		openNow: 'Ouvert maintenant',
		open: 'Ouvert',
		showCashier: 'Montrer au caissier',
		directions: [
			'Amap (高德)',
			'Baidu Maps (百度)',
			'Plans (Apple)',
			'Google Maps',
			'OpenStreetMap'
		],
		close: 'Fermer',
		openPage: 'Voir la fiche',
		notFound: "Ce commerce n'existe pas ou n'est pas encore publié.",
		noBasemap: 'Fond de carte indisponible (réseau limité) : seuls les commerces sont affichés.',
		nearMe: 'Autour de moi',
		showMap: 'Afficher la carte'
	}
] as const;

const numberIn = (text: string) => Number(text.replace(/[^0-9]/g, ''));

async function resultCount(page: Page): Promise<number> {
	return numberIn(await page.getByTestId('result-count').innerText());
}

for (const t of LOCALES) {
	test.describe(`/${t.locale}`, () => {
		test('searching 药店 lists pharmacies', async ({ page }) => {
			await page.goto(`/${t.locale}`);
			const box = page.getByRole('searchbox', { name: t.search, exact: true });
			await box.fill('药店');
			await box.press('Enter');
			await expect(page).toHaveURL(/q=%E8%8D%AF%E5%BA%97/);
			const rows = page.locator('section.list > ol.rows > li');
			await expect(rows.first()).toBeVisible();
			expect(await resultCount(page)).toBeGreaterThan(0);
			const categories = await rows.locator('.meta > span:first-child').allInnerTexts();
			expect(categories.length).toBeGreaterThan(0);
			for (const c of categories) expect(c).toBe(t.pharmacy);
			// The search box keeps what was typed.
			await expect(box).toHaveValue('药店');
		});

		test('what is typed in the search box before the page is ready is kept', async ({ page }) => {
			// Hold the app's scripts until the visitor has typed (a slow roaming connection).
			let release: () => void = () => {};
			const typed = new Promise<void>((resolve) => (release = resolve));
			await page.route('**/_app/immutable/**/*.js', async (route) => {
				await typed;
				await route.continue();
			});
			await page.goto(`/${t.locale}`, { waitUntil: 'commit' });
			const box = page.getByRole('searchbox', { name: t.search, exact: true });
			await box.fill('药店');
			release();
			// maplibre's class appears only once the page has hydrated and loaded the map.
			await expect(page.locator('.map.maplibregl-map')).toBeVisible();
			await expect(box).toHaveValue('药店');
			await box.press('Enter');
			await expect(page).toHaveURL(/q=%E8%8D%AF%E5%BA%97/);
		});

		test('the open-now filter changes the list', async ({ page }) => {
			await page.goto(`/${t.locale}`);
			const before = await resultCount(page);
			expect(before).toBeGreaterThan(0);
			await page.getByRole('checkbox', { name: t.openNow, exact: true }).check();
			await expect(page).toHaveURL(/open=1/);
			await expect(page.getByRole('checkbox', { name: t.openNow, exact: true })).toBeChecked();
			await expect.poll(() => resultCount(page)).not.toBe(before);
			const after = await resultCount(page);
			expect(after).toBeLessThan(before);
			// Every row shown is open now.
			const badges = page.locator('section.list > ol.rows > li .badge.open');
			const rows = page.locator('section.list > ol.rows > li');
			expect(await badges.count()).toBe(await rows.count());
			// Back returns to the unfiltered list.
			await page.goBack();
			await expect(page.getByRole('checkbox', { name: t.openNow, exact: true })).not.toBeChecked();
		});

		test('the basemap draws under the merchants', async ({ page }) => {
			await serveTestBasemap(page);
			await page.goto(`/${t.locale}`);
			await expectMapReady(page.locator('.map'));
			await expectMapDrawn(page.locator('.map'));
			await expect(page.locator('.map-cluster, .map-pin').first()).toBeVisible();
			await expect(page.getByText(t.noBasemap)).toHaveCount(0);
		});

		test('without a basemap the merchants stay on a plain background, with a notice', async ({
			page
		}) => {
			await page.goto(`/${t.locale}`);
			await expect(page.getByRole('status').filter({ hasText: t.noBasemap })).toBeVisible();
			await expectMapReady(page.locator('.map'), 'no-basemap');
			await expectMapDrawn(page.locator('.map'));
			await expect(page.locator('.map-cluster, .map-pin').first()).toBeVisible();
			await expect(page.locator('section.list > ol.rows > li').first()).toBeVisible();
		});

		test('tapping a cluster zooms in', async ({ page }) => {
			await page.goto(`/${t.locale}`);
			const cluster = page.locator('.map-cluster').first();
			await expect(cluster).toBeVisible();
			const zoomOf = async () => Number(await page.locator('.map').getAttribute('data-zoom'));
			await expect.poll(zoomOf).toBeGreaterThan(0);
			const before = await zoomOf();
			const listedBefore = await resultCount(page);
			expect(numberIn((await cluster.getAttribute('aria-label')) ?? '')).toBeGreaterThan(1);
			await cluster.click();
			await expect.poll(zoomOf).toBeGreaterThan(before);
			// The list follows the map: it now counts what is in view.
			await expect(page).toHaveURL(/map=\d+(\.\d+)?\/48\.\d+\/2\.\d+/);
			await expect.poll(() => resultCount(page)).toBeLessThan(listedBefore);
			expect(await resultCount(page)).toBeGreaterThanOrEqual(1);
		});

		test('tapping a marker opens its card, which leads to the merchant page', async ({ page }) => {
			await page.goto(`/${t.locale}?map=17/48.8606/2.3376`);
			const pin = page.locator('.map-pin').first();
			await expect(pin).toBeVisible();
			await pin.click();
			const card = page.getByRole('dialog');
			await expect(card).toBeVisible();
			const name = (await card.locator('h3 .primary').innerText()).trim();
			expect(name.length).toBeGreaterThan(0);
			await card.getByRole('link', { name: t.openPage, exact: true }).click();
			await expect(page).toHaveURL(new RegExp(`/${t.locale}/merchants/\\d+-`));
			await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
		});

		test('near me asks for the position only on tap: open shops first, each by distance', async ({
			browser
		}) => {
			const context = await browser.newContext({
				viewport: { width: 390, height: 844 },
				geolocation: { latitude: 48.8606, longitude: 2.3376 },
				permissions: ['geolocation'],
				timezoneId: 'Europe/Paris'
			});
			const page = await context.newPage();
			await page.goto(`/${t.locale}`);
			await expect(page).not.toHaveURL(/near=/);
			await page.getByRole('button', { name: t.nearMe, exact: true }).click();
			await expect(page).toHaveURL(/near=48\.8606,2\.3376/);
			await expect(page).toHaveURL(/map=15\/48\.8606\/2\.3376/);
			const rows = page.locator('section.list > ol.rows > li');
			await expect(rows.locator('.distance').first()).toBeVisible();
			const items = (
				await rows.evaluateAll((lis) =>
					lis.map((li) => ({
						open: li.querySelector('.badge.open') !== null,
						distance: li.querySelector('.distance')?.textContent ?? ''
					}))
				)
			).map(({ open, distance }) => {
				const n = Number(distance.replace(/[^0-9.,]/g, '').replace(',', '.'));
				return { open, metres: /km|公里/.test(distance) ? n * 1000 : n };
			});
			expect(items.length).toBeGreaterThan(1);
			// With no query: the open shops first, then the others, each part nearest first.
			const openCount = items.filter((i) => i.open).length;
			expect(items.slice(0, openCount).every((i) => i.open)).toBe(true);
			for (const part of [items.slice(0, openCount), items.slice(openCount)]) {
				const metres = part.map((i) => i.metres);
				expect([...metres].sort((a, b) => a - b)).toEqual(metres);
			}
			await context.close();
		});

		test('a merchant page: five directions links, the cashier card, no cookie', async ({
			page,
			request
		}) => {
			await page.goto(`/${t.locale}`);
			const first = page.locator('section.list > ol.rows > li h3 a').first();
			const name = (await first.locator('.primary').innerText()).trim();
			await first.click();
			await expect(page).toHaveURL(new RegExp(`/${t.locale}/merchants/\\d+-`));
			await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

			const links = page.locator('ul.directions a');
			await expect(links).toHaveText([...t.directions]);
			const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			const targets = [
				/amap\.com/,
				/baidu\.com/,
				/maps\.apple\.com/,
				/google\.com/,
				/openstreetmap\.org/
			];
			for (const [i, href] of hrefs.entries()) {
				const response = await request.get(href!, { maxRedirects: 0 });
				expect(response.status()).toBe(303);
				expect(response.headers()['location']).toMatch(targets[i]);
				expect(response.headers()['set-cookie']).toBeUndefined();
			}

			await page.getByRole('link', { name: t.showCashier, exact: true }).click();
			const card = page.getByTestId('cashier-card');
			await expect(card).toBeVisible();
			await expect(card).toContainText('Puis-je payer avec Alipay ?');
			await expect(card).toContainText('我可以用支付宝付款吗？');
			const box = await card.boundingBox();
			expect(box?.width).toBe(390);
			expect(box?.height).toBe(844);
			await page.getByRole('link', { name: t.close, exact: true }).click();
			await expect(card).toBeHidden();

			// Anonymous pages set no cookie.
			const response = await request.get(page.url());
			expect(response.status()).toBe(200);
			expect(response.headers()['set-cookie']).toBeUndefined();
		});

		test("the merchant page's mini-map shows the shop's pin, with or without a basemap", async ({
			page
		}) => {
			await page.goto(`/${t.locale}?q=pharmacie`);
			const first = page.locator('section.list > ol.rows > li h3 a').first();
			const href = (await first.getAttribute('href'))!;
			for (const basemap of [false, true]) {
				if (basemap) await serveTestBasemap(page);
				await page.goto(href);
				const mini = page.getByTestId('mini-map');
				await mini.scrollIntoViewIfNeeded();
				await mini.getByRole('button', { name: t.showMap, exact: true }).click();
				await expectMapReady(mini.locator('.map'), basemap ? 'ready' : 'no-basemap');
				await expectMapDrawn(mini.locator('.map'));
				await expect(mini.locator('.mini-pin')).toBeVisible();
				await expect(mini.getByText(t.noBasemap)).toHaveCount(basemap ? 0 : 1);
				await mini.screenshot({
					path: `screenshots/${t.locale}-merchant-minimap${basemap ? '' : '-no-basemap'}-phone.png`
				});
			}
		});

		test('the merchant page loads the mini-map only when asked, with the keyboard too', async ({
			page
		}) => {
			// The map library's worker is the one file only a drawn map asks for.
			const mapLibraryRequests: string[] = [];
			page.on('request', (request) => {
				if (/maplibre-gl-worker/.test(request.url())) mapLibraryRequests.push(request.url());
			});
			await serveTestBasemap(page);
			// Straight to a merchant page (its id from the list API): the home page would draw its
			// own map once idle, and ask for the same worker.
			const list = await page.request.get('/api/list?q=pharmacie&bbox=2.2,48.8,2.45,48.92');
			const [first] = (await list.json()).items as { id: number }[];
			await page.goto(`/${t.locale}/merchants/${first.id}`);
			await expect(page).toHaveURL(new RegExp(`/${t.locale}/merchants/${first.id}-`));
			await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
			const mini = page.getByTestId('mini-map');
			await expect(mini).toHaveAttribute('data-map', 'on-demand');
			const show = mini.getByRole('button', { name: t.showMap, exact: true });
			await expect(show).toBeVisible();
			await expect(mini.locator('.map')).toHaveCount(0);
			await expect(page.locator('.maplibregl-map')).toHaveCount(0);
			expect(mapLibraryRequests).toEqual([]);
			await mini.screenshot({
				path: `screenshots/${t.locale}-merchant-minimap-on-demand-phone.png`
			});

			await show.focus();
			await page.keyboard.press('Enter');
			await expect(mini).toHaveAttribute('data-map', 'shown');
			await expectMapDrawn(mini.locator('.map'));
			await expect(mini.locator('.mini-pin')).toBeVisible();
			await expect(mini.getByRole('img', { name: /./ })).toBeFocused();
			expect(mapLibraryRequests.length).toBeGreaterThan(0);
		});

		test('the cashier card works without JavaScript', async ({ browser }) => {
			const context = await browser.newContext({
				javaScriptEnabled: false,
				viewport: { width: 390, height: 844 }
			});
			const page = await context.newPage();
			await page.goto(`/${t.locale}?q=pharmacie`);
			await page.locator('section.list > ol.rows > li h3 a').first().click();
			await page.getByRole('link', { name: t.showCashier, exact: true }).click();
			await expect(page.getByTestId('cashier-card')).toContainText('Puis-je payer avec Alipay ?');
			await page.getByRole('link', { name: t.close, exact: true }).click();
			await expect(page.getByTestId('cashier-card')).toHaveCount(0);
			await context.close();
		});

		test('an unknown merchant answers 404 in the page language', async ({ page }) => {
			const response = await page.goto(`/${t.locale}/merchants/999999-nowhere`);
			expect(response?.status()).toBe(404);
			await expect(page.locator('main')).toContainText(t.notFound);
			await expect(page.locator('html')).toHaveAttribute(
				'lang',
				t.locale === 'zh' ? 'zh-Hans' : 'fr'
			);
		});

		test('no serious accessibility violation on the map page and a merchant page', async ({
			page
		}) => {
			await page.goto(`/${t.locale}`);
			await expect(page.locator('.map-cluster, .map-pin').first()).toBeVisible();
			const onMap = await new AxeBuilder({ page }).analyze();
			const serious = (r: typeof onMap) =>
				r.violations
					.filter((v) => v.impact === 'serious' || v.impact === 'critical')
					.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			expect(serious(onMap)).toEqual([]);

			await page.locator('section.list > ol.rows > li h3 a').first().click();
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			expect(serious(await new AxeBuilder({ page }).analyze())).toEqual([]);

			await page.getByRole('link', { name: t.showCashier, exact: true }).click();
			await expect(page.getByTestId('cashier-card')).toBeVisible();
			expect(serious(await new AxeBuilder({ page }).analyze())).toEqual([]);
		});
	});
}
