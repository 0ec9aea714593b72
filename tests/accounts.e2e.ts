import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { mailsTo, resetLinkFor } from './mail';
import { askForAccount, openRegistrationLink, registerMerchant } from './registration';

/**
 * Merchant accounts at phone size: register, log out, log in, forgot/reset password, change
 * password, download my data, delete my account — in French and Chinese where the words matter,
 * with and without JavaScript. Each test registers its own account (the tests run in parallel),
 * through the e-mailed link as anyone does (tests/registration.ts).
 */
const T = {
	fr: {
		register: 'Créer mon compte',
		login: 'Se connecter',
		logout: 'Se déconnecter',
		tooShort: 'Le mot de passe doit comporter au moins 10 caractères.',
		emailInvalid: 'Saisissez une adresse e-mail complète, par exemple nom@exemple.fr.',
		consent: 'Acceptez la notice de confidentialité pour créer un compte.',
		credentials: 'Adresse e-mail ou mot de passe incorrect.',
		forgotSubmit: 'Recevoir le lien',
		resetSubmit: 'Enregistrer le mot de passe',
		resetDone: 'Votre mot de passe a été modifié. Connectez-vous avec le nouveau.',
		mismatch: 'Les deux mots de passe ne sont pas identiques.',
		linkDead: 'Ce lien ne fonctionne plus',
		askAgain: 'Demander un nouveau lien'
	},
	zh: {
		register: '注册',
		login: '登录',
		logout: '退出登录',
		tooShort: '密码至少需要 10 个字符。',
		emailInvalid: '请输入完整的邮箱地址，例如 name@example.com。',
		consent: '注册前请同意隐私声明。',
		credentials: '邮箱或密码不正确。',
		forgotSubmit: '发送链接',
		resetSubmit: '保存新密码',
		resetDone: '密码已重置，请用新密码登录。',
		mismatch: '两次输入的密码不一致。',
		linkDead: '链接已失效',
		askAgain: '重新获取链接'
	}
} as const;
type Locale = keyof typeof T;

const PASSWORD = 'lanterne rouge 2026';
const NEW_PASSWORD = 'quai de seine 4217';
let counter = 0;
/** An address no other test uses. */
const freshEmail = (what: string) =>
	`${what}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.fr`;

const serious = async (page: Page) =>
	(await new AxeBuilder({ page }).analyze()).violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** Registers through the form and the e-mailed link; lands signed in, in the merchant space. */
async function register(page: Page, locale: Locale, email: string) {
	await registerMerchant(page, email, { locale, password: PASSWORD });
}

async function logIn(page: Page, locale: Locale, email: string, password: string) {
	await page.goto(`/${locale}/login`);
	await page.locator('#field-email').fill(email);
	await page.locator('#field-password').fill(password);
	await page.getByRole('button', { name: T[locale].login, exact: true }).click();
}

