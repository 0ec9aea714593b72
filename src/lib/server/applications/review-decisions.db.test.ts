/**
 * The listing state machine, from the reviewers' side: approval, refusal, requests for changes,
 * suspension and reinstatement, revisions, bulk approval, and decisions that race each other.
 */
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema';
import {
	approve,
	approveRevision,
	bulkApprove,
	reinstate,
	reject,
	requestChanges,
	saveDraft,
	submit,
	suspend
} from './workflow';
import { applicationsTestBed, at, ok } from './testing';
import { listingHistory, ownListing } from './queries';

const bed = await applicationsTestBed(
	'decisions',
	['alice:merchant', 'agent:official', 'admin:admin'],
	62_500_000
);
const { db, complete, row, events } = bed;
const [alice, reviewer, admin] = bed.actors; // a merchant, an official, an admin
/** A listing of Alice's, submitted and pending. */
const pendingListing = () => bed.pendingListing(alice);
async function approvedListing() {
	const pending = await pendingListing();
	return ok(await approve(db, reviewer, at(pending)));
}

describe('review decisions', () => {
	it('approves a pending application: public, accepted since now, one audit row', async () => {
		const pending = await pendingListing();
		const approved = ok(await approve(db, reviewer, at(pending)));
		expect(approved).toMatchObject({ status: 'approved', version: pending.version + 1 });
		const stored = await row(pending.id);
		expect(stored.acceptedSince).toBeInstanceOf(Date);
		expect(stored.verifiedAt).toEqual(stored.decidedAt);
		expect(stored.decidedAt).toBeInstanceOf(Date);
		const decisions = (await events(pending.id)).filter((e) => e.action === 'approve');
		expect(decisions).toHaveLength(1);
		expect(decisions[0]).toMatchObject({
			actorId: reviewer.id,
			fromStatus: 'pending',
			toStatus: 'approved',
			before: { status: 'pending', version: pending.version },
			after: { status: 'approved', version: approved.version }
		});
	});

	it('lets only officials and admins decide', async () => {
		const pending = await pendingListing();
		const d = at(pending);
		expect(await approve(db, alice, d)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await reject(db, alice, { ...d, reasonCode: 'other', reasonText: 'x' })).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(ok(await approve(db, admin, d)).status).toBe('approved');
	});

	it('rejects with a reason the merchant reads on their dashboard', async () => {
		const pending = await pendingListing();
		const d = at(pending);
		// @ts-expect-error a reason is required
		expect(await reject(db, reviewer, { ...d, reasonCode: undefined })).toEqual({
			ok: false,
			reason: 'reason_required'
		});
		expect(await reject(db, reviewer, { ...d, reasonCode: 'other', reasonText: '  ' })).toEqual({
			ok: false,
			reason: 'reason_required'
		});
		const rejected = ok(
			await reject(db, reviewer, {
				...d,
				reasonCode: 'siret_mismatch',
				reasonText: 'Le SIRET ne correspond pas à la raison sociale.'
			})
		);
		expect(rejected.status).toBe('rejected');
		expect((await events(pending.id)).at(-1)).toMatchObject({
			action: 'reject',
			reasonCode: 'siret_mismatch',
			reasonText: 'Le SIRET ne correspond pas à la raison sociale.'
		});
		const mine = await ownListing(db, alice.id, pending.id);
		expect(mine?.note).toMatchObject({ action: 'reject', reasonCode: 'siret_mismatch' });
		// A refused application is final: no edit, no new submission.
		expect(
			await saveDraft(db, alice, { merchantId: pending.id, values: { tradeNameFr: 'X' } })
		).toEqual({ ok: false, reason: 'invalid_transition', status: 'rejected' });
		expect(await submit(db, alice, pending.id)).toMatchObject({ reason: 'invalid_transition' });
	});

	it('asks for changes; the merchant fixes and submits again', async () => {
		const pending = await pendingListing();
		const asked = ok(
			await requestChanges(db, reviewer, {
				...at(pending),
				reasonCode: 'address_unverified',
				reasonText: 'Numéro de rue manquant'
			})
		);
		expect(asked.status).toBe('changes_requested');
		expect((await ownListing(db, alice.id, pending.id))?.note?.reasonCode).toBe(
			'address_unverified'
		);
		ok(
			await saveDraft(db, alice, {
				merchantId: pending.id,
				values: { address: '14 rue de Rivoli' }
			})
		);
		expect(ok(await submit(db, alice, pending.id)).status).toBe('pending');
		expect((await ownListing(db, alice.id, pending.id))?.note).toBeNull();
		expect((await listingHistory(db, alice.id, pending.id)).map((h) => h.action)).toEqual([
			'create',
			'submit',
			'request_changes',
			'submit'
		]);
	});

	it('suspends an approved listing and reinstates it', async () => {
		const approved = await approvedListing();
		const suspended = ok(
			await suspend(db, reviewer, {
				...at(approved),
				reasonCode: 'not_accepting_alipay'
			})
		);
		expect(suspended.status).toBe('suspended');
		expect(
			await saveDraft(db, alice, { merchantId: approved.id, values: { tradeNameFr: 'X' } })
		).toEqual({ ok: false, reason: 'invalid_transition', status: 'suspended' });
		const back = ok(
			await reinstate(db, reviewer, { merchantId: approved.id, expectedVersion: suspended.version })
		);
		expect(back.status).toBe('approved');
		expect(
			(await events(approved.id)).slice(-2).map((e) => [e.action, e.fromStatus, e.toStatus])
		).toEqual([
			['suspend', 'approved', 'suspended'],
			['reinstate', 'suspended', 'approved']
		]);
	});

	it('refuses transitions from the wrong status, writing nothing', async () => {
		const draft = ok(await saveDraft(db, alice, { values: complete() }));
		const approved = await approvedListing();
		const count = (await db.select().from(auditEvents)).length;
		const reason = { reasonCode: 'other', reasonText: 'test' } as const;
		expect(await approve(db, reviewer, at(draft))).toEqual({
			ok: false,
			reason: 'invalid_transition',
			status: 'draft'
		});
		expect(
			await reject(db, reviewer, {
				...at(approved),
				...reason
			})
		).toMatchObject({ reason: 'invalid_transition', status: 'approved' });
		expect(
			await suspend(db, reviewer, {
				...at(draft),
				...reason
			})
		).toMatchObject({ reason: 'invalid_transition' });
		expect(await reinstate(db, reviewer, at(approved))).toMatchObject({
			reason: 'invalid_transition'
		});
		expect(
			await approveRevision(db, reviewer, {
				...at(approved)
			})
		).toEqual({ ok: false, reason: 'no_revision' });
		expect((await db.select().from(auditEvents)).length).toBe(count);
		expect((await row(approved.id)).version).toBe(approved.version);
	});
});

