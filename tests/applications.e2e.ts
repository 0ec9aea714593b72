/**
 * Merchants apply for a listing: register, go through the wizard (an invalid SIRET
 * answered in French beside its field, everything else kept), submit, see "pending" on the
 * dashboard; the same without JavaScript; another merchant can neither see nor change it.
 * Leaves screenshots of every step and of the dashboard, in French and Chinese, in screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { makeSiret } from '../src/lib/merchants/siret';
import { expectMapDrawn } from './basemap';
import { registerMerchant } from './registration';

const PHONE = { width: 390, height: 844 };
const STEPS = ['shop', 'address', 'position', 'hours', 'payment', 'review'] as const;

async function logIn(
	page: Page,
	email: string,
	password: string,
	lang: 'fr' | 'zh' = 'fr',
	next = `/${lang}/merchant`
) {
	await page.goto(`/${lang}/login?next=${encodeURIComponent(next)}`);
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(password);
	await Promise.all([
		page.waitForURL((url) => !url.pathname.endsWith('/login')),
		page.locator('form button[type=submit]').click()
	]);
}

const next = (page: Page) => page.getByRole('button', { name: 'Continuer', exact: true }).click();
const CONSENT = "J'accepte que ces informations soient publiées";

/** The dashboard's status of the shop named `name`. */
function statusOf(page: Page, name: string) {
	return page.locator('article.shop', { hasText: name }).locator('[data-status]');
}

