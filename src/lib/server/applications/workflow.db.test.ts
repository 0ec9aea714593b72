/**
 * The listing state machine, from the merchant's side: drafts, submission, and that a merchant
 * reaches only their own listings. The reviewers' decisions: review-decisions.db.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { merchants } from '../db/schema';
import { approve, saveDraft, submit, withdraw, withdrawRevision } from './workflow';
import { applicationsTestBed, ok } from './testing';
import { listingHistory, ownListing, ownListings } from './queries';

const bed = await applicationsTestBed(
	'boutique',
	['alice:merchant', 'bruno:merchant', 'agent:official'],
	61_000_000
);
const { db, complete, row, events } = bed;
const [alice, bruno, reviewer] = bed.actors; // two merchants and an official
/** A listing of Alice's, submitted and pending. */
const pendingListing = (overrides: Record<string, string> = {}) =>
	bed.pendingListing(alice, overrides);

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
