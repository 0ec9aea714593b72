/**
 * Listings a tourist can trust, end to end: a tourist reports in one tap without JavaScript (zh
 * and fr), is thanked, gets no cookie and cannot report the same shop twice a day; a "closed"
 * report puts a caution on the page and the listing in the officials' queue, where an official
 * dismisses it; the open-data files validate against the public count; the demo's reported
 * listing is explained on its owner's dashboard and cautioned on its page and card; the metrics
 * show tourists' reports.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { logInAs } from './demo-accounts';

interface Feature {
	type: string;
	id: number;
	geometry: { type: string; coordinates: [number, number] };
	properties: Record<string, unknown> & { id: number; name_fr: string; url: string };
}
interface Collection {
	type: string;
	license: string;
	features: Feature[];
}

const IDF = '1.44,48.12,3.56,49.24';

async function openData(request: APIRequestContext): Promise<Collection> {
	const response = await request.get('/api/open-data/merchants.geojson');
	expect(response.status()).toBe(200);
	return response.json();
}

/** The page of the n-th public shop (by id) in a language: each test takes its own shop. */
async function shopPage(request: APIRequestContext, n: number, lang: 'zh' | 'fr') {
	const feature = (await openData(request)).features[n];
	const path = new URL(feature.properties.url).pathname.replace(/^\/zh\//, `/${lang}/`);
	return { path, name: feature.properties.name_fr, id: feature.id };
}

const reportButton = (page: Page, name: string) =>
	page.getByTestId('tourist-reports').getByRole('button', { name, exact: true });

test.describe('tourist reports without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('zh: one tap says "paid", thanks, no cookie, once a day', async ({ page, context }) => {
		const shop = await shopPage(page.request, 3, 'zh');
		await page.goto(shop.path);
		await expect(page.getByTestId('paid-recently')).toHaveText('最近 30 天还没有游客反馈付款成功');
		await expect(reportButton(page, '这里不收支付宝')).toBeVisible();
		await expect(reportButton(page, '店已关闭或搬走')).toBeVisible();
		await page.getByTestId('tourist-reports').screenshot({
			path: 'screenshots/zh-tourist-report-buttons-phone.png'
		});

		await reportButton(page, '我用支付宝付款成功').click();
		await expect(
			page.getByText('谢谢！已记录您的成功付款，这会帮助其他游客。', { exact: true })
		).toBeVisible();
		await expect(page.getByTestId('paid-recently')).toHaveText('最近 30 天有 1 位游客付款成功');
		await expect(page.getByTestId('last-paid')).toContainText('最近一次付款成功：');
		await page.getByTestId('tourist-reports').screenshot({
			path: 'screenshots/zh-tourist-report-thanks-phone.png'
		});
		expect(await context.cookies()).toEqual([]);

		// The same visitor, the same shop, the same day: thanked, not counted again.
		await page.goto(shop.path);
		await reportButton(page, '这里不收支付宝').click();
		await expect(page.getByText('您今天已经反馈过这家店了，谢谢！', { exact: true })).toBeVisible();
		await expect(page.getByTestId('paid-recently')).toHaveText('最近 30 天有 1 位游客付款成功');
		await expect(page.getByTestId('report-caution')).toHaveCount(0);
		expect(await context.cookies()).toEqual([]);
	});

	test('fr: "closed or moved" shows a caution, and the listing waits in the officials\' queue', async ({
		page,
		context
	}) => {
		const shop = await shopPage(page.request, 4, 'fr');
		await page.goto(shop.path);
		await expect(page.getByTestId('report-caution')).toHaveCount(0);
		await reportButton(page, 'Établissement fermé ou déménagé').click();
		await expect(
			page.getByText(
				"Merci ! Nous allons demander à l'établissement et à notre équipe de vérifier sa fiche.",
				{ exact: true }
			)
		).toBeVisible();
		await expect(page.getByTestId('report-caution')).toContainText(
			'Demandez à la caisse avant de payer.'
		);
		expect(await context.cookies()).toEqual([]);
		await page.screenshot({ path: 'screenshots/fr-tourist-report-caution-phone.png' });

		await logInAs(page, 'official');
		await page.goto('/fr/admin/reports');
		const row = page.getByTestId('reported-queue').locator('tbody tr', { hasText: shop.name });
		// Columns: opened, not accepted, closed, paid, last verified.
		await expect(row.locator('td').nth(2)).toHaveText('1');
		await page.screenshot({
			path: 'screenshots/fr-admin-reported-queue-phone.png',
			fullPage: true
		});
		await row.getByRole('link', { name: shop.name, exact: true }).click();
		await expect(page.getByTestId('report-panel')).toBeVisible();
		await page.getByTestId('report-panel').screenshot({
			path: 'screenshots/fr-admin-report-panel-phone.png'
		});
		await page.getByRole('button', { name: '✕ Classer sans suite', exact: true }).click();
		await expect(
			page.getByText("Signalement classé sans suite, l'avertissement est retiré.", { exact: true })
		).toBeVisible();
		await expect(page.getByTestId('report-panel')).toHaveCount(0);
		await context.clearCookies();
		await page.goto(shop.path);
		await expect(page.getByTestId('report-caution')).toHaveCount(0);
	});
});