describe('concurrent decisions', () => {
	it('refuses a decision on a listing that changed since the reviewer saw it', async () => {
		const pending = await pendingListing();
		// The merchant edits while the reviewer reads.
		const edited = ok(
			await saveDraft(db, alice, { merchantId: pending.id, values: { tradeNameFr: 'Autre nom' } })
		);
		expect(await approve(db, reviewer, at(pending))).toEqual({
			ok: false,
			reason: 'stale',
			status: 'pending',
			version: edited.version
		});
		expect((await row(pending.id)).status).toBe('pending');
		expect(
			ok(await approve(db, reviewer, { merchantId: pending.id, expectedVersion: edited.version }))
				.status
		).toBe('approved');
	});

	it('lets exactly one of two simultaneous decisions through', async () => {
		const pending = await pendingListing();
		const d = at(pending);
		const results = await Promise.all([
			approve(db, reviewer, d),
			reject(db, admin, { ...d, reasonCode: 'duplicate' })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([
			expect.objectContaining({ ok: false, reason: 'stale', version: pending.version + 1 })
		]);
		const decisions = (await events(pending.id)).filter((e) =>
			['approve', 'reject'].includes(e.action)
		);
		expect(decisions).toHaveLength(1);
		expect((await row(pending.id)).status).toBe(decisions[0].toStatus);
	});

	it('approves in bulk, each listing on its own', async () => {
		const a = await pendingListing();
		const b = await pendingListing();
		const results = await bulkApprove(db, reviewer, [
			at(a),
			{ merchantId: b.id, expectedVersion: b.version - 1 }
		]);
		expect(results.map((r) => [r.merchantId, r.result.ok])).toEqual([
			[a.id, true],
			[b.id, false]
		]);
		expect(results[1].result).toMatchObject({ reason: 'stale' });
		expect((await row(a.id)).status).toBe('approved');
		expect((await row(b.id)).status).toBe('pending');
	});
});
