import { expect, type Page } from '@playwright/test';
import { registrationLinkFor } from './mail';

/**
 * Asks for an account through the form (address, language, consent) and waits for the neutral
 * "e-mail sent" answer, the same whether the address had an account or not.
 */
export async function askForAccount(
	page: Page,
	email: string,
	options: { locale?: 'fr' | 'zh'; accountLocale?: 'fr' | 'zh' } = {}
) {
	const { locale = 'fr' } = options;
	await page.goto(`/${locale}/register`);
	await page.locator('input[name=email]').fill(email);
	await page.locator(`input[name=locale][value=${options.accountLocale ?? locale}]`).check();
	await page.locator('input[name=consent]').check();
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('.done [role=status]')).toContainText(email);
}

/** Waits for the registration e-mail to this address and opens its link. */
export async function openRegistrationLink(page: Page, email: string): Promise<URL> {
	await expect.poll(() => registrationLinkFor(email)).not.toBeNull();
	const link = new URL((await registrationLinkFor(email))!);
	await page.goto(link.pathname);
	return link;
}

/**
 * A merchant registers as anyone does: the form, the e-mailed link where the password is chosen;
 * the new account lands signed in, in its merchant space, in the language it chose.
 */
export async function registerMerchant(
	page: Page,
	email: string,
	options: { locale?: 'fr' | 'zh'; accountLocale?: 'fr' | 'zh'; password?: string } = {}
) {
	const { password = 'une-boutique-rue-de-rivoli' } = options;
	const accountLocale = options.accountLocale ?? options.locale ?? 'fr';
	await askForAccount(page, email, options);
	const link = await openRegistrationLink(page, email);
	expect(link.pathname).toMatch(new RegExp(`^/${accountLocale}/register/`));
	await page.locator('input[name=password]').fill(password);
	await page.locator('input[name=passwordConfirm]').fill(password);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(new RegExp(`/${accountLocale}/merchant$`));
}
