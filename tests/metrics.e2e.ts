/**
 * Adoption metrics end to end, on the demo dataset: who may see them, charts that are
 * there without JavaScript, CSV exports Excel can open, targets set by an admin. That an approval
 * raises the figures is checked in admin.e2e.ts, with the other tests that approve listings.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { logInAs as logIn, type DemoRole } from './demo-accounts';
import { expectMapDrawn } from './basemap';

/** A signed-in page whose browser runs no JavaScript at all. */
async function noScriptPage(browser: Browser, who: DemoRole) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await logIn(page, who);
	return { page, context };
}

/**
 * The metrics maps start only when scrolled near the screen (the density map once its folded
 * table is opened): each is brought into view, then must have drawn its data (on the plain
 * background: the e2e server has no basemap).
 */
async function drawMaps(page: Page) {
	const density = page.locator('details[data-folded=density]');
	await density.locator('summary').click();
	await expect(density.locator('.metrics-map .map')).toBeAttached();
	const maps = page.locator('.metrics-map .map');
	await expect(maps).toHaveCount(3);
	const count = await maps.count();
	for (let i = 0; i < count; i++) {
		await maps.nth(i).scrollIntoViewIfNeeded();
		await expectMapDrawn(maps.nth(i));
	}
	return maps;
}

test.describe('metrics access', () => {
	test('anonymous visitors are sent to the login page', async ({ page }) => {
		await page.goto('/fr/admin/metrics?step=week');
		await expect(page).toHaveURL(/\/fr\/login\?next=%2Ffr%2Fadmin%2Fmetrics%3Fstep%3Dweek/);
		const csv = await page.request.get('/fr/admin/metrics/export/departements', {
			maxRedirects: 0
		});
		expect(csv.status()).toBe(303);
	});

	test('merchants are refused (403)', async ({ page }) => {
		await logIn(page, 'merchant');
		const response = await page.goto('/fr/admin/metrics');
		expect(response?.status()).toBe(403);
		const csv = await page.request.get('/fr/admin/metrics/export/departements');
		expect(csv.status()).toBe(403);
		const targets = await page.goto('/fr/admin/metrics/targets');
		expect(targets?.status()).toBe(403);
	});

	test('officials read the metrics but may not set targets', async ({ page }) => {
		await logIn(page, 'official');
		const response = await page.goto('/fr/admin/metrics');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('link', { name: 'Gérer les objectifs', exact: true })).toHaveCount(
			0
		);
		const targets = await page.goto('/fr/admin/metrics/targets');
		expect(targets?.status()).toBe(403);
	});
});

test('the dashboard shows its charts and tables without JavaScript', async ({ browser }) => {
	const { page, context } = await noScriptPage(browser, 'official');
	await page.goto('/fr/admin/metrics');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("Indicateurs d'adoption");
	// Six server-rendered charts: lines drawn, bars drawn, category bars, listings' freshness
	// (stale and reported over time) and tourists' reports over time.
	const charts = page.locator('figure.chart');
	await expect(charts).toHaveCount(6);
	expect(await page.locator('figure.chart svg path.line').count()).toBeGreaterThanOrEqual(9);
	expect(await page.locator('figure.chart svg rect.lc-bar').count()).toBeGreaterThanOrEqual(12);
	// Each chart's numbers in a table; every table has its CSV link.
	await expect(page.locator('[data-kpi=approved] .value')).toHaveText(/^\d[\d\u202f\u00a0]*$/);
	const departements = page.getByRole('region', { name: 'Les 8 départements' }).locator('tbody tr');
	await expect(departements).toHaveCount(8);
	// Twelve tables before the freshness section added three (share by département and commune, stale over time).
	expect(await page.locator('a[data-csv]').count()).toBe(15);
	// A folded table opens on its own page: every row, and its CSV link.
	await page.locator('details[data-folded=communes] summary').click();
	await page
		.getByRole('link', { name: 'Ouvrir le tableau sur sa propre page', exact: true })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Communes les mieux équipées');
	expect(
		await page
			.getByRole('region', { name: 'Communes les mieux équipées', exact: true })
			.locator('tbody tr')
			.count()
	).toBeGreaterThan(15);
	await expect(page.locator('a[data-csv=communes]')).toHaveCount(1);
	await page.getByRole('link', { name: '← Retour aux indicateurs', exact: true }).click();
	// The period form is a plain GET form.
	await page.locator('select[name=step]').selectOption('week');
	await page.getByRole('button', { name: 'Afficher', exact: true }).click();
	await expect(page).toHaveURL(/step=week/);
	await expect(
		page.getByText('Nouveaux commerçants acceptant Alipay, par semaine', { exact: true })
	).toBeVisible();
	await context.close();
});

test('tables download as CSV with a BOM, in each language', async ({ page }) => {
	await logIn(page, 'official');
	await page.goto('/fr/admin/metrics');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('a[data-csv=departements]').click()
	]);
	expect(download.suggestedFilename()).toMatch(
		/^indicateurs-departements-\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d\.csv$/
	);
	const fr = await page.request.get('/fr/admin/metrics/export/departements');
	expect(fr.headers()['content-type']).toContain('text/csv');
	const bytes = await fr.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
	expect(lines).toHaveLength(9);
	expect(lines[0].split(';')[0]).toBe('Département');
	expect(lines[1]).toMatch(/^Paris \(75\);\d+;\d+;\d+(,\d+)?;/);
	const zh = await page.request.get('/zh/admin/metrics/export/departements');
	const zhLines = (await zh.text())
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(zhLines[0].split(',')[0]).toBe('省');
	expect(zhLines[1]).toMatch(/^巴黎 \(75\),\d+,\d+,\d+(\.\d+)?,/);
});

