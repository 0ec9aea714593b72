/**
 * Every reviewer decision has its way back through the state machine, audited and e-mailed:
 * a refusal (or a request for changes) reopened to pending with a reason, a suspension lifted,
 * an approval suspended; and a refused merchant starts a new application from the refused one.
 */
import { describe, expect, it } from 'vitest';
import { jobs } from '../db/schema';
import {
	approve,
	reapply,
	reinstate,
	reject,
	reopen,
	requestChanges,
	submit,
	suspend
} from './workflow';
import { applicationsTestBed, at, ok } from './testing';
import { ownListing, workingCopy } from './queries';

process.env.ORIGIN = 'https://cashless.example.fr';
const bed = await applicationsTestBed(
	'reversals',
	['owner:merchant:fr', 'other:merchant:fr', 'agent:official'],
	65_000_000
);
const { db, row, mails } = bed;
const [owner, other, reviewer] = bed.actors; // two merchants and an official
const lastEvent = async (id: number) => (await bed.events(id)).at(-1)!;
const pendingListing = () => bed.pendingListing(owner);
async function rejectedListing() {
	const pending = await pendingListing();
	return ok(
		await reject(db, reviewer, {
			...at(pending),
			reasonCode: 'siret_mismatch'
		})
	);
}

describe('reopen: rejected or changes_requested → pending', () => {
	it('takes a refusal back with a reason, audited and e-mailed', async () => {
		const rejected = await rejectedListing();
		expect(
			await reopen(db, reviewer, {
				...at(rejected),
				reasonCode: 'other'
			})
		).toEqual({ ok: false, reason: 'reason_required' });
		await db.delete(jobs);
		const reopened = ok(
			await reopen(db, reviewer, {
				...at(rejected),
				reasonCode: 'other',
				reasonText: 'Le SIRET est bon : erreur de notre part.'
			})
		);
		expect(reopened).toMatchObject({ status: 'pending', version: rejected.version + 1 });
		expect((await row(rejected.id)).decidedAt).toBeNull();
		expect(await lastEvent(rejected.id)).toMatchObject({
			action: 'reopen',
			actorId: reviewer.id,
			fromStatus: 'rejected',
			toStatus: 'pending',
			reasonText: 'Le SIRET est bon : erreur de notre part.'
		});
		const [mail] = await mails();
		expect(mail).toMatchObject({ to: 'owner@reversals.test', kind: 'application_reopened' });
		expect(mail.text).toContain('Le SIRET est bon');
		// Then decided again, as any pending application.
		ok(await approve(db, reviewer, at(reopened)));
	});

	it('takes a request for changes back, and refuses other statuses, merchants and stale versions', async () => {
		const pending = await pendingListing();
		const asked = ok(
			await requestChanges(db, reviewer, {
				...at(pending),
				reasonCode: 'incomplete_information'
			})
		);
		const reason = { reasonCode: 'other' as const, reasonText: 'Finalement complet.' };
		expect(await reopen(db, owner, { ...at(asked), ...reason })).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(
			await reopen(db, reviewer, {
				merchantId: asked.id,
				expectedVersion: asked.version - 1,
				...reason
			})
		).toMatchObject({ ok: false, reason: 'stale' });
		ok(
			await reopen(db, reviewer, {
				...at(asked),
				...reason
			})
		);
		const again = await row(asked.id);
		expect(again.status).toBe('pending');
		expect(
			await reopen(db, reviewer, {
				merchantId: asked.id,
				expectedVersion: again.version,
				...reason
			})
		).toMatchObject({ ok: false, reason: 'invalid_transition', status: 'pending' });
	});
});

describe('suspend and reinstate: approved ⇄ suspended', () => {
	it('e-mails the merchant each way, the reinstatement with the public page', async () => {
		const pending = await pendingListing();
		const approved = ok(await approve(db, reviewer, at(pending)));
		await db.delete(jobs);
		const suspended = ok(
			await suspend(db, reviewer, {
				...at(approved),
				reasonCode: 'not_accepting_alipay'
			})
		);
		expect(suspended.status).toBe('suspended');
		const reinstated = ok(
			await reinstate(db, reviewer, {
				...at(suspended)
			})
		);
		expect(reinstated.status).toBe('approved');
		expect(await lastEvent(approved.id)).toMatchObject({
			action: 'reinstate',
			fromStatus: 'suspended',
			toStatus: 'approved'
		});
		const sent = await mails();
		expect(sent.map((s) => s.kind)).toEqual(['listing_suspended', 'listing_reinstated']);
		expect(sent[1].text).toContain(`https://cashless.example.fr/fr/merchants/${approved.id}-`);
	});
});

describe('reapply: rejected → draft, a new application from the refused one', () => {
	it('keeps every field, for its merchant only, and submits again', async () => {
		const rejected = await rejectedListing();
		const before = workingCopy((await ownListing(db, owner.id, rejected.id))!);
		expect(await reapply(db, other, rejected.id)).toEqual({ ok: false, reason: 'not_found' });
		expect(await reapply(db, reviewer, rejected.id)).toEqual({ ok: false, reason: 'forbidden' });
		const draft = ok(await reapply(db, owner, rejected.id));
		expect(draft.status).toBe('draft');
		const mine = (await ownListing(db, owner.id, rejected.id))!;
		expect(workingCopy(mine)).toEqual(before);
		expect(mine.merchant).toMatchObject({ submittedAt: null, decidedAt: null });
		expect(await lastEvent(rejected.id)).toMatchObject({
			action: 'reapply',
			actorId: owner.id,
			fromStatus: 'rejected',
			toStatus: 'draft'
		});
		expect(await reapply(db, owner, rejected.id)).toMatchObject({
			ok: false,
			reason: 'invalid_transition',
			status: 'draft'
		});
		expect(ok(await submit(db, owner, rejected.id)).status).toBe('pending');
	});
});
