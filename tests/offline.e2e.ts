import { expect, test, type Page } from '@playwright/test';

/**
 * The installable app: the manifest and its icons, and the service worker's offline copies
 * (src/service-worker.ts): a merchant page visited once opens again without network, says so,
 * and still shows its cashier card.
 */
const LOCALES = [
	{
		locale: 'zh',
		name: '无现金巴黎',
		offline: '您当前处于离线状态，显示的是之前保存的内容。',
		showCashier: '出示给收银员',
		notSaved: '此页面暂无离线版本'
	},
	{
		locale: 'fr',
		name: 'Paris sans espèces',
		offline: 'Vous êtes hors ligne : contenu enregistré lors de votre dernière visite.',
		showCashier: 'Montrer au caissier',
		notSaved: 'Page non disponible hors ligne'
	}
] as const;

/** Waits until the service worker is active and controls the page. */
async function serviceWorkerControls(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await expect
		.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
		.toBe(true);
}

/** Whether the service worker holds a copy of the page being shown. */
const pageIsSaved = (page: Page) =>
	page.evaluate(async () => (await caches.match(location.href)) !== undefined);

for (const { locale, name, offline, showCashier, notSaved } of LOCALES) {
	test(`/${locale}: the web app manifest and its icons`, async ({ page, request }) => {
		await page.goto(`/${locale}`);
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBe(`/${locale}/manifest.webmanifest`);
		await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#0b63ce');
		const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');

		const response = await request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/manifest+json');
		const manifest = await response.json();
		expect(manifest).toMatchObject({
			name,
			start_url: `/${locale}`,
			display: 'standalone',
			theme_color: '#0b63ce'
		});
		const icons: { src: string; sizes: string; purpose: string }[] = manifest.icons;
		expect(icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
		expect(icons.some((i) => i.purpose === 'maskable')).toBe(true);
		for (const src of [...icons.map((i) => i.src), touchIcon!]) {
			const icon = await request.get(src);
			expect(icon.status(), src).toBe(200);
			expect(icon.headers()['content-type'], src).toBe('image/png');
		}
	});

	test(`/${locale}: a merchant page visited once opens offline, with the offline notice`, async ({
		page,
		context
	}) => {
		await page.goto(`/${locale}`);
		await serviceWorkerControls(page);

		// Open a merchant from the list, as a visitor would (an in-app navigation).
		const rows = page.locator(`a[href^="/${locale}/merchants/"]`);
		const other = await rows.nth(1).getAttribute('href');
		await rows.first().click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/merchants/\\d+-[a-z0-9-]+$`));
		const heading = page.getByRole('heading', { level: 1 });
		const merchantName = (await heading.locator('.primary').innerText()).trim();
		expect(merchantName).not.toBe('');
		await serviceWorkerControls(page);
		await expect.poll(() => pageIsSaved(page)).toBe(true);
		await expect(page.getByTestId('offline-notice')).toHaveCount(0);

		await context.setOffline(true);
		await page.reload();
		await expect(heading).toContainText(merchantName);
		// Served by the worker from its copy, not by the network.
		await expect(page.locator('html')).toHaveAttribute('data-offline-copy', /^\d{4}-/);
		const notice = page.getByTestId('offline-notice');
		await expect(notice).toBeVisible();
		await expect(notice).toContainText(offline);
		await page.screenshot({ path: `screenshots/${locale}-offline-merchant-phone.png` });

		// The cashier card, what a visitor needs at the till, opens offline too.
		await page.getByRole('link', { name: showCashier, exact: true }).click();
		await expect(page.getByTestId('cashier-card')).toBeVisible();
		await expect(page.getByTestId('cashier-card')).toContainText(/Alipay/);

		// A page never visited says it is not saved, and lists the one that is.
		await page.goto(other!);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(notSaved);
		// Each saved page is listed by its title: "<merchant> · <what the page is> ›".
		const saved = new RegExp(`^${merchantName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `);
		await expect(page.getByRole('link', { name: saved })).toBeVisible();
		await page.screenshot({ path: `screenshots/${locale}-offline-not-saved-phone.png` });

		// Back online: the live page again, no notice.
		await context.setOffline(false);
		await page.goto(other!);
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(notSaved);
		await expect(page.getByTestId('offline-notice')).toHaveCount(0);
	});
}
