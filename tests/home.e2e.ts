import { expect, test } from '@playwright/test';

const LOCALES = [
	{
		locale: 'zh',
		lang: 'zh-Hans',
		siteName: '无现金巴黎',
		countText: /家商户可用支付宝/,
		other: 'fr'
	},
	{
		locale: 'fr',
		lang: 'fr',
		siteName: 'Paris sans espèces',
		countText: /commerces acceptent Alipay/,
		other: 'zh'
	}
] as const;

test('the bare address sends a visitor to the Chinese site by default', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/zh\/?$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
});

test('a browser that prefers French lands on the French site', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'fr-FR' });
	const page = await context.newPage();
	await page.goto('/');
	await expect(page).toHaveURL(/\/fr\/?$/);
	await context.close();
});

for (const { locale, lang, siteName, countText, other } of LOCALES) {
	test(`/${locale} shows the approved merchants counted in the database`, async ({
		page,
		request
	}) => {
		await page.goto(`/${locale}/about`);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.getByRole('banner')).toContainText(siteName);
		const heading = page.getByTestId('approved-count');
		await expect(heading).toHaveText(countText);
		const shown = Number((await heading.innerText()).replace(/[^0-9]/g, ''));
		expect(shown).toBeGreaterThan(0);

		// The per-département figures add up to the headline.
		const rows = page
			.getByRole('region', { name: locale === 'zh' ? '按省份' : 'Par département' })
			.getByRole('listitem');
		await expect(rows).toHaveCount(8);
		const counts = await rows.locator('.count').allInnerTexts();
		expect(counts.map((c) => Number(c.replace(/[^0-9]/g, ''))).reduce((a, b) => a + b, 0)).toBe(
			shown
		);

		// The map page announces the same number as this page. Other tests approve listings
		// meanwhile, so both pages are read again until no approval landed between the reads.
		const announced = async (path: string) => {
			await page.goto(path);
			const count = page.getByTestId('approved-count');
			await expect(count).toHaveText(countText);
			return Number((await count.innerText()).replace(/[^0-9]/g, ''));
		};
		await expect
			.poll(async () => (await announced(`/${locale}`)) - (await announced(`/${locale}/about`)))
			.toBe(0);

		// Anonymous pages set no cookie.
		const response = await request.get(`/${locale}`);
		expect(response.headers()['set-cookie']).toBeUndefined();
		expect(other).not.toBe(locale);
	});

	test(`/${locale}: the language switch keeps the page and the query`, async ({ page }) => {
		await page.goto(`/${locale}?q=test&x=1`);
		const target = page
			.getByRole('navigation', { name: locale === 'zh' ? '切换语言' : 'Changer de langue' })
			.locator(`a[hreflang^="${other}"]`);
		await target.click();
		await expect(page).toHaveURL(new RegExp(`/${other}/?\\?q=test&x=1$`));
		await expect(page.locator('html')).toHaveAttribute('lang', other === 'zh' ? 'zh-Hans' : 'fr');
	});

	test(`/${locale}: an unknown page answers 404 in the page's language`, async ({ page }) => {
		const response = await page.goto(`/${locale}/no-such-page`);
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			locale === 'zh' ? '页面不存在' : 'Page introuvable'
		);
	});
}
