/**
 * A fresh merchant of one's own for tests that change listings (the demo accounts are shared by
 * the other specs): registered in French or Chinese, with an application filled through the
 * wizard, and an official's browser to decide on it.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { makeSiret } from '../src/lib/merchants/siret';
import { logInAs } from './demo-accounts';
import { registerMerchant as registerThroughLink } from './registration';

export const PHONE = { width: 390, height: 844 };
export const MERCHANT_PASSWORD = 'une-boutique-rue-de-rivoli';
let counter = 0;

/** A unique address and SIRET for this test run and worker. */
export function uniqueSuffix() {
	counter += 1;
	return `${Date.now() % 10_000_000}${process.pid % 1000}${counter}`;
}

/** Registers a merchant whose account (and e-mails) are in `lang`; lands on the dashboard. */
export async function registerMerchant(page: Page, lang: 'fr' | 'zh', email: string) {
	await registerThroughLink(page, email, { locale: lang, password: MERCHANT_PASSWORD });
}

const next = (page: Page) => page.locator('button[name=intent][value=next]').click();

/** Fills and submits a complete application through the wizard; answers the listing's id. */
export async function applyFor(page: Page, lang: 'fr' | 'zh', name: string): Promise<number> {
	await page.goto(`/${lang}/merchant/shops/new`);
	await page.locator('input[name=legalName]').fill(`SAS ${name}`);
	await page
		.locator('input[name=siret]')
		.fill(makeSiret(70_000_000 + (Number(uniqueSuffix()) % 9_000_000)));
	await page.locator('input[name=tradeNameFr]').fill(name);
	await page.locator('input[name=tradeNameZh]').fill('测试商店');
	await page.locator('select[name=category]').selectOption('souvenirs');
	await next(page);
	await expect(page).toHaveURL(/\/merchant\/shops\/\d+\/address$/);
	const id = Number(/shops\/(\d+)\//.exec(page.url())![1]);
	await page.locator('input[name=address]').fill('12 rue de Rivoli');
	await page.locator('input[name=postalCode]').fill('75004');
	await page.locator('input[name=phone]').fill('01 42 60 30 00');
	await next(page);
	await expect(page).toHaveURL(/\/position$/);
	await page.locator('input[name=latitude]').fill('48.8556');
	await page.locator('input[name=longitude]').fill('2.3580');
	await next(page);
	await expect(page).toHaveURL(/\/hours$/);
	await next(page);
	await expect(page).toHaveURL(/\/payment$/);
	await page.locator('input[name=paymentMethods][value=alipay]').check();
	await next(page);
	await expect(page).toHaveURL(/\/review$/);
	await page.locator('input[name=consentToPublish]').check();
	await page.locator('button[name=intent][value=submit]').click();
	await expect(page).toHaveURL(new RegExp(`/${lang}/merchant\\?done=submitted$`));
	return id;
}

/** A page signed in as the demo official (French), in its own browser context. */
export async function officialPage(browser: Browser, javaScriptEnabled = true) {
	const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
	const page = await context.newPage();
	await logInAs(page, 'official');
	return page;
}

export const APPROVED = "Demande validée : l'établissement est maintenant sur la carte.";

/** The official approves the listing from its review page. */
export async function approveAsOfficial(page: Page, id: number) {
	await page.goto(`/fr/admin/merchants/${id}`);
	await page.getByRole('button', { name: '✓ Valider', exact: true }).click();
	await expect(page.getByText(APPROVED, { exact: true })).toBeVisible();
}

/** Chooses a reason (and its text) in the reason fields whose select has this id. */
export async function chooseReason(page: Page, selectId: string, code: string, text = '') {
	await page.locator(`#${selectId}-code`).selectOption(code);
	await page.locator(`#${selectId}-text`).fill(text);
}
