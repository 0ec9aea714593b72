import type { Page } from '@playwright/test';

/** The demo accounts the seed creates (development only), by role. */
export const DEMO_ACCOUNTS = {
	admin: ['admin@cashless-paris.test', 'demo-admin-2026'],
	official: ['officiel@cashless-paris.test', 'demo-officiel-2026'],
	merchant: ['boutique@cashless-paris.test', 'demo-boutique-2026'],
	/** Owns the demo's reported listing (two "not accepted" reports this week). */
	pharmacy: ['pharmacie@cashless-paris.test', 'demo-pharmacie-2026']
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/** Logs a demo account in through the login page and waits to leave it. */
export async function logInAs(page: Page, who: DemoRole, lang: 'fr' | 'zh' = 'fr') {
	const [email, password] = DEMO_ACCOUNTS[who];
	await page.goto(`/${lang}/login`);
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(password);
	await Promise.all([
		page.waitForURL((url) => !url.pathname.endsWith('/login')),
		page.locator('main form button[type=submit]').click()
	]);
}
