/**
 * The partnership back-office end to end, on the demo dataset: reviewing applications
 * (approve → on the public list, and an e-mail in the merchant's language linking to it; reject
 * → the merchant reads the reason in French), the acquirer
 * import (per-row errors in the dry run, only good rows imported, the same file again changes
 * nothing), and who is refused.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS, logInAs as logIn } from './demo-accounts';
import { mailsTo } from './mail';
import { adminPage, mailTo, submitOwnApplication } from './own-application';

const listRows = (page: Page) => page.locator('section.list > ol.rows > li');
/** The review page's approve button ("✓ Valider"), the only one while a listing is pending. */
const approveButton = (page: Page) => page.getByRole('button', { name: '✓ Valider', exact: true });
const APPROVED = "Demande validée : l'établissement est maintenant sur la carte.";

test.describe('who may use the back-office', () => {
	test('anonymous visitors are sent to the login page, and come back after it', async ({
		page
	}) => {
		await page.goto('/fr/admin/queue');
		await expect(page).toHaveURL(/\/fr\/login\?next=%2Ffr%2Fadmin%2Fqueue/);
		const post = await page.request.post('/fr/admin/queue?/bulkApprove', {
			form: { select: '1:1' },
			maxRedirects: 0
		});
		expect([303, 401, 403]).toContain(post.status());
		await page.locator('input[name=email]').fill(DEMO_ACCOUNTS.official[0]);
		await page.locator('input[name=password]').fill(DEMO_ACCOUNTS.official[1]);
		await page.locator('main form button[type=submit]').click();
		await expect(page).toHaveURL(/\/fr\/admin\/queue$/);
	});

	test('merchants are refused (403) on pages, actions and downloads', async ({ page }) => {
		await logIn(page, 'merchant');
		for (const path of ['/fr/admin', '/fr/admin/queue', '/fr/admin/imports', '/fr/admin/audit']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(403);
		}
		await expect(
			page.getByText("Vous n'avez pas accès à cette page.", { exact: true })
		).toBeVisible();
		const post = await page.request.post('/fr/admin/merchants/1?/approve', {
			form: { version: '1' },
			headers: { origin: new URL(page.url()).origin }
		});
		expect(post.status()).toBe(403);
	});
});

