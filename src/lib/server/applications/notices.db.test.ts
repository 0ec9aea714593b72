/**
 * A reviewer's decision e-mails the merchant through the outbox, in the same transaction: in the
 * owner's language, with the reviewer's reason, or the public page's link on approval; once per
 * decision; nothing for a decision that was refused.
 */
import { describe, expect, it } from 'vitest';
import { jobs } from '../db/schema';
import { approve, reject, requestChanges, type Actor } from './workflow';
import { applicationsTestBed, at, ok } from './testing';

process.env.ORIGIN = 'https://cashless.example.fr';
const bed = await applicationsTestBed(
	'boutique',
	['wang:merchant:zh', 'dupont:merchant:fr', 'notices-agent:official'],
	63_000_000
);
const { db, mails } = bed;
const [zhMerchant, frMerchant, reviewer] = bed.actors;
const pending = (owner: Actor) => bed.pendingListing(owner);

describe('decision e-mails', () => {
	it('tell a Chinese-speaking merchant of a rejection, with the reason, in Chinese', async () => {
		const listing = await pending(zhMerchant);
		await db.delete(jobs);
		ok(
			await reject(db, reviewer, {
				...at(listing),
				reasonCode: 'siret_mismatch',
				reasonText: '营业执照上的名称不同'
			})
		);
		const [mail] = await mails();
		expect(mail).toMatchObject({ to: 'wang@boutique.test', kind: 'application_rejected' });
		expect(mail.subject).toContain('未通过');
		expect(mail.text).toContain('原因：');
		expect(mail.text).toContain('营业执照上的名称不同');
		expect(mail.text).toContain('https://cashless.example.fr/zh/merchant');
	});

	it('link an approved listing to its public page, once, in French', async () => {
		const listing = await pending(frMerchant);
		await db.delete(jobs);
		const approved = ok(await approve(db, reviewer, at(listing)));
		// A second approval of the same version is refused and sends nothing.
		const again = await approve(db, reviewer, at(listing));
		expect(again.ok).toBe(false);
		const sent = await mails();
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ to: 'dupont@boutique.test', kind: 'application_approved' });
		expect(sent[0].text).toContain(
			`https://cashless.example.fr/fr/merchants/${approved.id}-maison-exemple`
		);
	});

	it('ask for changes with what to change', async () => {
		const listing = await pending(frMerchant);
		await db.delete(jobs);
		ok(
			await requestChanges(db, reviewer, {
				...at(listing),
				reasonCode: 'incomplete_information',
				reasonText: 'Ajoutez le numéro de téléphone de la boutique.'
			})
		);
		const [mail] = await mails();
		expect(mail.kind).toBe('application_changes_requested');
		expect(mail.text).toContain('Informations incomplètes — Ajoutez le numéro de téléphone');
	});
});