test('with JavaScript, the thanks appear in place', async ({ page, context }) => {
	const shop = await shopPage(page.request, 5, 'fr');
	await page.goto(shop.path);
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', '', { timeout: 60_000 });
	await reportButton(page, "J'ai payé avec Alipay").click();
	await expect(
		page.getByText('Merci ! Votre paiement est compté : il aidera les autres visiteurs.', {
			exact: true
		})
	).toBeVisible();
	await expect(page.getByTestId('paid-recently')).toHaveText(
		'1 visiteur a payé avec Alipay ces 30 derniers jours'
	);
	await expect(page).toHaveURL(new RegExp(`${shop.path}$`));
	expect(await context.cookies()).toEqual([]);
});

test.describe('open data', () => {
	test('the GeoJSON and the CSV hold every public shop, with ETag and licence', async ({
		request
	}) => {
		// Other tests approve listings meanwhile: the three answers are compared until they agree.
		await expect(async () => {
			const list = await (await request.get(`/api/list?bbox=${IDF}`)).json();
			const geojson = await openData(request);
			const csv = await (await request.get('/api/open-data/merchants.csv')).text();
			const lines = csv
				.replace(/^\uFEFF/, '')
				.trimEnd()
				.split('\r\n');
			expect(geojson.features.length).toBe(list.total);
			expect(lines.length - 1).toBe(list.total);
		}).toPass();

		const response = await request.get('/api/open-data/merchants.geojson');
		expect(response.headers()['content-type']).toBe('application/geo+json; charset=utf-8');
		expect(response.headers()['cache-control']).toMatch(/^public, max-age=\d+$/);
		const geojson: Collection = await response.json();
		expect(geojson.type).toBe('FeatureCollection');
		expect(geojson.license).toBe('Licence Ouverte / Open Licence 2.0');
		expect(geojson.features.length).toBeGreaterThan(100);
		for (const f of geojson.features) {
			expect(f.type).toBe('Feature');
			expect(f.geometry.type).toBe('Point');
			const [lon, lat] = f.geometry.coordinates;
			expect(lon).toBeGreaterThanOrEqual(1.44);
			expect(lon).toBeLessThanOrEqual(3.56);
			expect(lat).toBeGreaterThanOrEqual(48.12);
			expect(lat).toBeLessThanOrEqual(49.24);
			expect(f.properties.id).toBe(f.id);
			const methods = f.properties.payment_methods as string[];
			const alipay = methods.includes('alipay') || methods.includes('alipay_plus');
			expect(f.properties['payment:alipay']).toBe(alipay ? 'yes' : null);
			expect(f.properties.last_verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
		const header = (await (await request.get('/api/open-data/merchants.csv')).text())
			.replace(/^\uFEFF/, '')
			.split('\r\n')[0];
		expect(header.split(',').slice(0, 13)).toEqual([
			'id',
			'name_fr',
			'name_zh',
			'category',
			'address',
			'postal_code',
			'commune_insee',
			'opening_hours',
			'payment_methods',
			'tax_free',
			'chinese_staff',
			'last_verified',
			'url'
		]);

		const etag = response.headers()['etag'];
		// The file may have changed since (approvals elsewhere): a 304 or a new ETag, never the same ETag with a 200.
		const again = await request.get('/api/open-data/merchants.geojson', {
			headers: { 'if-none-match': etag }
		});
		if (again.status() === 200) expect(again.headers()['etag']).not.toBe(etag);
		else expect(again.status()).toBe(304);
	});

	for (const [lang, title] of [
		['zh', '开放数据：接受支付宝的商户'],
		['fr', 'Données ouvertes : les établissements qui acceptent Alipay']
	] as const) {
		test(`${lang}: the open-data page is linked from the footer and describes the files`, async ({
			page
		}) => {
			await page.goto(`/${lang}/about`);
			await page
				.getByRole('contentinfo')
				.getByRole('link', { name: lang === 'zh' ? '开放数据' : 'Données ouvertes', exact: true })
				.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			await expect(
				page.getByRole('rowheader', { name: 'commune_insee', exact: true })
			).toBeVisible();
			await expect(page.getByTestId('open-data-count')).toBeVisible();
			await page.screenshot({ path: `screenshots/${lang}-open-data-phone.png`, fullPage: true });
		});
	}
});

/**
 * The demo pharmacy's shop is in the reported queue (two "not accepted" reports this week, see
 * scripts/demo/trust.ts): its owner's dashboard explains it, its page and its card on the list
 * tell tourists to ask at the till, and the owner confirms in one click (the report stays for an
 * official).
 */
test('a reported listing: the dashboard explains it, the page and the card caution tourists', async ({
	browser,
	page
}) => {
	const WORDS = {
		zh: {
			counts: '最近 30 天：不收支付宝 2 次 · 已关闭或搬走 0 次 · 付款成功 0 次',
			caution:
				'有游客反映这家店可能不再收支付宝，或已关闭、搬走，工作人员正在核实。付款前请先向店员确认。',
			short: '有游客反映可能不收支付宝，付款前请向店员确认'
		},
		fr: {
			counts:
				'Ces 30 derniers jours : « Alipay refusé » 2 · « fermé ou déménagé » 0 · paiements réussis 0',
			caution:
				"Des visiteurs signalent que cet établissement n'accepterait plus Alipay, ou aurait fermé ou déménagé ; notre équipe vérifie. Demandez à la caisse avant de payer.",
			short: 'Signalé par des visiteurs : demandez à la caisse avant de payer.'
		}
	} as const;
	await logInAs(page, 'pharmacy');
	const reported = page.locator('article.shop', { has: page.getByTestId('shop-report') });
	let path = '';
	for (const lang of ['zh', 'fr'] as const) {
		await page.goto(`/${lang}/merchant`);
		await expect(reported.getByTestId('shop-report-counts')).toHaveText(WORDS[lang].counts);
		await expect(reported.getByTestId('shop-freshness')).toHaveAttribute(
			'data-state',
			'soon_stale'
		);
		await reported.screenshot({
			path: `screenshots/${lang}-merchant-dashboard-reported-phone.png`
		});
		path = (await reported.locator('a[href*="/merchants/"]').first().getAttribute('href'))!;
	}
	const id = path.match(/\/merchants\/(\d+)/)![1];
	const feature = (await openData(page.request)).features.find((f) => String(f.id) === id)!;
	const [lon, lat] = feature.geometry.coordinates;

	const tourist = await browser.newContext();
	const phone = await tourist.newPage();
	for (const lang of ['zh', 'fr'] as const) {
		await phone.goto(path.replace(/^\/(zh|fr)\//, `/${lang}/`));
		await expect(phone.getByTestId('report-caution')).toHaveText(WORDS[lang].caution);
		await phone.screenshot({
			path: `screenshots/${lang}-merchant-reported-phone.png`,
			fullPage: true
		});
		// Its street searched from where it stands: its card comes first.
		const street = encodeURIComponent(String(feature.properties.address));
		await phone.goto(`/${lang}?q=${street}&near=${lat},${lon}`);
		const card = phone.locator(`article[data-listing-id="${id}"]`).first();
		await expect(card.getByTestId('report-caution')).toHaveText(WORDS[lang].short);
		await card.scrollIntoViewIfNeeded();
		await card.screenshot({ path: `screenshots/${lang}-card-reported-phone.png` });
	}
	expect(await tourist.cookies()).toEqual([]);
	await tourist.close();

	// The owner confirms from the dashboard: verified today; the report waits for an official.
	await page.goto('/fr/merchant');
	await reported
		.getByRole('button', { name: '✓ Nous acceptons toujours Alipay : confirmer', exact: true })
		.click();
	await expect(
		page.getByText(
			"Merci, votre fiche est confirmée à la date d'aujourd'hui. Notre équipe en tient compte pour vérifier les signalements des visiteurs ; l'avertissement disparaît dès sa vérification.",
			{ exact: true }
		)
	).toBeVisible();
	const today = new Intl.DateTimeFormat('fr-FR', {
		dateStyle: 'long',
		timeZone: 'Europe/Paris'
	}).format(new Date());
	await expect(reported.getByTestId('shop-last-verified')).toHaveText(
		`Dernière vérification : ${today}`
	);
	await expect(reported.getByTestId('shop-freshness')).toHaveCount(0);
});

test("the freshness metrics show tourists' reports and reported listings, in zh and fr", async ({
	browser
}) => {
	// Without JavaScript: the charts are drawn on the server, and the section holds still.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await logInAs(page, 'official');
	for (const lang of ['zh', 'fr'] as const) {
		await page.goto(`/${lang}/admin/metrics`);
		const section = page.locator('#freshness');
		await expect(section.getByTestId('tourist-reports-total')).toContainText(
			lang === 'zh' ? '次游客反馈用支付宝付款成功' : 'paiements Alipay réussis'
		);
		await section.scrollIntoViewIfNeeded();
		await section.screenshot({ path: `screenshots/${lang}-metrics-freshness-phone.png` });
	}
	await context.close();
});
