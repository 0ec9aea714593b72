/**
 * Every step of the application wizard refused on a phone (issue 14, item 1), and the edit of an
 * approved listing (its revision): the error summary at the top takes the focus and is on screen
 * under the sticky header, with and without JavaScript; its links lead to each field; what was
 * typed stays. In French and Chinese, as the demo merchant (a new draft of its own; the refused
 * edit of its approved listing writes nothing). Screenshots: see ./form-errors.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { makeSiret } from '../src/lib/merchants/siret';
import {
	followFirstLink,
	inEachModeAndLanguage,
	open,
	phonePage,
	submitAndExpectSummary
} from './form-errors';

const input = (page: Page, name: string) => page.locator(`input[name="${name}"]`);
const nextButton = (page: Page) => page.locator('button[name=intent][value=next]');

/** Moves to the next step once this one is right, and waits for it (hydrated with JavaScript). */
async function next(page: Page, step: string, js: boolean) {
	await nextButton(page).click();
	// Without JavaScript, the summary's link last followed stays in the address (#field-…).
	await expect(page).toHaveURL(new RegExp(`/merchant/shops/\\d+/${step}(#.*)?$`));
	if (js) await expect(page.locator('html[data-hydrated]')).toBeAttached();
}

const EDIT_LISTING = { fr: 'Modifier la fiche', zh: '修改商户信息' } as const;

inEachModeAndLanguage(({ js, lang, shot }) => {
	test(`${lang}: every step of the wizard shows its errors in view`, async ({ browser }) => {
		const page = await phonePage(browser, js, 'merchant', lang);

		// Shop: a SIRET too short, the rest missing; the trade name typed stays.
		await open(page, `/${lang}/merchant/shops/new`, js);
		await input(page, 'siret').fill('123');
		await input(page, 'tradeNameFr').fill('Épicerie des Erreurs');
		let summary = await submitAndExpectSummary(page, nextButton(page), shot('wizard-shop'));
		await expect(summary.locator('a[href="#field-siret"]')).toBeVisible();
		await expect(input(page, 'tradeNameFr')).toHaveValue('Épicerie des Erreurs');
		await followFirstLink(page, summary, js);
		// Refused again once a link was followed: the summary again, not the field it led to.
		await submitAndExpectSummary(page, nextButton(page), shot('wizard-shop-again'));
		await input(page, 'legalName').fill('SAS Épicerie des Erreurs');
		await input(page, 'siret').fill(makeSiret(67_000_000 + (Date.now() % 1_000_000)));
		await page.locator('select[name=category]').selectOption('food_wine');
		await next(page, 'address', js);

		// Address: none, and a postal code outside Île-de-France.
		await input(page, 'postalCode').fill('13001');
		summary = await submitAndExpectSummary(page, nextButton(page), shot('wizard-address'));
		await expect(summary.locator('a[href="#field-address"]')).toBeVisible();
		await expect(input(page, 'postalCode')).toHaveValue('13001');
		await followFirstLink(page, summary, js);
		await input(page, 'address').fill('12 rue de Rivoli');
		await input(page, 'postalCode').fill('75004');
		await next(page, 'position', js);

		// Position: a latitude that is no number.
		await input(page, 'latitude').fill('quarante-huit');
		summary = await submitAndExpectSummary(page, nextButton(page), shot('wizard-position'));
		await followFirstLink(page, summary, js);
		await input(page, 'latitude').fill('48.8556');
		await input(page, 'longitude').fill('2.3561');
		await next(page, 'hours', js);

		// Hours: Monday open, with no opening time.
		await input(page, 'hours_Mo_from1').fill('');
		summary = await submitAndExpectSummary(page, nextButton(page), shot('wizard-hours'));
		await expect(summary.locator('a[href="#field-hours_Mo"]')).toBeVisible();
		await followFirstLink(page, summary, js);
		await input(page, 'hours_Mo_from1').fill('10:00');
		await next(page, 'payment', js);

		// Payment: no method ticked.
		for (const box of await page.locator('input[name=paymentMethods]:checked').all()) {
			await box.uncheck();
		}
		summary = await submitAndExpectSummary(page, nextButton(page), shot('wizard-payment'));
		await followFirstLink(page, summary, js);
		await input(page, 'paymentMethods').and(page.locator('[value=alipay]')).check();
		await next(page, 'review', js);

		// Review: sent without the consent to publish.
		summary = await submitAndExpectSummary(
			page,
			page.locator('button[name=intent][value=submit]'),
			shot('wizard-review')
		);
		await expect(summary.locator('a[href="#field-consentToPublish-on"]')).toBeVisible();
		await followFirstLink(page, summary, js);

		// The edit of an approved listing: its French name erased.
		await open(page, `/${lang}/merchant`, js);
		const edit = page.getByRole('link', { name: EDIT_LISTING[lang], exact: true }).first();
		await open(page, (await edit.getAttribute('href'))!, js);
		await input(page, 'tradeNameFr').fill('');
		summary = await submitAndExpectSummary(page, nextButton(page), shot('wizard-revision'));
		await expect(summary.locator('a[href="#field-tradeNameFr"]')).toBeVisible();
		await followFirstLink(page, summary, js);
		await page.context().close();
	});
});