test.describe('applying for a listing', () => {
	test.use({ viewport: PHONE });

	test('register → invalid SIRET answered beside the field → fix → submit → pending', async ({
		page
	}) => {
		await registerMerchant(page, `nouvelle-${Date.now()}@boutique.test`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Espace commerçant');
		await page.getByRole('link', { name: 'Demander le référencement', exact: true }).click();
		await expect(page).toHaveURL(/\/fr\/merchant\/shops\/new$/);

		// Step 1, with a SIRET whose check digit is wrong.
		const good = makeSiret(88_100_000 + (Date.now() % 100_000));
		const bad = good.slice(0, 13) + String((Number(good[13]) + 1) % 10);
		await page.locator('input[name=legalName]').fill('SAS Thé de Rivoli');
		await page.locator('input[name=siret]').fill(bad);
		await page.locator('input[name=tradeNameFr]').fill('Thé de Rivoli');
		await page.locator('input[name=tradeNameZh]').fill('里沃利茶庄');
		await page.locator('select[name=category]').selectOption('food_wine');
		await next(page);
		const siretError = page.locator('#field-siret-error');
		await expect(siretError).toContainText("Ce SIRET n'existe pas");
		await expect(page.locator('input[name=siret]')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('input[name=legalName]')).toHaveValue('SAS Thé de Rivoli');
		await expect(page.locator('input[name=tradeNameFr]')).toHaveValue('Thé de Rivoli');
		await expect(page.locator('input[name=tradeNameZh]')).toHaveValue('里沃利茶庄');
		await expect(page.locator('select[name=category]')).toHaveValue('food_wine');
		await expect(page.locator('input[name=siret]')).toHaveValue(bad);
		await page.screenshot({
			path: 'screenshots/fr-application-shop-error-phone.png',
			fullPage: true
		});

		await page.locator('input[name=siret]').fill(good);
		await next(page);
		await expect(page).toHaveURL(/\/fr\/merchant\/shops\/\d+\/address$/);

		// Step 2: a postal code shared by several communes asks which one.
		// A state, bounded generously: a full page load may take long to hydrate on a busy machine.
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', '', { timeout: 60_000 });
		await page.locator('input[name=address]').fill('3 rue de la Gare');
		await page.locator('input[name=postalCode]').fill('95000');
		// With JavaScript the choice appears as the code is typed.
		await expect(page.locator('select[name=communeCode]')).toBeVisible();
		await page.locator('input[name=phone]').fill('01 34 22 00 00');
		await next(page);
		await expect(page.locator('#field-communeCode-error')).toContainText('plusieurs communes');
		await expect(page.locator('input[name=address]')).toHaveValue('3 rue de la Gare');
		await page.locator('select[name=communeCode]').selectOption({ label: 'Cergy' });
		await next(page);

		// Step 3: typed coordinates (the e2e basemap may or may not draw).
		await expect(page).toHaveURL(/\/position$/);
		await page.locator('input[name=latitude]').fill('49,0364');
		await page.locator('input[name=longitude]').fill('2.0761');
		await next(page);

		// Step 4: the weekly editor's defaults, with Sunday afternoon added.
		await expect(page).toHaveURL(/\/hours$/);
		await page.locator('input[name=hours_Su_open]').check();
		await page.locator('input[name=hours_Su_from1]').fill('14:00');
		await page.locator('input[name=hours_Su_to1]').fill('18:00');
		await next(page);

		// Step 5: nothing ticked is refused, then Alipay.
		await expect(page).toHaveURL(/\/payment$/);
		await next(page);
		await expect(page.locator('#field-paymentMethods-error')).toContainText(
			'Cochez au moins un moyen de paiement.'
		);
		await page.getByText('Alipay', { exact: true }).click();
		await page.getByText('Détaxe', { exact: true }).click();
		await next(page);

		// Step 6: the summary, consent, submission.
		await expect(page).toHaveURL(/\/review$/);
		// The hours as a week in French; their OpenStreetMap form only under "advanced".
		const week = page.locator('.summary table');
		await expect(week.getByRole('row', { name: 'Samedi 10:00–19:00', exact: true })).toBeVisible();
		await expect(
			week.getByRole('row', { name: 'Dimanche 14:00–18:00', exact: true })
		).toBeVisible();
		await expect(page.getByText('Mo-Sa 10:00-19:00; Su 14:00-18:00', { exact: true })).toBeHidden();
		await expect(page.getByText('3 rue de la Gare, 95000 Cergy', { exact: true })).toBeVisible();
		await page.getByRole('button', { name: 'Envoyer pour examen', exact: true }).click();
		await expect(page.locator('#field-consentToPublish-on-error')).toBeVisible();
		await page.getByText(CONSENT, { exact: true }).click();
		await page.getByRole('button', { name: 'Envoyer pour examen', exact: true }).click();

		await expect(page).toHaveURL(/\/fr\/merchant\?done=submitted$/);
		await expect(statusOf(page, 'Thé de Rivoli')).toHaveAttribute('data-status', 'pending');
		await expect(statusOf(page, 'Thé de Rivoli')).toContainText('En attente');
		await expect(
			page.locator('article.shop', { hasText: 'Thé de Rivoli' }).locator('p.next')
		).toHaveText(
			"Votre demande est en cours d'examen par l'équipe du partenariat. Vous aurez une réponse sous 5 jours ouvrés environ."
		);
	});
});

test.describe('without JavaScript', () => {
	test.use({ viewport: PHONE, javaScriptEnabled: false });

	test('the whole wizard works as plain forms, with the commune centre as position', async ({
		page
	}) => {
		await logIn(page, 'pharmacie@cashless-paris.test', 'demo-pharmacie-2026');
		await page.goto('/fr/merchant/shops/new');
		await page.locator('input[name=legalName]').fill('SARL Pharmacie du Faubourg');
		await page.locator('input[name=siret]').fill(makeSiret(77_300_000 + (Date.now() % 100_000)));
		await page.locator('input[name=tradeNameFr]').fill('Pharmacie du Faubourg');
		await page.locator('select[name=category]').selectOption('cosmetics_pharmacy');
		await next(page);

		await page.locator('input[name=address]').fill('120 rue du Faubourg Saint-Honoré');
		await page.locator('input[name=postalCode]').fill('75008');
		await next(page);

		await expect(page).toHaveURL(/\/position$/);
		await expect(
			page.getByText(
				"La carte ne peut pas s'afficher ici. Indiquez les coordonnées ci-dessous, ou utilisez le centre de la commune : l'équipe ajustera la position.",
				{ exact: true }
			)
		).toBeVisible();
		await page
			.getByRole('button', {
				name: 'Utiliser le centre de la commune (Paris 8e Arrondissement)',
				exact: true
			})
			.click();
		await expect(page.locator('input[name=latitude]')).not.toHaveValue('');
		await next(page);

		await expect(page).toHaveURL(/\/hours$/);
		// Without JavaScript both ranges show; a wrong second range is refused beside its day.
		await page.locator('input[name=hours_Mo_from2]').fill('09:00');
		await page.locator('input[name=hours_Mo_to2]').fill('12:00');
		await next(page);
		await expect(page.locator('#field-hours_Mo-error')).toContainText(
			'La seconde plage doit commencer après la fin de la première.'
		);
		await page.locator('input[name=hours_Mo_from2]').fill('');
		await page.locator('input[name=hours_Mo_to2]').fill('');
		await next(page);

		await page.getByText('Alipay', { exact: true }).click();
		await next(page);
		await page.getByText(CONSENT, { exact: true }).click();
		await page.getByRole('button', { name: 'Envoyer pour examen', exact: true }).click();
		await expect(page).toHaveURL(/\/fr\/merchant\?done=submitted$/);
		await expect(statusOf(page, 'Pharmacie du Faubourg')).toHaveAttribute('data-status', 'pending');
	});
});

test.describe('owner isolation', () => {
	test('another merchant gets 404 for the pages and the posts of an application', async ({
		browser
	}) => {
		// The owner's own application (other tests may decide the demo merchants' ones).
		const owner = await (await browser.newContext()).newPage();
		await registerMerchant(owner, `proprietaire-${Date.now()}@boutique.test`);
		const name = 'Librairie Isolée';
		await owner.goto('/fr/merchant/shops/new');
		await owner.locator('input[name=legalName]').fill('SARL Librairie Isolée');
		await owner.locator('input[name=siret]').fill(makeSiret(77_200_000 + (Date.now() % 100_000)));
		await owner.locator('input[name=tradeNameFr]').fill(name);
		await owner.locator('select[name=category]').selectOption('souvenirs');
		await next(owner);
		await expect(owner).toHaveURL(/\/fr\/merchant\/shops\/\d+\/address$/);
		const id = owner.url().match(/shops\/(\d+)\//)?.[1];
		expect(id).toMatch(/^\d+$/);
		await owner.goto('/fr/merchant');
		await expect(statusOf(owner, name)).toHaveAttribute('data-status', 'draft');

		const other = await (await browser.newContext()).newPage();
		await logIn(other, 'pharmacie@cashless-paris.test', 'demo-pharmacie-2026');
		await expect(other.locator(`[data-shop-id="${id}"]`)).toHaveCount(0);
		for (const step of STEPS) {
			const response = await other.goto(`/fr/merchant/shops/${id}/${step}`);
			expect(response?.status(), step).toBe(404);
		}
		const origin = new URL(other.url()).origin;
		const post = (path: string, form: Record<string, string>) =>
			other.request.post(path, { form, headers: { origin }, maxRedirects: 0 });
		const edit = await post(`/fr/merchant/shops/${id}/shop`, {
			legalName: 'Pris',
			tradeNameFr: 'Pris',
			category: 'hotel',
			intent: 'next'
		});
		expect(edit.status()).toBe(404);
		const submit = await post(`/fr/merchant/shops/${id}/review`, {
			consentToPublish: 'on',
			intent: 'submit'
		});
		expect(submit.status()).toBe(404);
		const withdraw = await post('/fr/merchant?/withdraw', { id: String(id) });
		expect(withdraw.status()).toBe(404);

		// Nothing changed for the owner.
		await owner.reload();
		await expect(statusOf(owner, name)).toHaveAttribute('data-status', 'draft');
		await expect(owner.locator('article.shop', { hasText: name }).locator('h2')).toContainText(
			name
		);
	});

	test('the communes lookup answers merchants only', async ({ page }) => {
		const anonymous = await page.request.get('/api/communes?postalCode=95000', {
			maxRedirects: 0
		});
		expect(anonymous.status()).toBe(303);
		await logIn(page, 'pharmacie@cashless-paris.test', 'demo-pharmacie-2026');
		const communes = await (await page.request.get('/api/communes?postalCode=95000')).json();
		expect(communes.map((c: { name: string }) => c.name)).toContain('Cergy');
	});

	test('officials are refused the merchant space', async ({ page }) => {
		await logIn(page, 'officiel@cashless-paris.test', 'demo-officiel-2026', 'fr', '/fr/about');
		const response = await page.goto('/fr/merchant');
		expect(response?.status()).toBe(403);
	});
});

test.describe('screenshots', () => {
	test.use({ viewport: PHONE });

	for (const lang of ['fr', 'zh'] as const) {
		test(`every step and the dashboard in ${lang}`, async ({ browser }) => {
			const context = await browser.newContext({
				viewport: PHONE,
				locale: lang === 'fr' ? 'fr-FR' : 'zh-CN'
			});
			const page = await context.newPage();
			await logIn(page, 'boutique@cashless-paris.test', 'demo-boutique-2026', lang);
			await expect(page).toHaveURL(new RegExp(`/${lang}/merchant`));
			await page.screenshot({
				path: `screenshots/${lang}-merchant-dashboard-phone.png`,
				fullPage: true
			});
			const draft = await page
				.locator('article.shop:has([data-status=draft])')
				.first()
				.getAttribute('data-shop-id');
			for (const step of STEPS) {
				await page.goto(`/${lang}/merchant/shops/${draft}/${step}`);
				await expect(page.locator('form.card h2')).toBeVisible();
				if (step === 'position') {
					await expectMapDrawn(page.getByTestId('position-map').locator('.map'));
					await expect(page.locator('.maplibregl-marker')).toBeVisible();
				}
				await page.screenshot({
					path: `screenshots/${lang}-application-${step}-phone.png`,
					fullPage: true
				});
			}
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.goto(`/${lang}/merchant`);
			await page.screenshot({ path: `screenshots/${lang}-merchant-dashboard-desktop.png` });
			await page.goto(`/${lang}/merchant/shops/${draft}/review`);
			await page.screenshot({
				path: `screenshots/${lang}-application-review-desktop.png`,
				fullPage: true
			});
			await context.close();
		});
	}
});
