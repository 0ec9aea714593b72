/**
 * The back-office's forms refused on a phone (issue 14, item 1): a decision without its reason
 * (request changes, reject), an acquirer file that is not one, a target without its figures, an
 * invitation to a mistyped address, and the invitation's own password form. The error summary at
 * the top takes the focus and is on screen, under the sticky header and the back-office's
 * navigation, with and without JavaScript; its links lead to each field; what was typed stays.
 * In French and Chinese. Screenshots: see ./form-errors.ts.
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
import { mailsTo } from './mail';

inEachModeAndLanguage(({ js, mode, lang, shot }) => {
	test(`${lang}, official: a decision without its reason shows the error in view`, async ({
		browser
	}) => {
		const page = await phonePage(browser, js, 'official', lang);
		await page.goto(`/${lang}/admin/queue`);
		const href = await page.locator('ul.queue > li a.main').last().getAttribute('href');
		await open(page, href!, js);
		const decision = page.locator('form[action="?/reject"]');
		for (const [button, name] of [
			[decision.locator('button[formaction="?/requestChanges"]'), 'decision-changes'],
			[decision.locator('button.danger'), 'decision-reject']
		] as const) {
			await decision.locator('textarea[name=reasonText]').fill('Le SIRET ne correspond pas.');
			const summary = await submitAndExpectSummary(page, button, shot(name));
			await expect(summary.locator('a[href="#decision-code"]')).toBeVisible();
			await expect(decision.locator('textarea[name=reasonText]')).toHaveValue(
				'Le SIRET ne correspond pas.'
			);
			await followFirstLink(page, summary, js);
		}
		await page.context().close();
	});

	test(`${lang}, admin: import, targets and team show their errors in view`, async ({
		browser
	}) => {
		const page = await phonePage(browser, js, 'admin', lang);

		// An acquirer's file that has none of the expected columns.
		await open(page, `/${lang}/admin/imports`, js);
		await page.locator('input[name=acquirer]').fill('Banque des Essais');
		await page.locator('input[name=file]').setInputFiles({
			name: 'commercants.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('nom;ville\nChez Paul;Paris\n')
		});
		let summary = await submitFormAndExpectSummary(
			page,
			page.locator('form[action="?/upload"]'),
			shot('import')
		);
		await expect(summary.locator('a[href="#file"]')).toBeVisible();
		await expect(page.locator('input[name=acquirer]')).toHaveValue('Banque des Essais');
		await followFirstLink(page, summary, js);

		// A target on a day that does not exist (31 February), without its figures; the day
		// stays as typed.
		await open(page, `/${lang}/admin/metrics/targets`, js);
		await page.locator('input[name=date-day]').fill('31');
		await page.locator('input[name=date-month]').fill('2');
		await page.locator('input[name=date-year]').fill('2030');
		summary = await submitFormAndExpectSummary(
			page,
			page.locator('form[action="?/set"]'),
			shot('targets')
		);
		await expect(summary.getByRole('link')).toHaveCount(2);
		await expect(page.locator('input[name=date-day]')).toHaveValue('31');
		await followFirstLink(page, summary, js);

		// An invitation to a mistyped address, kept; then to a real one.
		await open(page, `/${lang}/admin/team`, js);
		const invite = page.locator('form[action="?/invite"]').first();
		await invite.locator('input[name=email]').fill('agent@region');
		summary = await submitFormAndExpectSummary(page, invite, shot('team'));
		await expect(invite.locator('input[name=email]')).toHaveValue('agent@region');
		await followFirstLink(page, summary, js);
		const email = `form-errors-${lang}-${mode}-${Date.now().toString(36)}@region.test`;
		await invite.locator('input[name=email]').fill(email);
		await invite.locator('select[name=locale]').selectOption(lang);
		await invite.locator('button[type=submit]').click();
		await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
		const [mail] = await mailsTo(email);
		await page.context().close();

		// The invited official's password form: passwords too short.
		const invitee = await phonePage(browser, js);
		await open(invitee, new URL(/https?:\/\/\S+/.exec(mail.text)![0]).pathname, js);
		await invitee.locator('input[name=password]').fill('court');
		await invitee.locator('input[name=passwordConfirm]').fill('court');
		summary = await submitAndExpectSummary(
			invitee,
			invitee.locator('main form button[type=submit]'),
			shot('invitation')
		);
		await expect(summary.locator('a[href="#field-password"]')).toBeVisible();
		await followFirstLink(invitee, summary, js);
		await invitee.context().close();
	});
});
