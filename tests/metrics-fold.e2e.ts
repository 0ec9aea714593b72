/**
 * A folded metrics table opened before the page is interactive (a slow phone, a busy machine)
 * still loads its rows once JavaScript runs: the toggle happened while no handler listened.
 */
import { expect, test } from '@playwright/test';
import { logInAs as logIn } from './demo-accounts';

// The service worker would serve the scripts from its cache, out of the test's reach.
test.use({ serviceWorkers: 'block' });

test('a folded table opened before the page was interactive loads once it is', async ({ page }) => {
	await logIn(page, 'official');
	// Hold the application's scripts until the fold has been opened.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/fr/admin/metrics', { waitUntil: 'commit' });
	const density = page.locator('details[data-folded=density]');
	await density.locator('summary').click();
	await expect(density).toHaveAttribute('open', '');
	// Nothing has loaded: the rows come from the table's address once the page is interactive.
	await expect(density.locator('.metrics-map')).toHaveCount(0);
	await expect(page.locator('html[data-hydrated]')).toHaveCount(0);
	release();
	await expect(density.locator('.metrics-map .map')).toHaveCount(1);
	await expect(density.locator('tbody tr').first()).toBeVisible();
});
