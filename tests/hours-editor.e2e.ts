/**
 * The weekly hours editor keeps afternoons (issue 14): "Appliquer les horaires du lundi" copies a
 * split Monday to every other day after a refused step and when saved hours are reopened, with and
 * without JavaScript, and what is saved is what was shown. Public holidays have their own row.
 * The refused step and the copy in French and Chinese. Leaves screenshots of the hours step in
 * screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { makeSiret } from '../src/lib/merchants/siret';
import { logInAs } from './demo-accounts';

const PHONE = { width: 390, height: 844 };
const LATER_DAYS = ['Tu', 'We', 'Th', 'Fr', 'Sa'] as const;

type Lang = 'fr' | 'zh';
const WORDS = {
	fr: {
		next: 'Continuer',
		copy: 'Appliquer les horaires du lundi aux autres jours',
		addRange: /Ajouter une seconde plage/
	},
	zh: { next: '下一步', copy: '将星期一的时间应用到其他日期', addRange: /添加第二个时段/ }
} as const;
const next = (page: Page, lang: Lang = 'fr') =>
	page.getByRole('button', { name: WORDS[lang].next, exact: true }).click();
const copyButton = (page: Page, lang: Lang = 'fr') =>
	page.getByRole('button', { name: WORDS[lang].copy, exact: true });
const input = (page: Page, name: string) => page.locator(`input[name=${name}]`);

/** A new draft of the demo merchant; answers the URL of its hours step. */
async function newDraft(page: Page, name: string, sirenStem: number, lang: Lang = 'fr') {
	await logInAs(page, 'merchant', lang);
	await page.goto(`/${lang}/merchant/shops/new`);
	await input(page, 'legalName').fill(`SAS ${name}`);
	await input(page, 'siret').fill(makeSiret(sirenStem + (Date.now() % 100_000)));
	await input(page, 'tradeNameFr').fill(name);
	await page.locator('select[name=category]').selectOption('food_wine');
	await next(page, lang);
	await expect(page).toHaveURL(new RegExp(`/${lang}/merchant/shops/\\d+/address$`));
	return new URL(page.url()).pathname.replace(/address$/, 'hours');
}

/** Monday 10:00–13:00 and 14:00–19:00 (the second range is already shown without JavaScript). */
async function splitMonday(page: Page) {
	await input(page, 'hours_Mo_to1').fill('13:00');
	await input(page, 'hours_Mo_from2').fill('14:00');
	await input(page, 'hours_Mo_to2').fill('19:00');
}

/** The saved hours, read back from the hours step: every later day has Monday's afternoon. */
async function expectSavedSplitWeek(page: Page, hours: string) {
	await page.goto(hours);
	for (const day of ['Mo', ...LATER_DAYS]) {
		await expect(input(page, `hours_${day}_open`)).toBeChecked();
		await expect(input(page, `hours_${day}_from1`)).toHaveValue('10:00');
		await expect(input(page, `hours_${day}_to1`)).toHaveValue('13:00');
		await expect(input(page, `hours_${day}_from2`)).toHaveValue('14:00');
		await expect(input(page, `hours_${day}_to2`)).toHaveValue('19:00');
	}
	await expect(input(page, 'hours_Su_open')).not.toBeChecked();
}

test.describe('the hours editor keeps afternoons', () => {
	test.use({ viewport: PHONE });

	for (const [lang, stem] of [
		['fr', 66_100_000],
		['zh', 66_400_000]
	] as const) {
		test(`${lang}: copy Monday after a refused step`, async ({ page }) => {
			const hours = await newDraft(page, 'Épicerie des Après-midi', stem, lang);
			await page.goto(hours);
			await expect(copyButton(page, lang)).toBeVisible();
			await page.getByRole('button', { name: WORDS[lang].addRange }).first().click();
			await splitMonday(page);
			// Sunday ticked open with no times: refused beside Sunday, everything typed kept.
			await input(page, 'hours_Su_open').check();
			await input(page, 'hours_Su_from1').fill('');
			await input(page, 'hours_Su_to1').fill('');
			await next(page, lang);
			await expect(page.locator('#field-hours_Su-error')).toBeVisible();
			await expect(input(page, 'hours_Mo_from2')).toHaveValue('14:00');
			await input(page, 'hours_Su_open').uncheck();

			await copyButton(page, lang).click();
			for (const day of LATER_DAYS) {
				await expect(input(page, `hours_${day}_from2`)).toBeVisible();
				await expect(input(page, `hours_${day}_from2`)).toHaveValue('14:00');
				await expect(input(page, `hours_${day}_to2`)).toHaveValue('19:00');
			}
			await page.screenshot({ path: `screenshots/${lang}-hours-copied-phone.png`, fullPage: true });
			await next(page, lang);
			await expect(page).toHaveURL(/\/payment$/);
			await expectSavedSplitWeek(page, hours);
		});
	}

	test('copy Monday when reopening saved hours, public holidays closed', async ({ page }) => {
		const hours = await newDraft(page, 'Épicerie des Jours Fériés', 66_200_000);
		await page.goto(hours);
		await expect(copyButton(page)).toBeVisible();
		await next(page);
		await expect(page).toHaveURL(/\/payment$/);

		// Saved Monday to Saturday 10:00–19:00; reopened, split Monday, copied.
		await page.goto(hours);
		await expect(copyButton(page)).toBeVisible();
		await expect(input(page, 'hours_We_from2')).toBeHidden();
		await page
			.getByRole('button', { name: /Ajouter une seconde plage/ })
			.first()
			.click();
		await splitMonday(page);
		await copyButton(page).click();
		await expect(input(page, 'hours_Sa_from2')).toHaveValue('14:00');
		await page.getByRole('group', { name: 'Jours fériés' }).getByLabel('Fermé').check();
		await next(page);
		await expect(page).toHaveURL(/\/payment$/);
		await expectSavedSplitWeek(page, hours);
		await expect(
			page.getByRole('group', { name: 'Jours fériés' }).getByLabel('Fermé')
		).toBeChecked();
		await page.screenshot({ path: 'screenshots/fr-hours-reopened-phone.png', fullPage: true });
	});
});

test.describe('the hours editor without JavaScript', () => {
	test.use({ viewport: PHONE, javaScriptEnabled: false });

	test('copy Monday is a button the server answers, on reopened saved hours', async ({ page }) => {
		const hours = await newDraft(page, 'Épicerie Sans Script', 66_300_000);
		await page.goto(hours);
		await next(page);
		await expect(page).toHaveURL(/\/payment$/);

		await page.goto(hours);
		await splitMonday(page);
		await copyButton(page).click();
		await expect(
			page.getByText('Les horaires du lundi ont été appliqués aux autres jours.')
		).toBeVisible();
		for (const day of LATER_DAYS) {
			await expect(input(page, `hours_${day}_from2`)).toHaveValue('14:00');
		}
		// Not saved until the step is sent.
		await next(page);
		await expect(page).toHaveURL(/\/payment$/);
		await expectSavedSplitWeek(page, hours);
	});
});