// Every test that approves a listing is in this serial group: approvals change the global
// counts (the metrics headline), and two tests must never decide the same application at once.
test.describe('review', () => {
	test.describe.configure({ mode: 'serial' });

	test('an official approves the oldest application and it appears on the public list', async ({
		page
	}) => {
		await logIn(page, 'official');
		await expect(page).toHaveURL(/\/fr\/admin$/);
		await page
			.getByRole('navigation', { name: "Navigation de l'espace partenaires" })
			.getByRole('link', { name: "File d'attente", exact: true })
			.click();
		await expect(page).toHaveURL(/\/fr\/admin\/queue$/);
		// The queue lists the oldest first.
		const first = page.locator('ul.queue > li a.main').first();
		const name = (await first.locator('.name .fr').innerText()).trim();
		await page.goto(`/fr?q=${encodeURIComponent(name)}`);
		const before = await listRows(page).filter({ hasText: name }).count();

		await page.goto('/fr/admin/queue');
		await page.locator('ul.queue > li a.main').first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		await approveButton(page).click();
		await expect(page.getByText(APPROVED, { exact: true })).toBeVisible();
		await expect(page.locator('.head .status')).toHaveText('Validée');

		await page.goto(`/fr?q=${encodeURIComponent(name)}`);
		await expect(listRows(page).filter({ hasText: name })).toHaveCount(before + 1);
	});

	test('a decision on a listing decided meanwhile is refused', async ({ browser }) => {
		const one = await browser.newPage();
		const two = await browser.newPage();
		await logIn(one, 'official');
		await logIn(two, 'official');
		await one.goto('/fr/admin/queue');
		const href = await one.locator('ul.queue > li a.main').first().getAttribute('href');
		await one.goto(href!);
		await two.goto(href!);
		await approveButton(one).click();
		await expect(one.getByText(APPROVED, { exact: true })).toBeVisible();
		await approveButton(two).click();
		await expect(two.getByRole('alert')).toContainText('Cette fiche a changé depuis');
		await one.close();
		await two.close();
	});

	test('an official rejects an application; the merchant reads the reason in French', async ({
		page
	}) => {
		await logIn(page, 'official');
		await page.goto('/fr/admin/queue?category=luxury_fashion&departement=92');
		await page.getByRole('link', { name: /Julien Luxe/ }).click();
		const owner = page
			.locator('dl.fields > div')
			.filter({ has: page.getByText('Compte du commerçant', { exact: true }) })
			.locator('dd');
		await expect(owner).toHaveText('boutique@cashless-paris.test');
		// Without a reason the refusal is refused, next to the field.
		const reject = page.getByRole('button', { name: '✕ Refuser', exact: true });
		await reject.click();
		await expect(page.locator('#decision-error')).toHaveText(
			"⚠ Choisissez un motif (et précisez-le s'il s'agit d'« Autre motif »)."
		);
		await page
			.getByLabel('Motif (montré au commerçant dans sa langue)', { exact: true })
			.selectOption('address_unverified');
		await page
			.getByLabel('Précisions pour le commerçant', { exact: true })
			.fill("Le numéro 33 n'existe pas dans cette rue.");
		await reject.click();
		// Refusing asks for confirmation first (decisions.e2e.ts tests it in detail).
		await page
			.getByTestId('confirm-step')
			.getByRole('button', { name: 'Oui, refuser la demande', exact: true })
			.click();
		await expect(
			page.getByText('Demande refusée. Le commerçant voit le motif dans son espace.', {
				exact: true
			})
		).toBeVisible();
		// And is e-mailed the decision, in French, with the reason.
		await expect
			.poll(
				async () =>
					(await mailsTo('boutique@cashless-paris.test')).find(
						(m) => m.subject.includes('Julien Luxe') && m.subject.includes("n'a pas été acceptée")
					)?.text ?? ''
			)
			.toContain("Motif : Adresse non vérifiée — Le numéro 33 n'existe pas dans cette rue.");

		await page.context().clearCookies();
		await logIn(page, 'merchant');
		await page.goto('/fr/merchant');
		const note = page.getByRole('article', { name: /^Julien Luxe\b/ }).getByRole('note');
		await expect(note.locator('.reason-code')).toHaveText('Adresse non vérifiée');
		await expect(note.locator('.reason-text')).toHaveText(
			"« Le numéro 33 n'existe pas dans cette rue. »"
		);
	});

	test('approving an application raises the metrics headline and its département’s row', async ({
		page
	}) => {
		await logIn(page, 'official');
		const digits = (text: string) => Number(text.replace(/\D/g, ''));
		const figures = async (code: string) => {
			await page.goto('/fr/admin/metrics');
			const row = page
				.getByRole('region', { name: 'Les 8 départements' })
				.locator('tbody tr', { has: page.locator('th', { hasText: `(${code})` }) });
			return {
				approved: digits(await page.locator('[data-kpi=approved] .value').innerText()),
				added: digits(await page.locator('[data-kpi=new] .value').innerText()),
				departement: digits(await row.locator('td').nth(1).innerText())
			};
		};

		// The oldest waiting application, through the review queue and its review page.
		await page.goto('/fr/admin/queue?kind=application');
		const first = page.locator('ul.queue > li a.main').first();
		const code = /\((\d{2})\)/.exec(await first.innerText())![1];
		const href = (await first.getAttribute('href'))!;
		const before = await figures(code);

		await page.goto(href);
		await approveButton(page).click();
		await expect(page.getByText(APPROVED, { exact: true })).toBeVisible();

		const after = await figures(code);
		expect(after.approved).toBe(before.approved + 1);
		expect(after.added).toBe(before.added + 1);
		expect(after.departement).toBe(before.departement + 1);
	});

	for (const lang of ['fr', 'zh'] as const) {
		test(`an approval e-mail, in ${lang}, links to the listing's public page`, async ({
			browser
		}) => {
			const own = await submitOwnApplication(browser, lang, `accord-${lang}`);
			const shop = lang === 'zh' ? own.tradeNameZh : own.tradeNameFr;
			const page = await adminPage(browser);
			await page.goto(`/fr/admin/merchants/${own.listingId}`);
			await approveButton(page).click();
			await expect(page.getByText(APPROVED, { exact: true })).toBeVisible();

			const subject =
				lang === 'zh'
					? `“${shop}”已上线无现金巴黎地图`
					: `« ${shop} » est sur la carte Paris sans espèces`;
			const mail = await mailTo(own.email, subject);
			const link = new RegExp(`https?://\\S+/${lang}/merchants/${own.listingId}-[a-z0-9-]+`);
			expect(mail.text).toMatch(link);
			// The link opens the public page of the listing, in the merchant's language.
			const visitor = await browser.newPage();
			await visitor.goto(link.exec(mail.text)![0]);
			await expect(visitor.locator('#merchant-name .primary')).toHaveText(shop);
			await visitor.close();
			await page.close();
		});
	}
});