test('the Chinese dashboard is complete', async ({ page }) => {
	await logIn(page, 'official', 'zh');
	await page.goto('/zh/admin/metrics');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('推广数据');
	for (const title of [
		'关键数据',
		'变化趋势',
		'地区分布',
		'旅游景点覆盖',
		'未被满足的搜索',
		'目标'
	]) {
		await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
	}
	// Numbers in the Chinese format (1,234) in the tables.
	await expect(page.locator('body')).not.toContainText('undefined');
});

/** The target's day, typed in French order: jour, mois, année. */
async function typeDay(page: Page, day: string, month: string, year: string) {
	await page.getByLabel('Jour', { exact: true }).fill(day);
	await page.getByLabel('Mois', { exact: true }).fill(month);
	await page.getByLabel('Année', { exact: true }).fill(year);
}

test('an admin sets a target; a wrong one is explained next to its field', async ({ page }) => {
	await logIn(page, 'admin');
	await page.goto('/fr/admin/metrics');
	await page.getByRole('link', { name: 'Gérer les objectifs', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Objectifs du partenariat');
	await page.locator('select[name=scope]').selectOption('93');
	await page.locator('input[name=count]').fill('abc');
	await typeDay(page, '1', '1', '2020');
	await page.getByRole('button', { name: "Enregistrer l'objectif", exact: true }).click();
	await expect(page.locator('#field-count-error')).toContainText(
		'Le nombre doit être un entier entre 1 et 1 000 000.'
	);
	await expect(page.locator('#field-date-error')).toContainText(
		"L'échéance doit être postérieure à aujourd'hui."
	);
	await expect(page.locator('input[name=count]')).toHaveValue('abc');
	await page.locator('input[name=count]').fill('4 321');
	await typeDay(page, '30', '6', '2031');
	// Enter submits the form (the sticky site header may cover the button after the scroll).
	await page.locator('input[name=count]').press('Enter');
	await expect(page.getByText('Objectif enregistré.', { exact: true })).toBeVisible();
	await expect(page.getByRole('row', { name: /Seine-Saint-Denis \(93\) 4\s321/ })).toBeVisible();
	await page.goto('/fr/admin/metrics');
	await expect(page.locator('#targets')).toContainText('4 321');
});

test('the maps draw the density, the attractions and the demand gaps', async ({ page }) => {
	await logIn(page, 'official');
	await page.goto('/fr/admin/metrics');
	const maps = await drawMaps(page);
	for (let i = 0; i < (await maps.count()); i++) {
		await expect(maps.nth(i)).toHaveAttribute('data-status', 'no-basemap');
		await page
			.locator('.metrics-map')
			.nth(i)
			.screenshot({ path: `screenshots/metrics-map-${i + 1}-fr-phone.png` });
	}
});

test('the dashboard fits a phone, in French and Chinese', async ({ page }) => {
	// Two languages, each with its maps drawn and a full-page screenshot: long on a busy machine.
	test.slow();
	await logIn(page, 'official');
	for (const lang of ['fr', 'zh'] as const) {
		await page.goto(`/${lang}/admin/metrics`);
		await expect(page.locator('figure.chart').first()).toBeVisible();
		// The full-page screenshot shows the maps drawn, not their loading skeletons.
		await drawMaps(page);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		// What a phone shows first. The whole page is about 11,000 px tall: capturing it means
		// laying it out, with its lazily loaded maps, at that height, which took over 30 s on a
		// busy machine.
		await page.screenshot({ path: `screenshots/metrics-${lang}-phone.png` });
	}
});

test.describe('every row and every figure (issue 14, item 6)', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the communes CSV holds every row of its table, not only the first fifteen', async ({
		page
	}) => {
		await logIn(page, 'official');
		await page.goto('/fr/admin/metrics');
		// The table is folded: its rows load when it is opened.
		await page.locator('details[data-folded=communes] summary').click();
		const rows = page
			.getByRole('region', { name: 'Communes les mieux équipées', exact: true })
			.locator('tbody tr');
		await expect(rows.first()).toBeVisible();
		const shown = await rows.count();
		expect(shown).toBeGreaterThan(15);
		const csv = await page.request.get('/fr/admin/metrics/export/communes');
		const lines = (await csv.text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\r\n');
		expect(lines).toHaveLength(shown + 1);
	});

	for (const lang of ['fr', 'zh'] as const) {
		test(`${lang}: no figure is cut at 390 px, in a table or beside a bar`, async ({ page }) => {
			await logIn(page, 'official', lang);
			await page.goto(`/${lang}/admin/metrics`);
			await expect(page.locator('figure.chart').first()).toBeVisible();
			// The page itself never scrolls sideways; wide tables scroll inside their box.
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				390
			);
			const cut = await page.evaluate(() => {
				const cells = [...document.querySelectorAll('.table-block th, .table-block td')]
					.filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
					.map((cell) => cell.textContent?.trim());
				const values = [...document.querySelectorAll('figure.chart svg text.value')]
					.filter((text) => {
						const svg = (text as SVGTextElement).ownerSVGElement!.getBoundingClientRect();
						return text.getBoundingClientRect().right > svg.right + 0.5;
					})
					.map((text) => text.textContent);
				return [...cells, ...values];
			});
			expect(cut).toEqual([]);
			await page
				.locator('figure.chart')
				.nth(3)
				.screenshot({ path: `screenshots/${lang}-metrics-categories-phone.png` });
		});
	}
});
