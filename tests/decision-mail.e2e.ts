/**
 * A reviewer's refusal reaches the merchant by e-mail, in the merchant's language, with the
 * reason (the e2e server writes its e-mails to MAIL_OUTBOX_DIR, read by tests/mail.ts). Each
 * test registers its own merchant and submits its own application (tests/own-application.ts).
 * Approvals are tested in admin.e2e.ts, with the other tests that approve listings.
 */
import { expect, test } from '@playwright/test';
import { adminPage, mailTo, submitOwnApplication } from './own-application';

const REASON_TEXT = 'Le numéro 12 ne correspond à aucune boutique sur place.';

const EXPECTED = {
	fr: {
		subject: (shop: string) => `Votre demande pour « ${shop} » n'a pas été acceptée`,
		reason: `Motif : Adresse non vérifiée — ${REASON_TEXT}`,
		link: '/fr/merchant'
	},
	zh: {
		subject: (shop: string) => `您为“${shop}”提交的申请未通过`,
		reason: `原因：地址未能核实 — ${REASON_TEXT}`,
		link: '/zh/merchant'
	}
} as const;

for (const lang of ['fr', 'zh'] as const) {
	test(`an admin rejects with a reason; the merchant registered in ${lang} is e-mailed it in ${lang}`, async ({
		browser
	}) => {
		const own = await submitOwnApplication(browser, lang, `refus-${lang}`);
		const shop = lang === 'zh' ? own.tradeNameZh : own.tradeNameFr;

		const page = await adminPage(browser);
		await page.goto(`/fr/admin/merchants/${own.listingId}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(own.tradeNameFr);
		await page
			.getByLabel('Motif (montré au commerçant dans sa langue)', { exact: true })
			.selectOption('address_unverified');
		await page.getByLabel('Précisions pour le commerçant', { exact: true }).fill(REASON_TEXT);
		await page.getByRole('button', { name: '✕ Refuser', exact: true }).click();
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
		await page.close();

		const expected = EXPECTED[lang];
		const mail = await mailTo(own.email, expected.subject(shop));
		expect(mail.subject).toBe(expected.subject(shop));
		expect(mail.text).toContain(expected.reason);
		expect(mail.text).toContain(`${expected.link}\n`);
	});
}
