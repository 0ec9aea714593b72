/**
 * What a visitor does before the page is interactive (a slow phone on roaming, a busy machine)
 * is not lost once its scripts run: a folded metrics table opened early loads its rows, and text
 * typed early stays in its field (an input and a textarea); a button that only scripts can serve
 * ("near me") is off until they run.
 */
import { expect, test, type Page } from '@playwright/test';
import { logInAs as logIn } from './demo-accounts';

// The service worker would serve the scripts from its cache, out of the test's reach.
test.use({ serviceWorkers: 'block' });

/** Opens `path` with the application's scripts held back; returns what lets them through. */
async function openWithoutScripts(page: Page, path: string): Promise<() => void> {
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(path, { waitUntil: 'commit' });
	return release;
}

const hydrated = (page: Page) => page.locator('html[data-hydrated]');

test('a folded table opened before the page was interactive loads once it is', async ({ page }) => {
	await logIn(page, 'official');
	const release = await openWithoutScripts(page, '/fr/admin/metrics');
	const density = page.locator('details[data-folded=density]');
	await density.locator('summary').click();
	await expect(density).toHaveAttribute('open', '');
	// Nothing has loaded: the rows come from the table's address once the page is interactive.
	await expect(density.locator('.metrics-map')).toHaveCount(0);
	await expect(hydrated(page)).toHaveCount(0);
	release();
	await expect(density.locator('.metrics-map .map')).toHaveCount(1);
	await expect(density.locator('tbody tr').first()).toBeVisible();
});

test('an acquirer typed before the import page was interactive stays in its field', async ({
	page
}) => {
	await logIn(page, 'official');
	const release = await openWithoutScripts(page, '/fr/admin/imports');
	const acquirer = page.getByLabel('Acquéreur', { exact: true });
	await acquirer.fill('Banque Exemple');
	await expect(hydrated(page)).toHaveCount(0);
	release();
	await expect(hydrated(page)).toHaveCount(1);
	await expect(acquirer).toHaveValue('Banque Exemple');
});

test("a reviewer's reason typed before the review page was interactive stays in its field", async ({
	page
}) => {
	await logIn(page, 'official');
	await page.goto('/fr/admin/queue');
	const href = await page.locator('ul.queue > li a.main').first().getAttribute('href');
	const release = await openWithoutScripts(page, href!);
	const reason = page.getByLabel('Précisions pour le commerçant', { exact: true });
	await reason.fill('Le numéro 12 ne correspond à aucune boutique.');
	await expect(hydrated(page)).toHaveCount(0);
	release();
	await expect(hydrated(page)).toHaveCount(1);
	await expect(reason).toHaveValue('Le numéro 12 ne correspond à aucune boutique.');
});

test.describe('a visitor who shares their position', () => {
	test.use({ geolocation: { latitude: 48.8606, longitude: 2.3376 }, permissions: ['geolocation'] });

	test('"near me" is off until the page can ask for the position, then it works', async ({
		page
	}) => {
		const release = await openWithoutScripts(page, '/zh');
		const nearMe = page.getByRole('button', { name: '附近', exact: true });
		// A tap now would do nothing: the button says it is not ready rather than ignore the tap.
		await expect(nearMe).toBeDisabled();
		await expect(hydrated(page)).toHaveCount(0);
		release();
		await nearMe.click();
		await expect(page).toHaveURL(/near=48\.8606,2\.3376/);
	});
});
