import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, merchants, users } from '../db/schema';
import type { Database } from '../db/client';
import { makeSiret } from '../../merchants/siret';
import {
	approve,
	approveRevision,
	bulkApprove,
	reinstate,
	reject,
	requestChanges,
	saveDraft,
	submit,
	suspend,
	withdraw,
	withdrawRevision,
	type Actor
} from './workflow';
import { completeApplication, ok } from './testing';
import { listingHistory, ownListing, ownListings } from './queries';

let t: TestDatabase;
let db: Database;
let alice: Actor; // merchant
let bruno: Actor; // another merchant
let reviewer: Actor; // official
let admin: Actor;
let siretStem = 61_000_000;

async function account(email: string, role: Actor['role']): Promise<Actor> {
	const [u] = await db.insert(users).values({ email, role }).returning();
	return { id: u.id, role: u.role };
}

/** A complete application as the wizard would read it, with a fresh SIRET. */
const complete = (overrides: Record<string, string> = {}) =>
	completeApplication(makeSiret(siretStem++), overrides);

const row = async (id: number) =>
	(await db.select().from(merchants).where(eq(merchants.id, id)))[0];
const events = (id: number) =>
	db.select().from(auditEvents).where(eq(auditEvents.merchantId, id)).orderBy(auditEvents.id);

/** A listing of Alice's, submitted and pending. */
async function pendingListing(overrides: Record<string, string> = {}) {
	const created = ok(await saveDraft(db, alice, { values: complete(overrides) }));
	return ok(await submit(db, alice, created.id));
}
async function approvedListing() {
	const pending = await pendingListing();
	return ok(
		await approve(db, reviewer, { merchantId: pending.id, expectedVersion: pending.version })
	);
}

beforeAll(async () => {
	t = await openTestDatabase();
	db = t.db;
	alice = await account('alice@boutique.test', 'merchant');
	bruno = await account('bruno@boutique.test', 'merchant');
	reviewer = await account('agent@region.test', 'official');
	admin = await account('admin@region.test', 'admin');
});
afterAll(async () => {
	await t?.close();
});

describe('drafts', () => {
	it('creates the merchant’s own draft with the fields given, and says so in the history', async () => {
		const created = ok(
			await saveDraft(db, alice, {
				values: { legalName: 'SARL Le Thé', tradeNameFr: 'Le Thé', category: 'food_wine' }
			})
		);
		expect(created).toMatchObject({ status: 'draft', version: 1 });
		const stored = await row(created.id);
		expect(stored).toMatchObject({
			ownerId: alice.id,
			source: 'self_registered',
			legalName: 'SARL Le Thé',
			siret: null
		});
		const history = await events(created.id);
		expect(history.map((e) => e.action)).toEqual(['create']);
		expect(history[0]).toMatchObject({ actorId: alice.id, fromStatus: 'draft', toStatus: 'draft' });
		expect(history[0].after).toMatchObject({ legalName: 'SARL Le Thé' });
	});

	it('refuses a draft without the fields a listing cannot lack', async () => {
		const before = await db.select().from(merchants);
		expect(await saveDraft(db, alice, { values: { legalName: 'SARL X' } })).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { tradeNameFr: 'required', category: 'required' }
		});
		expect(await db.select().from(merchants)).toHaveLength(before.length);
	});

	it('saves further steps into the draft and bumps its version', async () => {
		const created = ok(
			await saveDraft(db, alice, {
				values: { legalName: 'SARL Le Thé', tradeNameFr: 'Le Thé', category: 'food_wine' }
			})
		);
		const saved = ok(
			await saveDraft(db, alice, {
				merchantId: created.id,
				values: { address: '3 rue du Bac', postalCode: '75007', phone: '+33142603000' }
			})
		);
		expect(saved.version).toBe(created.version + 1);
		expect(await row(created.id)).toMatchObject({
			address: '3 rue du Bac',
			legalName: 'SARL Le Thé'
		});
		// Saving the same again changes nothing.
		expect(
			ok(
				await saveDraft(db, alice, { merchantId: created.id, values: { address: '3 rue du Bac' } })
			).version
		).toBe(saved.version);
	});

	it('refuses a SIRET that another listing already has', async () => {
		const first = ok(await saveDraft(db, alice, { values: complete() }));
		const siret = (await row(first.id)).siret!;
		expect(await saveDraft(db, bruno, { values: { ...complete(), siret } })).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { siret: 'siret_taken' }
		});
		// Its own SIRET saved again is fine.
		expect((await saveDraft(db, alice, { merchantId: first.id, values: { siret } })).ok).toBe(true);
	});

	it('lets only merchants write applications', async () => {
		expect(await saveDraft(db, reviewer, { values: complete() })).toEqual({
			ok: false,
			reason: 'forbidden'
		});
	});
});