async function logOut(page: Page, locale: Locale) {
	await page.locator('details.menu summary').click();
	await page.getByRole('button', { name: T[locale].logout, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/${locale}$`));
	await expect(page.locator('details.menu')).toHaveCount(0);
	await expect(page.locator('a.login')).toBeVisible();
}

/** Nothing sticks out sideways: the page is no wider than the phone. */
async function expectNoOverflow(page: Page) {
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);
	for (const box of await page
		.locator('.site-header .bar > *')
		.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
		expect(box).toBeLessThanOrEqual(390);
}

for (const locale of ['fr', 'zh'] as const) {
	const t = T[locale];

	test(`/${locale}: register (errors in ${locale}, values kept) → e-mailed link → merchant space → log out`, async ({
		page
	}) => {
		await page.goto(`/${locale}/register`);
		await expectNoOverflow(page);
		await page.locator('#field-email').fill('pas-une-adresse');
		await page.getByRole('button', { name: t.register, exact: true }).click();
		await expect(page.locator('#field-email-error')).toContainText(t.emailInvalid);
		await expect(page.locator('#consent-error')).toContainText(t.consent);
		await expect(page.locator('#field-email')).toHaveValue('pas-une-adresse');
		await expect(page.locator('#field-email')).toHaveAttribute('aria-invalid', 'true');
		expect(await serious(page)).toEqual([]);

		const email = freshEmail(`register-${locale}`);
		await page.locator('#field-email').fill(email);
		await page.locator('input[name=consent]').check();
		await page.getByRole('button', { name: t.register, exact: true }).click();
		const notice = page.locator('.done [role=status]');
		await expect(notice).toContainText(email);
		const sentText = (await notice.innerText()).replace(email, '…');

		// The link's page: the password policy in the page's language, then the merchant space.
		await openRegistrationLink(page, email);
		await expect(page.locator('.for')).toHaveCount(0);
		await page.locator('#field-password').fill('court');
		await page.locator('#field-passwordConfirm').fill('court');
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('#field-password-error')).toContainText(t.tooShort);
		await expect(page.locator('#field-password')).toHaveValue('');
		expect(await serious(page)).toEqual([]);
		await page.locator('#field-password').fill(PASSWORD);
		await page.locator('#field-passwordConfirm').fill(PASSWORD);
		await page.locator('main form button[type=submit]').click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/merchant$`));
		await expect(page.locator('details.menu summary')).toBeVisible();
		await expectNoOverflow(page);

		// Registering the address again answers exactly as for a new one; the owner is told by
		// e-mail, with the ways to sign in, and the account is unchanged.
		await logOut(page, locale);
		await askForAccount(page, email.toUpperCase(), { locale });
		expect(
			(await page.locator('.done [role=status]').innerText()).replace(email.toUpperCase(), '…')
		).toBe(sentText);
		await expect.poll(async () => (await mailsTo(email)).length).toBe(2);
		const told = (await mailsTo(email)).at(-1)!;
		expect(told.text).toContain('/forgot-password');
		expect(told.text).not.toContain('/register/');
		await logIn(page, locale, email, PASSWORD);
		await expect(page).toHaveURL(new RegExp(`/${locale}/merchant$`));
	});

	test(`/${locale}: a wrong password and an unknown address get the same generic error`, async ({
		page
	}) => {
		const email = freshEmail(`wrong-${locale}`);
		await register(page, locale, email);
		await logOut(page, locale);
		await logIn(page, locale, email, 'not the password at all');
		await expect(page.getByRole('alert')).toContainText(t.credentials);
		await expect(page.locator('#field-email')).toHaveValue(email);
		// The refused password is not kept in its field.
		await expect(page.locator('#field-password')).toHaveValue('');
		await logIn(page, locale, freshEmail('nobody'), PASSWORD);
		await expect(page.getByRole('alert')).toContainText(t.credentials);
	});

	test(`/${locale}: forgot password → e-mailed link → new password → log in`, async ({ page }) => {
		const email = freshEmail(`forgot-${locale}`);
		await register(page, locale, email);
		await logOut(page, locale);

		// The same neutral answer for an unknown address and for this one.
		const unknown = freshEmail('unknown');
		const ask = async (address: string) => {
			await page.goto(`/${locale}/forgot-password`);
			await page.locator('#field-email').fill(address);
			await page.getByRole('button', { name: t.forgotSubmit, exact: true }).click();
			const notice = page.locator('.done [role=status]');
			await expect(notice).toContainText(address);
			return (await notice.innerText()).replace(address, '…');
		};
		expect(await ask(unknown)).toBe(await ask(email));
		expect(await mailsTo(unknown)).toEqual([]);

		await expect.poll(() => resetLinkFor(email)).not.toBeNull();
		const mail = (await mailsTo(email)).at(-1)!;
		// The account's language (that of the page it registered on).
		expect(mail.text).toContain(locale === 'fr' ? 'Bonjour' : '您好');
		const link = new URL((await resetLinkFor(email))!);
		await page.goto(link.pathname);
		await expect(page.locator('.for')).toContainText(email);
		await page.locator('#field-password').fill(NEW_PASSWORD);
		await page.locator('#field-passwordConfirm').fill('something else entirely');
		await page.getByRole('button', { name: t.resetSubmit, exact: true }).click();
		await expect(page.locator('#field-passwordConfirm-error')).toContainText(t.mismatch);
		await page.locator('#field-password').fill(NEW_PASSWORD);
		await page.locator('#field-passwordConfirm').fill(NEW_PASSWORD);
		await page.getByRole('button', { name: t.resetSubmit, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/login\\?reset=done$`));
		await expect(page.locator('.notice.success')).toContainText(t.resetDone);

		await logIn(page, locale, email, PASSWORD);
		await expect(page.getByRole('alert')).toContainText(t.credentials);
		await logIn(page, locale, email, NEW_PASSWORD);
		await expect(page).toHaveURL(new RegExp(`/${locale}/merchant$`));

		// A link serves once.
		await page.goto(link.pathname);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.linkDead);
		await page.getByRole('link', { name: t.askAgain, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/forgot-password$`));
	});
}

