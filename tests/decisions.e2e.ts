/**
 * Issue 14, items 4 and 5, at 390×844: a revision of an approved listing is a draft the reviewers
 * do not see until its merchant sends it, and may be sent back for changes (fr and zh merchant,
 * fr official); reject, suspend and bulk approval ask for confirmation — a modal dialog with
 * JavaScript, a step of the page without — and every decision has its way back (reopen,
 * reinstate); a refused merchant starts a new application from the refused one (fr and zh).
 * Screenshots of each confirmation land in screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import { mailsTo } from './mail';
import {
	PHONE,
	applyFor,
	approveAsOfficial,
	chooseReason,
	officialPage,
	registerMerchant,
	uniqueSuffix
} from './merchant-fixtures';

test.use({ viewport: PHONE });

const WORDS = {
	fr: {
		draftNotice:
			"Vos modifications sont enregistrées en brouillon : l'équipe ne les voit pas encore. Envoyez-les quand elles sont complètes ; la fiche actuelle reste affichée en attendant.",
		send: 'Envoyer les modifications',
		toRework: 'Vos modifications sont à reprendre',
		reapply: 'Faire une nouvelle demande à partir de celle-ci'
	},
	zh: {
		draftNotice:
			'您的修改已保存为草稿，审核团队暂时看不到。修改完成后请提交审核；在此期间当前页面继续显示。',
		send: '提交修改',
		toRework: '您的修改需要调整',
		reapply: '基于此申请重新申请'
	}
} as const;

const shopCard = (page: Page, name: string) =>
	page.getByRole('article', { name: new RegExp(`^${name}\\b`) });
const dialog = (page: Page) => page.getByTestId('confirm-step');

for (const lang of ['fr', 'zh'] as const) {
	test(`/${lang} merchant: a revision is a draft until sent; the official asks to rework it`, async ({
		page,
		browser
	}) => {
		const email = `revision-${uniqueSuffix()}@boutique.test`;
		const name = `Revision ${lang} ${uniqueSuffix()}`;
		await registerMerchant(page, lang, email);
		const id = await applyFor(page, lang, name);
		const official = await officialPage(browser);
		await approveAsOfficial(official, id);

		// The merchant edits the first step and leaves: the change is a draft.
		await page.goto(`/${lang}/merchant/shops/${id}/shop`);
		await page.locator('input[name=tradeNameZh]').fill('测试商店·新');
		await page.locator('button[name=intent][value=draft]').click();
		await expect(page).toHaveURL(new RegExp(`/${lang}/merchant\\?done=revision_saved$`));
		const card = shopCard(page, name);
		await expect(card.getByText(WORDS[lang].draftNotice, { exact: true })).toBeVisible();
		await page.screenshot({ path: `screenshots/${lang}-revision-draft-phone.png`, fullPage: true });

		// Reviewers see nothing of it.
		await official.goto(`/fr/admin/merchants/${id}`);
		await expect(official.getByRole('heading', { name: 'Modifications proposées' })).toHaveCount(0);

		// Sent whole, it is in the queue.
		await card.getByRole('button', { name: WORDS[lang].send, exact: true }).click();
		await expect(card.getByText(WORDS[lang].draftNotice, { exact: true })).toHaveCount(0);
		await official.goto(`/fr/admin/merchants/${id}`);
		await expect(
			official.getByRole('heading', { name: 'Modifications proposées', exact: true })
		).toBeVisible();
		await expect(official.locator('table.diff td.after')).toHaveText('测试商店·新');

		// The official sends it back for changes, with a reason; the merchant is e-mailed.
		await chooseReason(official, 'revision', 'incomplete_information', 'Ajoutez le nom complet.');
		await official
			.getByRole('button', { name: '✎ Demander de reprendre les modifications', exact: true })
			.click();
		await expect(
			official.getByText(
				'Le commerçant doit reprendre ses modifications ; il en est informé par e-mail.',
				{ exact: true }
			)
		).toBeVisible();
		await expect
			.poll(async () => (await mailsTo(email)).map((m) => m.text).join('\n'))
			.toContain('Ajoutez le nom complet.');

		await page.goto(`/${lang}/merchant`);
		await expect(shopCard(page, name).locator('.reason-title')).toHaveText(WORDS[lang].toRework);
		await page.screenshot({
			path: `screenshots/${lang}-revision-changes-requested-phone.png`,
			fullPage: true
		});
		await official.context().close();
	});

	test(`/${lang} merchant: a refused application starts again with its fields`, async ({
		page,
		browser
	}) => {
		const name = `Refusee ${lang} ${uniqueSuffix()}`;
		await registerMerchant(page, lang, `refus-${uniqueSuffix()}@boutique.test`);
		const id = await applyFor(page, lang, name);
		const official = await officialPage(browser);
		await official.goto(`/fr/admin/merchants/${id}`);
		await chooseReason(official, 'decision', 'address_unverified');
		await official.getByRole('button', { name: '✕ Refuser', exact: true }).click();
		await dialog(official).getByRole('button', { name: 'Oui, refuser la demande' }).click();
		await expect(official.locator('.head .status')).toHaveText('Refusée');
		await official.context().close();

		await page.goto(`/${lang}/merchant`);
		await shopCard(page, name).getByRole('button', { name: WORDS[lang].reapply }).click();
		await expect(page).toHaveURL(new RegExp(`/${lang}/merchant/shops/${id}/shop$`));
		await expect(page.locator('input[name=tradeNameFr]')).toHaveValue(name);
		await expect(page.locator('input[name=legalName]')).toHaveValue(`SAS ${name}`);
		await page.goto(`/${lang}/merchant/shops/${id}/review`);
		await page.locator('input[name=consentToPublish]').check();
		await page.locator('button[name=intent][value=submit]').click();
		await expect(page).toHaveURL(new RegExp(`/${lang}/merchant\\?done=submitted$`));
		await expect(shopCard(page, name).locator('[data-status]')).toHaveAttribute(
			'data-status',
			'pending'
		);
	});
}

test('/fr official: refusing asks for confirmation in a dialog; the refusal is reopened', async ({
	page,
	browser
}) => {
	const email = `confirm-${uniqueSuffix()}@boutique.test`;
	const name = `Confirmee ${uniqueSuffix()}`;
	await registerMerchant(page, 'fr', email);
	const id = await applyFor(page, 'fr', name);
	const official = await officialPage(browser);
	await official.goto(`/fr/admin/merchants/${id}`);
	await expect(official.locator('html')).toHaveAttribute('data-hydrated', '', { timeout: 60_000 });
	await chooseReason(official, 'decision', 'siret_mismatch', 'Raison sociale différente.');
	await official.getByRole('button', { name: '✕ Refuser', exact: true }).click();

	const confirm = official.getByRole('dialog', { name: 'Refuser cette demande ?' });
	await expect(confirm).toBeVisible();
	await expect(confirm).toContainText('Raison sociale différente.');
	await expect(confirm).toContainText(`Le commerçant en sera informé par e-mail (${email}).`);
	await official.screenshot({ path: 'screenshots/fr-confirm-reject-dialog-phone.png' });
	// Cancelled: nothing happened.
	await confirm.getByRole('link', { name: 'Annuler', exact: true }).click();
	await expect(confirm).toBeHidden();
	await expect(official.locator('.head .status')).toHaveText('En attente');

	await official.getByRole('button', { name: '✕ Refuser', exact: true }).click();
	await confirm.getByRole('button', { name: 'Oui, refuser la demande', exact: true }).click();
	await expect(official.locator('.head .status')).toHaveText('Refusée');

	// The way back: reopened to pending, with a reason, e-mailed.
	await chooseReason(official, 'reopen', 'other', 'Le SIRET était correct.');
	await official.getByRole('button', { name: '↺ Rouvrir la demande', exact: true }).click();
	await expect(
		official.getByText("Demande rouverte : elle est de nouveau en attente d'examen.", {
			exact: true
		})
	).toBeVisible();
	await expect(official.locator('.head .status')).toHaveText('En attente');
	await expect
		.poll(async () => (await mailsTo(email)).map((m) => m.subject).join('\n'))
		.toContain(`Votre demande pour « ${name} » est de nouveau en examen`);
	await official.context().close();
});

test('/fr official without JavaScript: suspending is a confirmation step; reinstated after', async ({
	page,
	browser
}) => {
	const name = `Suspendue ${uniqueSuffix()}`;
	await registerMerchant(page, 'fr', `suspend-${uniqueSuffix()}@boutique.test`);
	const id = await applyFor(page, 'fr', name);
	const official = await officialPage(browser, false);
	await approveAsOfficial(official, id);
	await chooseReason(official, 'suspend', 'not_accepting_alipay');
	await official.getByRole('button', { name: '‖ Suspendre la fiche', exact: true }).click();

	const step = official.getByTestId('confirm-step');
	await expect(step.getByRole('heading', { name: 'Suspendre cette fiche ?' })).toBeVisible();
	await expect(step).toContainText(`« ${name} » disparaîtra de la carte dès maintenant`);
	await expect(official.locator('.head .status')).toHaveText('Validée');
	await official.screenshot({
		path: 'screenshots/fr-confirm-suspend-nojs-phone.png',
		fullPage: true
	});
	await step.getByRole('button', { name: 'Oui, suspendre la fiche', exact: true }).click();
	await expect(official.locator('.head .status')).toHaveText('Suspendue');
	await official.getByRole('button', { name: '↺ Rétablir la fiche', exact: true }).click();
	await expect(official.getByText('Fiche rétablie sur la carte.', { exact: true })).toBeVisible();
	await expect(official.locator('.head .status')).toHaveText('Validée');
	await official.context().close();
});

test('/fr official: bulk approval names what it will publish before it does', async ({
	page,
	browser
}) => {
	const name = `Groupee ${uniqueSuffix()}`;
	await registerMerchant(page, 'fr', `bulk-${uniqueSuffix()}@boutique.test`);
	await applyFor(page, 'fr', name);
	const official = await officialPage(browser);
	// The newest application is on the queue's last page (oldest first).
	const pick = official.getByRole('checkbox', { name: `Sélectionner ${name}`, exact: true });
	for (let p = 1; p <= 100; p++) {
		await official.goto(
			`/fr/admin/queue?kind=application&category=souvenirs&departement=75&page=${p}`
		);
		if ((await pick.count()) === 1) break;
	}
	await expect(official.locator('html')).toHaveAttribute('data-hydrated', '', { timeout: 60_000 });
	await pick.check();
	await official.getByRole('button', { name: /^✓ Valider la sélection/ }).click();
	const confirm = official.getByRole('dialog', { name: 'Valider 1 demande(s) ?' });
	await expect(confirm.getByRole('listitem')).toHaveText([name]);
	await official.screenshot({ path: 'screenshots/fr-confirm-bulk-dialog-phone.png' });
	await confirm.getByRole('button', { name: 'Oui, valider 1 demande(s)', exact: true }).click();
	await expect(official.getByText('1 demandes validées.', { exact: true })).toBeVisible();
	await official.context().close();
});