describe('submission', () => {
	it('refuses an incomplete application, field by field, and writes nothing', async () => {
		const created = ok(
			await saveDraft(db, alice, {
				values: { legalName: 'SARL Le Thé', tradeNameFr: 'Le Thé', category: 'food_wine' }
			})
		);
		const result = await submit(db, alice, created.id);
		expect(result.ok).toBe(false);
		if (result.ok || result.reason !== 'invalid') throw new Error('expected invalid');
		expect(result.errors).toMatchObject({
			siret: 'required',
			address: 'required',
			position: 'position_required',
			consentToPublish: 'consent_required'
		});
		expect((await row(created.id)).status).toBe('draft');
		expect((await events(created.id)).map((e) => e.action)).toEqual(['create']);
	});

	it('sends a complete draft for review: draft → pending, once', async () => {
		const created = ok(await saveDraft(db, alice, { values: complete() }));
		const pending = ok(await submit(db, alice, created.id));
		expect(pending).toMatchObject({ status: 'pending', version: created.version + 1 });
		expect((await row(created.id)).submittedAt).toBeInstanceOf(Date);
		const last = (await events(created.id)).at(-1)!;
		expect(last).toMatchObject({
			action: 'submit',
			actorId: alice.id,
			fromStatus: 'draft',
			toStatus: 'pending',
			before: { status: 'draft', version: created.version },
			after: { status: 'pending', version: pending.version }
		});
		expect(await submit(db, alice, created.id)).toEqual({
			ok: false,
			reason: 'invalid_transition',
			status: 'pending'
		});
	});

	it('lets the merchant withdraw a pending application back to draft', async () => {
		const pending = await pendingListing();
		expect(ok(await withdraw(db, alice, pending.id)).status).toBe('draft');
		expect(await withdraw(db, alice, pending.id)).toMatchObject({ reason: 'invalid_transition' });
		expect(ok(await submit(db, alice, pending.id)).status).toBe('pending');
	});

	it('records edits of a pending application in its history', async () => {
		const pending = await pendingListing();
		const edited = ok(
			await saveDraft(db, alice, {
				merchantId: pending.id,
				values: { tradeNameFr: 'Maison Neuve' }
			})
		);
		expect(edited.status).toBe('pending');
		const last = (await events(pending.id)).at(-1)!;
		expect(last).toMatchObject({
			action: 'edit',
			before: { tradeNameFr: 'Maison Exemple' },
			after: { tradeNameFr: 'Maison Neuve' }
		});
	});
});

describe('owner isolation', () => {
	it('answers another merchant’s listing as if it did not exist, and changes nothing', async () => {
		const pending = await pendingListing();
		const before = await row(pending.id);
		expect(
			await saveDraft(db, bruno, { merchantId: pending.id, values: { tradeNameFr: 'Pris' } })
		).toEqual({ ok: false, reason: 'not_found' });
		expect(await submit(db, bruno, pending.id)).toEqual({ ok: false, reason: 'not_found' });
		expect(await withdraw(db, bruno, pending.id)).toEqual({ ok: false, reason: 'not_found' });
		expect(await withdrawRevision(db, bruno, pending.id)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await row(pending.id)).toEqual(before);
		expect(await ownListing(db, bruno.id, pending.id)).toBeNull();
		expect((await ownListings(db, bruno.id)).map((l) => l.merchant.id)).not.toContain(pending.id);
		expect(await listingHistory(db, bruno.id, pending.id)).toEqual([]);
		expect((await ownListing(db, alice.id, pending.id))?.merchant.id).toBe(pending.id);
		expect((await listingHistory(db, alice.id, pending.id)).map((h) => h.action)).toEqual([
			'create',
			'submit'
		]);
	});

	it('answers a listing that does not exist the same way', async () => {
		expect(await submit(db, alice, 999_999)).toEqual({ ok: false, reason: 'not_found' });
		expect(await approve(db, reviewer, { merchantId: 999_999, expectedVersion: 1 })).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});

describe('review decisions', () => {
	it('approves a pending application: public, accepted since now, one audit row', async () => {
		const pending = await pendingListing();
		const approved = ok(
			await approve(db, reviewer, { merchantId: pending.id, expectedVersion: pending.version })
		);
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
		const d = { merchantId: pending.id, expectedVersion: pending.version };
		expect(await approve(db, alice, d)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await reject(db, alice, { ...d, reasonCode: 'other', reasonText: 'x' })).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(ok(await approve(db, admin, d)).status).toBe('approved');
	});

	it('rejects with a reason the merchant reads on their dashboard', async () => {
		const pending = await pendingListing();
		const d = { merchantId: pending.id, expectedVersion: pending.version };
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
				merchantId: pending.id,
				expectedVersion: pending.version,
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
				merchantId: approved.id,
				expectedVersion: approved.version,
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
		expect(
			await approve(db, reviewer, { merchantId: draft.id, expectedVersion: draft.version })
		).toEqual({
			ok: false,
			reason: 'invalid_transition',
			status: 'draft'
		});
		expect(
			await reject(db, reviewer, {
				merchantId: approved.id,
				expectedVersion: approved.version,
				...reason
			})
		).toMatchObject({ reason: 'invalid_transition', status: 'approved' });
		expect(
			await suspend(db, reviewer, {
				merchantId: draft.id,
				expectedVersion: draft.version,
				...reason
			})
		).toMatchObject({ reason: 'invalid_transition' });
		expect(
			await reinstate(db, reviewer, { merchantId: approved.id, expectedVersion: approved.version })
		).toMatchObject({ reason: 'invalid_transition' });
		expect(
			await approveRevision(db, reviewer, {
				merchantId: approved.id,
				expectedVersion: approved.version
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
		expect(
			await approve(db, reviewer, { merchantId: pending.id, expectedVersion: pending.version })
		).toEqual({
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
		const d = { merchantId: pending.id, expectedVersion: pending.version };
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
			{ merchantId: a.id, expectedVersion: a.version },
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
