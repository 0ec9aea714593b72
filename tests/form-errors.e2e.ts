/**
 * The account forms refused on a phone (issue 14, item 1): registration (the address, then the
 * password from the e-mailed link), the account's password and e-mail change, login, forgotten
 * password and the reset link. The error summary at the top takes the focus and is on screen,
 * under the sticky header, with and without JavaScript; its links lead to each field; what was
 * typed stays, passwords excepted. In French and Chinese. Screenshots: see ./form-errors.ts.
 */
import { expect, test } from '@playwright/test';
import {
	followFirstLink,
	inEachModeAndLanguage,
	open,
	phonePage,
	submitAndExpectSummary,
	submitFormAndExpectSummary
} from './form-errors';
import { askForAccount, openRegistrationLink } from './registration';
import { resetLinkFor } from './mail';

const PASSWORD = 'une-boutique-rue-de-rivoli';

inEachModeAndLanguage(({ js, mode, lang, shot }) => {
	test(`${lang}: the account forms show their errors in view`, async ({ browser }) => {
		const email = `form-errors-${lang}-${mode}-${Date.now().toString(36)}@boutique.test`;
		const page = await phonePage(browser, js);
		const submitButton = page.locator('main form button[type=submit]');

		// Registration: a mistyped address and no consent; the address stays to be fixed.
		await open(page, `/${lang}/register`, js);
		await page.locator('input[name=email]').fill('marie@');
		let summary = await submitAndExpectSummary(page, submitButton, shot('register'));
		await expect(summary.getByRole('link')).toHaveCount(2);
		await expect(page.locator('input[name=email]')).toHaveValue('marie@');
		await followFirstLink(page, summary, js);
		// Refused again once a link was followed: the summary again, not the field it led to.
		await submitAndExpectSummary(page, submitButton, shot('register-again'));

		// The e-mailed link: a password and a confirmation that differ.
		await askForAccount(page, email, { locale: lang });
		await openRegistrationLink(page, email);
		if (js) await expect(page.locator('html[data-hydrated]')).toBeAttached();
		await page.locator('input[name=password]').fill(PASSWORD);
		await page.locator('input[name=passwordConfirm]').fill(`${PASSWORD}-bis`);
		summary = await submitAndExpectSummary(page, submitButton, shot('register-password'));
		await expect(summary.locator('a[href="#field-passwordConfirm"]')).toBeVisible();
		await followFirstLink(page, summary, js);
		await page.locator('input[name=password]').fill(PASSWORD);
		await page.locator('input[name=passwordConfirm]').fill(PASSWORD);
		await submitButton.click();
		// Without JavaScript, the summary's link last followed stays in the address.
		await expect(page).toHaveURL(new RegExp(`/${lang}/merchant(#.*)?$`));

		// The account: a wrong current password; a new address mistyped, without the password.
		await open(page, `/${lang}/account`, js);
		const password = page.locator('form[action="?/password"]');
		await password.locator('input[name=current]').fill('pas le bon');
		summary = await submitFormAndExpectSummary(page, password, shot('account-password'));
		await followFirstLink(page, summary, js);
		const change = page.locator('form[action="?/email"]');
		await change.locator('input[name=newEmail]').fill('nouvelle-adresse@');
		summary = await submitFormAndExpectSummary(page, change, shot('account-email'));
		await expect(summary.getByRole('link')).toHaveCount(2);
		await expect(change.locator('input[name=newEmail]')).toHaveValue('nouvelle-adresse@');
		await followFirstLink(page, summary, js);
		await page.context().close();

		// Signed out: a wrong password, emptied; the typed address stays.
		const visitor = await phonePage(browser, js);
		const visitorSubmit = visitor.locator('main form button[type=submit]');
		await open(visitor, `/${lang}/login`, js);
		await visitor.locator('input[name=email]').fill(email);
		await visitor.locator('input[name=password]').fill('pas le bon mot de passe');
		await submitAndExpectSummary(visitor, visitorSubmit, shot('login'));
		await expect(visitor.locator('input[name=password]')).toHaveValue('');
		await expect(visitor.locator('input[name=email]')).toHaveValue(email);

		// Forgotten password: no address; then the link, with passwords that differ.
		await open(visitor, `/${lang}/forgot-password`, js);
		summary = await submitAndExpectSummary(visitor, visitorSubmit, shot('forgot-password'));
		await followFirstLink(visitor, summary, js);
		await visitor.locator('input[name=email]').fill(email);
		await visitorSubmit.click();
		await expect.poll(() => resetLinkFor(email)).not.toBeNull();
		await open(visitor, new URL((await resetLinkFor(email))!).pathname, js);
		await visitor.locator('input[name=password]').fill('court');
		await visitor.locator('input[name=passwordConfirm]').fill('court');
		summary = await submitAndExpectSummary(visitor, visitorSubmit, shot('reset-password'));
		await expect(summary.locator('a[href="#field-password"]')).toBeVisible();
		await followFirstLink(visitor, summary, js);
		await visitor.context().close();
	});
});
