/**
 * Records people can read (issue 14, item 3), at 390×844: opening hours as a week in the page's
 * language, the OpenStreetMap syntax only under "advanced" (official in French, merchant in
 * Chinese), and days typed in the page's language whatever the browser's (a Chinese browser on
 * a French page types jour / mois / année; an English one on a Chinese page, 年 / 月 / 日); hours
 * typed as 24-hour times whatever the browser's language, and the audit log's changes of hours as
 * weeks.
 */
import { expect, test } from '@playwright/test';
import { logInAs } from './demo-accounts';
import {
	applyFor,
	approveAsOfficial,
	officialPage,
	registerMerchant,
	uniqueSuffix
} from './merchant-fixtures';

test.use({ viewport: { width: 390, height: 844 } });

test('fr, official: a listing’s hours are a week in French, the raw syntax under “advanced”', async ({
	page
}) => {
	await logInAs(page, 'official');
	await page.goto('/fr/admin/queue');
	await page.locator('ul.queue > li a.main').last().click();
	const hours = page
		.locator('dl.fields > div')
		.filter({ has: page.getByText("Horaires d'ouverture", { exact: true }) })
		.locator('dd');
	await expect(hours.getByRole('rowheader', { name: 'Lundi', exact: true })).toBeVisible();
	await expect(hours.getByRole('rowheader', { name: 'Dimanche', exact: true })).toBeVisible();
	const raw = hours.locator('details code');
	await expect(raw).toBeHidden();
	await hours.getByText('Avancé : format OpenStreetMap', { exact: true }).click();
	await expect(raw).toBeVisible();
	await page.screenshot({ path: 'screenshots/fr-review-hours-phone.png', fullPage: true });
});

test('zh, merchant: the application’s summary shows its hours as a week in Chinese', async ({
	browser
}) => {
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		locale: 'fr-FR'
	});
	const page = await context.newPage();
	await logInAs(page, 'merchant', 'zh');
	const draft = await page
		.locator('article.shop:has([data-status=draft])')
		.first()
		.getAttribute('data-shop-id');
	await page.goto(`/zh/merchant/shops/${draft}/hours`);
	// The step saved as shown (a week of hours), then the summary.
	await page.getByRole('button', { name: '下一步', exact: true }).click();
	await expect(page).toHaveURL(/\/payment$/);
	await page.goto(`/zh/merchant/shops/${draft}/review`);
	const week = page.locator('.summary table');
	await expect(week.getByRole('rowheader', { name: '星期一', exact: true })).toBeVisible();
	await expect(week.getByText('Mo ', { exact: false })).toHaveCount(0);
	await page.screenshot({
		path: 'screenshots/zh-application-review-hours-phone.png',
		fullPage: true
	});
	await context.close();
});

test('days are typed in the page’s language, whatever the browser’s', async ({ browser }) => {
	for (const [lang, browserLocale, labels] of [
		['fr', 'zh-CN', ['Jour', 'Mois', 'Année']],
		['zh', 'en-US', ['年', '月', '日']]
	] as const) {
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			locale: browserLocale
		});
		const page = await context.newPage();
		await logInAs(page, 'official', lang);
		await page.goto(`/${lang}/admin/metrics?from=2026-01-05&to=2026-03-31`);
		const from = page.locator('form.period fieldset').first();
		// In the page's order, already filled with the period's first day.
		const inputs = from.locator('input');
		await expect(inputs).toHaveCount(3);
		for (const [i, label] of labels.entries()) {
			await expect(from.locator('label').nth(i)).toHaveText(label);
		}
		const values = lang === 'fr' ? ['5', '1', '2026'] : ['2026', '1', '5'];
		for (const [i, value] of values.entries()) await expect(inputs.nth(i)).toHaveValue(value);
		// Every digit shows: no part is narrower than what it holds.
		expect(
			await inputs.evaluateAll((all) =>
				all.filter((input) => input.scrollWidth > input.clientWidth).map((i) => i.id)
			)
		).toEqual([]);
		// Typed in parts, the period moves (and links keep from=YYYY-MM-DD).
		await inputs.nth(lang === 'fr' ? 0 : 2).fill('12');
		await page
			.getByRole('button', { name: lang === 'fr' ? 'Afficher' : '查看', exact: true })
			.click();
		await expect(page.locator('a[data-csv=overall]')).toHaveAttribute('href', /from=2026-01-12&/);
		await page
			.locator('form.period')
			.screenshot({ path: `screenshots/${lang}-metrics-period-phone.png` });
		await context.close();
	}
});

test('fr: hours typed the way a phone types them, then read in the audit log as weeks', async ({
	browser
}) => {
	// An English browser: hours are still typed and shown as 24-hour times, never "10:00 AM".
	const context = await browser.newContext({
		viewport: { width: 390, height: 844 },
		locale: 'en-US'
	});
	const page = await context.newPage();
	const email = `audit-hours-${uniqueSuffix()}@boutique.test`;
	const name = `Horaires lisibles ${uniqueSuffix()}`;
	await registerMerchant(page, 'fr', email);
	const id = await applyFor(page, 'fr', name);
	const official = await officialPage(browser);
	await approveAsOfficial(official, id);

	// The merchant closes at 18:30 on Mondays, typed on a numeric keypad (no colon), and sends it.
	await page.goto(`/fr/merchant/shops/${id}/hours`);
	await expect(page.locator('input[name=hours_Mo_to1]')).toHaveValue('19:00');
	await page.locator('input[name=hours_Mo_to1]').fill('1830');
	await page.locator('button[name=intent][value=next]').click();
	await expect(page).toHaveURL(/\/payment$/);
	await page.goto(`/fr/merchant/shops/${id}/review`);
	await page.getByRole('button', { name: 'Envoyer les modifications', exact: true }).click();
	await expect(page).toHaveURL(/\/fr\/merchant\?done=/);

	await official.goto(`/fr/admin/merchants/${id}`);
	await official.getByRole('button', { name: '✓ Valider les modifications', exact: true }).click();
	await official.goto(`/fr/admin/audit?merchant=${id}`);
	const change = official
		.locator('dl.changes > div')
		.filter({ has: official.getByText("Horaires d'ouverture", { exact: true }) })
		.filter({ has: official.locator('.before-hours') })
		// The latest: the approval (the revision's sending records the same change).
		.first();
	const before = change.locator('.before-hours');
	const after = change.locator('.after-hours');
	await expect(before.getByRole('row', { name: 'Lundi 10:00–19:00', exact: true })).toBeVisible();
	await expect(after.getByRole('row', { name: 'Lundi 10:00–18:30', exact: true })).toBeVisible();
	// The OpenStreetMap form only under "advanced".
	await expect(change.locator('details code').first()).toBeHidden();
	await change.scrollIntoViewIfNeeded();
	await official.screenshot({ path: 'screenshots/fr-audit-hours-phone.png' });
	await official.context().close();
	await context.close();
});