test('/fr: changing the password ends the other sessions, not this one', async ({
	page,
	browser
}) => {
	const email = freshEmail('change');
	await register(page, 'fr', email);
	const other = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const phone = await other.newPage();
	await logIn(phone, 'fr', email, PASSWORD);
	await expect(phone).toHaveURL(/\/fr\/merchant$/);
	await phone.goto('/fr/account');
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Mon compte');

	await page.goto('/fr/account');
	await page.locator('#field-current').fill('pas le bon mot de passe');
	await page.locator('#field-password').fill(NEW_PASSWORD);
	await page.locator('#field-passwordConfirm').fill(NEW_PASSWORD);
	await page.getByRole('button', { name: 'Changer le mot de passe', exact: true }).click();
	await expect(page.locator('#field-current-error')).toContainText('Mot de passe incorrect.');

	await page.locator('#field-current').fill(PASSWORD);
	await page.locator('#field-password').fill(NEW_PASSWORD);
	await page.locator('#field-passwordConfirm').fill(NEW_PASSWORD);
	await page.getByRole('button', { name: 'Changer le mot de passe', exact: true }).click();
	await expect(page.locator('.notice.success')).toContainText(
		'Mot de passe changé. Vos autres sessions ont été fermées.'
	);
	// This browser stays signed in (a new load: the form may have been posted before the page
	// hydrated, leaving ?/password in the address)…
	await page.goto('/fr/account');
	await expect(page).toHaveURL(/\/fr\/account$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte');
	// …the other one is sent to the login page.
	await phone.goto('/fr/account');
	await expect(phone).toHaveURL(/\/fr\/login\?next=/);
	await other.close();
});

test('/fr: my account — language, download my data, delete my account', async ({ page }) => {
	const email = freshEmail('gdpr');
	await register(page, 'fr', email);
	await page.goto('/fr/account');
	await expect(page.locator('dd.email')).toHaveText(email);
	expect(await serious(page)).toEqual([]);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Télécharger mes données', exact: true }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^cashless-paris-data-\d{4}-\d{2}-\d{2}\.json$/);
	const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
	expect(data.account.email).toBe(email);
	expect(data.account.role).toBe('merchant');
	expect(JSON.stringify(data)).not.toContain('passwordHash');

	// Language: the account page comes back in Chinese.
	await page.locator('input[name=locale][value=zh]').check();
	await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
	await expect(page).toHaveURL(/\/zh\/account\?saved=locale$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的账户');
	await expect(page.locator('.notice.success')).toContainText('语言已保存。');
	expect(await serious(page)).toEqual([]);

	await page.locator('#field-deletePassword').fill('pas le bon mot de passe');
	await page.getByRole('button', { name: '永久注销账户', exact: true }).click();
	await expect(page.locator('#field-deletePassword-error')).toContainText('密码不正确。');
	await page.locator('#field-deletePassword').fill(PASSWORD);
	await page.getByRole('button', { name: '永久注销账户', exact: true }).click();
	await expect(page).toHaveURL(/\/zh\/account\/deleted/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('账户已注销');
	await expect(page.locator('a.login')).toBeVisible();

	await logIn(page, 'zh', email, PASSWORD);
	await expect(page.getByRole('alert')).toContainText(T.zh.credentials);
	const response = await page.request.get('/fr/account/data', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
});

test('/fr: an account registered in Chinese opens its space in Chinese', async ({ page }) => {
	await registerMerchant(page, freshEmail('langue'), { locale: 'fr', accountLocale: 'zh' });
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	await page.locator('details.menu summary').click();
	await expect(page.getByRole('button', { name: T.zh.logout, exact: true })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('/fr: register with an error, fix it, choose the password through the link, log out', async ({
		page
	}) => {
		const email = freshEmail('nojs');
		await page.goto('/fr/register');
		await page.locator('#field-email').fill(email);
		await page.getByRole('button', { name: T.fr.register, exact: true }).click();
		await expect(page.locator('#consent-error')).toContainText(T.fr.consent);
		await expect(page.locator('#field-email')).toHaveValue(email);
		await page.locator('input[name=consent]').check();
		await page.getByRole('button', { name: T.fr.register, exact: true }).click();
		await expect(page.locator('.done [role=status]')).toContainText(email);

		await openRegistrationLink(page, email);
		await page.locator('#field-password').fill('court');
		await page.locator('#field-passwordConfirm').fill('court');
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('#field-password-error')).toContainText(T.fr.tooShort);
		// A password is never sent back.
		await expect(page.locator('#field-password')).toHaveValue('');
		await page.locator('#field-password').fill(PASSWORD);
		await page.locator('#field-passwordConfirm').fill(PASSWORD);
		await page.locator('main form button[type=submit]').click();
		await expect(page).toHaveURL(/\/fr\/merchant$/);
		await logOut(page, 'fr');
	});

	test('/fr: the e-mailed reset link works without JavaScript (its form posts from the same origin)', async ({
		page
	}) => {
		const email = freshEmail('nojs-reset');
		await register(page, 'fr', email);
		await logOut(page, 'fr');

		await page.goto('/fr/forgot-password');
		await page.locator('#field-email').fill(email);
		await page.getByRole('button', { name: T.fr.forgotSubmit, exact: true }).click();
		await expect(page.locator('.done [role=status]')).toContainText(email);
		await expect.poll(() => resetLinkFor(email)).not.toBeNull();
		await page.goto(new URL((await resetLinkFor(email))!).pathname);
		await page.locator('#field-password').fill(NEW_PASSWORD);
		await page.locator('#field-passwordConfirm').fill('something else entirely');
		await page.getByRole('button', { name: T.fr.resetSubmit, exact: true }).click();
		await expect(page.locator('#field-passwordConfirm-error')).toContainText(T.fr.mismatch);
		await page.locator('#field-password').fill(NEW_PASSWORD);
		await page.locator('#field-passwordConfirm').fill(NEW_PASSWORD);
		await page.getByRole('button', { name: T.fr.resetSubmit, exact: true }).click();
		await expect(page).toHaveURL(/\/fr\/login\?reset=done$/);
	});
});

test('anonymous: the account pages set no cookie and private ones send to the login', async ({
	request
}) => {
	for (const path of [
		'/fr/register',
		'/zh/register',
		'/fr/forgot-password',
		'/zh/reset-password/not-a-token',
		'/fr/privacy',
		'/zh/privacy',
		'/fr/logout'
	]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['set-cookie'], path).toBeUndefined();
	}
	for (const path of ['/fr/account', '/zh/account/data']) {
		const response = await request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers()['location'], path).toContain('/login?next=');
		expect(response.headers()['set-cookie'], path).toBeUndefined();
	}
});

test('the privacy notice is linked from the footer and from the register form', async ({
	page
}) => {
	for (const [locale, link, title] of [
		['fr', 'Confidentialité', 'Notice de confidentialité'],
		['zh', '隐私政策', '隐私声明']
	] as const) {
		await page.goto(`/${locale}`);
		await page.locator('.site-footer').getByRole('link', { name: link, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/privacy$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(
			page.getByRole('link', { name: 'privacy@cashless-paris.test', exact: true })
		).toBeVisible();
		await page.goto(`/${locale}/register`);
		await expect(page.locator('.consent a')).toHaveAttribute('href', `/${locale}/privacy`);
	}
});
