import { expect, type Browser, type Page } from '@playwright/test';
import { makeSiret } from '../src/lib/merchants/siret';
import { logInAs } from './demo-accounts';
import { mailsTo } from './mail';
import { registerMerchant } from './registration';

export interface OwnApplication {
	email: string;
	listingId: number;
	tradeNameFr: string;
	tradeNameZh: string;
}

let made = 0;

/**
 * A merchant account of its own, registered in `lang` (so its e-mails are in that language), with
 * one application submitted through the wizard — the real pages, as plain forms (without
 * JavaScript, no hydration to wait for). A test that decides on it relies on nothing the demo
 * data may or may not hold.
 */
export async function submitOwnApplication(
	browser: Browser,
	lang: 'fr' | 'zh',
	label: string
): Promise<OwnApplication> {
	const stamp = `${Date.now().toString(36)}${(made++).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
	const own: Omit<OwnApplication, 'listingId'> = {
		email: `${label}-${stamp}@boutique.test`,
		tradeNameFr: `Maison ${label} ${stamp}`,
		tradeNameZh: `${label}之家 ${stamp}`
	};
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		await registerMerchant(page, own.email, { locale: lang, password: 'une-boutique-bien-a-elle' });

		await page.goto(`/${lang}/merchant/shops/new`);
		await page.locator('input[name=legalName]').fill(`SAS ${own.tradeNameFr}`);
		await page
			.locator('input[name=siret]')
			.fill(makeSiret(60_000_000 + Math.floor(Math.random() * 9_999_999)));
		await page.locator('input[name=tradeNameFr]').fill(own.tradeNameFr);
		await page.locator('input[name=tradeNameZh]').fill(own.tradeNameZh);
		await page.locator('select[name=category]').selectOption('souvenirs');
		await next(page, /\/address$/);
		const listingId = Number(/\/shops\/(\d+)\//.exec(page.url())![1]);

		await page.locator('input[name=address]').fill('12 rue de Rivoli');
		await page.locator('input[name=postalCode]').fill('75004');
		await next(page, /\/position$/);
		await page.locator('input[name=latitude]').fill('48.8556');
		await page.locator('input[name=longitude]').fill('2.3561');
		await next(page, /\/hours$/);
		await next(page, /\/payment$/);
		await page.locator('input[name=paymentMethods][value=alipay]').check();
		await next(page, /\/review$/);
		await page.locator('input[name=consentToPublish]').check();
		await Promise.all([
			page.waitForURL(new RegExp(`/${lang}/merchant\\?done=submitted$`)),
			page.locator('button[name=intent][value=submit]').click()
		]);
		return { ...own, listingId };
	} finally {
		await context.close();
	}
}

async function next(page: Page, to: RegExp) {
	await Promise.all([page.waitForURL(to), page.locator('button[name=intent][value=next]').click()]);
}

/** Signs the demo administrator in (French back-office) on a page of its own. */
export async function adminPage(browser: Browser): Promise<Page> {
	const page = await browser.newPage();
	await logInAs(page, 'admin');
	return page;
}

/** The e-mail to `to` whose subject holds `subject`, once the job runner has sent it. */
export async function mailTo(to: string, subject: string) {
	let found: Awaited<ReturnType<typeof mailsTo>>[number] | undefined;
	await expect
		.poll(async () => (found = (await mailsTo(to)).find((m) => m.subject.includes(subject))))
		.toBeTruthy();
	return found!;
}