test.describe('acquirer import', () => {
	test.describe.configure({ mode: 'serial' });

	async function upload(page: Page) {
		await page.goto('/fr/admin/imports');
		await page.getByLabel('Acquéreur', { exact: true }).fill('Banque Exemple');
		await page
			.getByLabel('Fichier CSV', { exact: true })
			.setInputFiles('docs/samples/acquirer-sample.csv');
		await Promise.all([
			page.waitForURL(/\/fr\/admin\/imports\/\d+$/),
			page.getByRole('button', { name: "Simuler l'import", exact: true }).click()
		]);
	}

	test('the dry run shows per-row errors and the import writes only the good rows', async ({
		page
	}) => {
		await logIn(page, 'official');
		await upload(page);
		await expect(
			page.getByText(
				"Simulation : rien n'a encore été écrit. Vérifiez les lignes invalides ci-dessous, puis lancez l'import des lignes valides.",
				{ exact: true }
			)
		).toBeVisible();
		const invalid = page.locator('table.invalid-rows tbody tr');
		await expect(invalid).toHaveCount(6);
		await expect(invalid.filter({ hasText: '81200565000014' })).toContainText('siret');
		await expect(invalid.filter({ hasText: 'Lyon Boutique' })).toContainText('code_postal');
		await expect(invalid.filter({ hasText: '(doublon)' })).toContainText(
			'SIRET déjà présent ligne 2'
		);
		await page
			.getByRole('button', { name: 'Importer les lignes valides (5)', exact: true })
			.click();
		await expect(
			page.getByText('Import terminé : 5 créés, 0 mis à jour, 0 sans changement.', {
				exact: true
			})
		).toBeVisible();

		// The imported merchants wait in the queue, filtered on this import.
		await page
			.getByRole('link', { name: 'Examiner les 5 établissements importés', exact: true })
			.click();
		await expect(page.locator('ul.queue > li')).toHaveCount(5);
		await expect(page.locator('ul.queue')).toContainText('Maison Lumière');
		await expect(page.locator('ul.queue')).toContainText("Import d'acquéreur");
	});

	test('importing the same file again reports 0 changes', async ({ page }) => {
		await logIn(page, 'official');
		await upload(page);
		await expect(
			page.getByText('Ce fichier ne change rien : tous ses commerçants sont déjà à jour.', {
				exact: true
			})
		).toBeVisible();
		await page.getByRole('button', { name: /^Importer les lignes valides \(\d+\)$/ }).click();
		await expect(
			page.getByText('Aucun changement : ce fichier avait déjà été importé.', { exact: true })
		).toBeVisible();
		const csv = await page.request.get(page.url() + '/report.csv');
		expect(csv.status()).toBe(200);
		const text = await csv.text();
		expect(text.startsWith('\uFEFFLigne;SIRET;Enseigne;Résultat;Motifs')).toBe(true);
		expect(text).toContain('Sans changement');
	});
});

test.describe('team', () => {
	test('an admin invites an official by e-mail, who sets a password; deactivation logs them out', async ({
		page,
		browser
	}) => {
		await logIn(page, 'admin');
		await page.goto('/fr/admin/team');
		const email = `agent-${Date.now()}@region.test`;
		await page.getByLabel('Adresse e-mail', { exact: true }).fill(email);
		await page.getByLabel('Nom (facultatif)', { exact: true }).fill('Agent Invité');
		await page.getByRole('button', { name: "Envoyer l'invitation", exact: true }).click();
		await expect(
			page.getByText(`Invitation envoyée à ${email} (lien valable 7 jours).`, { exact: true })
		).toBeVisible();

		await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
		const [mail] = await mailsTo(email);
		const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
		const invitee = await browser.newPage();
		await invitee.goto(link.pathname);
		await invitee.getByLabel('Mot de passe', { exact: true }).fill('court');
		await invitee.getByLabel('Confirmer le mot de passe', { exact: true }).fill('court');
		await invitee.getByRole('button', { name: 'Activer mon compte', exact: true }).click();
		// The error summary takes the focus and links to the refused field.
		await expect(invitee.locator('[data-error-summary]')).toBeFocused();
		await expect(invitee.locator('[data-error-summary] a[href="#field-password"]')).toBeVisible();
		const password = 'une phrase de passe pour l’équipe';
		await invitee.getByLabel('Mot de passe', { exact: true }).fill(password);
		await invitee.getByLabel('Confirmer le mot de passe', { exact: true }).fill(password);
		await invitee.getByRole('button', { name: 'Activer mon compte', exact: true }).click();
		await expect(invitee).toHaveURL(/\/fr\/admin$/);
		// The link works once.
		await invitee.goto(link.pathname);
		await expect(invitee.getByRole('heading', { level: 1 })).toHaveText(
			"Lien d'invitation expiré ou déjà utilisé"
		);

		await page.reload();
		const row = page.locator('ul.members > li').filter({ hasText: email });
		await row.getByRole('button', { name: 'Désactiver', exact: true }).click();
		// The notice, not the page's lead ("Un compte désactivé est déconnecté immédiatement.").
		await expect(
			page.getByText('Compte désactivé : ses sessions sont fermées.', { exact: true })
		).toBeVisible();
		await expect(row.getByRole('button', { name: 'Réactiver', exact: true })).toBeVisible();
		await invitee.goto('/fr/admin');
		await expect(invitee).toHaveURL(/\/fr\/login/);
		await invitee.close();
	});

	test('officials may not manage the team (403)', async ({ page }) => {
		await logIn(page, 'official');
		const response = await page.goto('/fr/admin/team');
		expect(response?.status()).toBe(403);
		await page.goto('/fr/admin');
		await expect(page.getByRole('link', { name: 'Équipe', exact: true })).toHaveCount(0);
	});
});
