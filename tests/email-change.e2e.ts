/**
 * Issue 14, item 7, at 390×844: a merchant changes their e-mail address (fr and zh) through a
 * link sent to the new address; the old address is told and signs in no more. A refused address
 * change empties its password field, as a refused login or registration does (accounts.e2e.ts
 * checks those, in both languages). Screenshots of the account form and the confirmation page land in screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { mailsTo } from './mail';
import { logInAs } from './demo-accounts';
import { MERCHANT_PASSWORD, PHONE, registerMerchant, uniqueSuffix } from './merchant-fixtures';

test.use({ viewport: PHONE });

const WORDS = {
	fr: {
		sent: (email: string) =>
			`Lien envoyé à ${email}. Ouvrez-le dans les 24 heures pour confirmer : d'ici là, votre adresse actuelle reste celle du compte.`,
		confirmTitle: 'Confirmer votre nouvelle adresse',
		changed: (email: string) =>
			`L'adresse de votre compte est maintenant ${email}. Votre ancienne adresse a été prévenue.`,
		toldSubject: "L'adresse e-mail de votre compte a changé"
	},
	zh: {
		sent: (email: string) =>
			`确认链接已发送至 ${email}。请在 24 小时内打开以确认；在此之前，账户仍使用当前邮箱。`,
		confirmTitle: '确认新邮箱',
		changed: (email: string) => `您账户的邮箱现在是 ${email}。我们已通知原邮箱。`,
		toldSubject: '您账户的邮箱已更改'
	}
} as const;

const emailForm = (page: Page) => page.locator('form[action="?/email"]');

async function hydrated(page: Page) {
	await expect(page.locator('html')).toHaveAttribute('data-hydrated', '', { timeout: 60_000 });
}

for (const lang of ['fr', 'zh'] as const) {
	test(`/${lang} merchant: changes their address through a link sent to the new one`, async ({
		page
	}) => {
		const old = `ancienne-${uniqueSuffix()}@boutique.test`;
		const fresh = `nouvelle-${uniqueSuffix()}@atelier.test`;
		await registerMerchant(page, lang, old);
		await page.goto(`/${lang}/account`);
		await hydrated(page);
		const form = emailForm(page);

		// A wrong password: refused beside the field, the address kept, the password emptied.
		await form.locator('input[name=newEmail]').fill(fresh);
		await form.locator('input[name=emailPassword]').fill('pas le bon mot de passe');
		await form.locator('button[type=submit]').click();
		await expect(form.locator('input[name=emailPassword]')).toHaveAttribute('aria-invalid', 'true');
		await expect(form.locator('input[name=emailPassword]')).toHaveValue('');
		await expect(form.locator('input[name=newEmail]')).toHaveValue(fresh);

		await form.locator('input[name=emailPassword]').fill(MERCHANT_PASSWORD);
		await form.locator('button[type=submit]').click();
		await expect(form.getByText(WORDS[lang].sent(fresh), { exact: true })).toBeVisible();
		await page.screenshot({
			path: `screenshots/${lang}-account-email-sent-phone.png`,
			fullPage: true
		});

		// The link, from the e-mail to the new address.
		let link = '';
		await expect
			.poll(async () => {
				const mail = (await mailsTo(fresh)).at(-1);
				link = mail?.text.match(/https?:\/\/\S+\/account\/email\/\S+/)?.[0] ?? '';
				return link;
			})
			.toContain(`/${lang}/account/email/`);
		await page.goto(new URL(link).pathname);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(WORDS[lang].confirmTitle);
		await page.screenshot({ path: `screenshots/${lang}-account-email-confirm-phone.png` });
		await page.locator('main form button[type=submit]').click();
		await expect(page.getByText(WORDS[lang].changed(fresh), { exact: true })).toBeVisible();

		// The old address is told, and signs in no more; the new one does.
		await expect
			.poll(async () => (await mailsTo(old)).map((m) => m.subject))
			.toContain(WORDS[lang].toldSubject);
		await page.context().clearCookies();
		await page.goto(`/${lang}/login`);
		await page.locator('input[name=email]').fill(old);
		await page.locator('input[name=password]').fill(MERCHANT_PASSWORD);
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('main form').getByRole('alert')).toBeVisible();
		await page.locator('input[name=email]').fill(fresh);
		await page.locator('input[name=password]').fill(MERCHANT_PASSWORD);
		await Promise.all([
			page.waitForURL(new RegExp(`/${lang}/merchant$`)),
			page.locator('main form button[type=submit]').click()
		]);
	});
}

test('/fr official: the address change is there too, and a refused one changes nothing', async ({
	page
}) => {
	await logInAs(page, 'official');
	await page.goto('/fr/account');
	await hydrated(page);
	const form = emailForm(page);
	await expect(form.getByLabel('Nouvelle adresse e-mail', { exact: true })).toBeVisible();
	await form.locator('input[name=newEmail]').fill('officiel@cashless-paris.test');
	await form.locator('input[name=emailPassword]').fill('demo-officiel-2026');
	await form.locator('button[type=submit]').click();
	await expect(page.locator('#field-newEmail-error')).toContainText(
		"C'est déjà l'adresse de votre compte."
	);
	await expect(form.locator('input[name=emailPassword]')).toHaveValue('');
	await page.screenshot({ path: 'screenshots/fr-account-email-error-phone.png', fullPage: true });
	await expect(page.locator('.intro .email')).toHaveText('officiel@cashless-paris.test');
});
