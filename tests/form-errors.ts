/**
 * What the form-error specs share (issue 14, item 1): a refused form on a phone shows its error
 * summary at the top, focused and on screen under the sticky header, with and without
 * JavaScript; its links lead to each field, which shows under the header too. Each check leaves
 * two screenshots of the form in its error state (what the phone shows, and the whole page with
 * the errors beside the fields) in SCREENSHOT_DIR (default: screenshots/, git-ignored).
 */
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { logInAs, type DemoRole } from './demo-accounts';

export const PHONE = { width: 390, height: 844 };
export type Lang = 'fr' | 'zh';
export const LANGS = ['fr', 'zh'] as const;
export const JS_MODES = [true, false] as const;
const SHOTS = process.env.SCREENSHOT_DIR ?? 'screenshots';

/** A page of a fresh browser context, with or without JavaScript, signed in when `who` is given. */
export async function phonePage(browser: Browser, js: boolean, who?: DemoRole, lang: Lang = 'fr') {
	const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: js });
	const page = await context.newPage();
	if (who) await logInAs(page, who, lang);
	return page;
}

/** Opens a page and, with JavaScript, waits for it to hydrate (forms are enhanced then). */
export async function open(page: Page, path: string, js: boolean) {
	await page.goto(path);
	if (js) await expect(page.locator('html[data-hydrated]')).toBeAttached();
}

/**
 * Nothing of `target` is hidden by what sticks at the top (the header, and the back-office's
 * navigation on a phone), and its top is on screen.
 */
export async function expectUnderHeader(page: Page, target: Locator) {
	await expect(target).toBeInViewport();
	const covered = await page.evaluate(() =>
		Math.max(
			...[...document.querySelectorAll('.site-header, .admin > nav.side')].map(
				(bar) => bar.getBoundingClientRect().bottom
			)
		)
	);
	const box = await target.boundingBox();
	expect(box).not.toBeNull();
	expect(box!.y).toBeGreaterThanOrEqual(covered);
	expect(box!.y).toBeLessThan(PHONE.height);
}

/**
 * Submits with `button` (scrolled to, as a thumb would), then checks the summary: focused, on
 * screen with its first error, under the header. Screenshots `shot` (the screen, then the page).
 */
export async function submitAndExpectSummary(page: Page, button: Locator, shot: string) {
	await button.scrollIntoViewIfNeeded();
	await button.click();
	const summary = page.locator('[data-error-summary]');
	await expect(summary).toBeFocused();
	await expectUnderHeader(page, summary);
	const links = summary.getByRole('link');
	if ((await links.count()) > 0) await expect(links.first()).toBeInViewport();
	await page.screenshot({ path: `${SHOTS}/form-errors-${shot}.png` });
	await page.screenshot({ path: `${SHOTS}/form-errors-${shot}-full.png`, fullPage: true });
	return summary;
}

/** Submits `form` with its own button: as submitAndExpectSummary. */
export const submitFormAndExpectSummary = (page: Page, form: Locator, shot: string) =>
	submitAndExpectSummary(page, form.locator('button[type=submit]'), shot);

/** The summary's first link leads to its field: focused with JavaScript, shown under the header. */
export async function followFirstLink(page: Page, summary: Locator, js: boolean) {
	const link = summary.getByRole('link').first();
	const id = (await link.getAttribute('href'))!.slice(1);
	// The field sits higher than the summary's bottom on short forms: scroll away first.
	await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
	await link.click();
	const field = page.locator(`[id="${id}"]`);
	if (js) await expect(field).toBeFocused();
	await expect(page).toHaveURL(js ? /^[^#]*$/ : new RegExp(`#${id}$`));
	// A control drawn by something else (a file input behind its button) shows by its label.
	const drawn = ((await field.boundingBox())?.width ?? 0) > 1;
	await expectUnderHeader(page, drawn ? field : page.locator(`label[for="${id}"]`));
}

/** The mode's name in test titles and screenshot names. */
export const modeName = (js: boolean) => (js ? 'js' : 'nojs');

/**
 * Declares a spec's tests once per mode (with and without JavaScript, a `describe` each) and per
 * language; `shot(name)` names a screenshot after both.
 */
export function inEachModeAndLanguage(
	declare: (c: { js: boolean; mode: string; lang: Lang; shot: (name: string) => string }) => void
) {
	for (const js of JS_MODES) {
		const mode = modeName(js);
		test.describe(`${js ? 'with' : 'without'} JavaScript`, () => {
			for (const lang of LANGS) {
				declare({ js, mode, lang, shot: (name) => `${lang}-${name}-${mode}` });
			}
		});
	}
}
