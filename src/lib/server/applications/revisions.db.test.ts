/**
 * Revisions of an approved listing: a draft until the merchant submits it whole, the only kind
 * reviewers see is a submitted one, and a reviewer may approve it, refuse it or send it back
 * for changes (e-mailed to the merchant) — each step through the state machine, audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, jobs, merchantRevisions, merchants, users } from '../db/schema';
import type { Database } from '../db/client';
import { makeSiret } from '../../merchants/siret';
import { parseQueueFilters } from '../../admin/queue-filters';
import { reviewDetail, reviewQueue } from '../admin/review';
import { MAIL_JOB } from '../mail/outbox';
import {
	approve,
	approveRevision,
	rejectRevision,
	requestRevisionChanges,
	saveDraft,
	submit,
	submitRevision,
	withdrawRevision,
	type Actor
} from './workflow';
import { at, completeApplication, ok } from './testing';
import { ownListing, workingCopy } from './queries';

let t: TestDatabase;
let db: Database;
let alice: Actor; // merchant, writes in Chinese
let bruno: Actor; // another merchant
let reviewer: Actor;
let siretStem = 64_000_000;

async function account(email: string, role: Actor['role'], locale: 'zh' | 'fr' = 'fr') {
	const [u] = await db.insert(users).values({ email, role, locale }).returning();
	return { id: u.id, role: u.role } as Actor;
}
const complete = () => completeApplication(makeSiret(siretStem++));
const row = async (id: number) =>
	(await db.select().from(merchants).where(eq(merchants.id, id)))[0];
const actions = async (id: number) =>
	(
		await db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.merchantId, id))
			.orderBy(auditEvents.id)
	).map((e) => e.action);
const revisionOf = async (id: number) =>
	(await db.select().from(merchantRevisions).where(eq(merchantRevisions.id, id)))[0];
/** The listings with a revision in the reviewers' queue. */
const queued = async () =>
	(await reviewQueue(db, parseQueueFilters(new URLSearchParams('kind=revision')))).rows.map(
		(r) => r.merchantId
	);
async function mails() {
	const rows = await db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB));
	return rows.map((r) => r.payload as { to: string; text: string; kind: string });
}

async function approvedListing() {
	const created = ok(await saveDraft(db, alice, { values: complete() }));
	const pending = ok(await submit(db, alice, created.id));
	return ok(await approve(db, reviewer, at(pending)));
}
/** An approved listing with a revision its merchant saved and submitted. */
async function submittedRevision(values: Parameters<typeof saveDraft>[2]['values']) {
	const approved = await approvedListing();
	ok(await saveDraft(db, alice, { merchantId: approved.id, values }));
	const sent = await submitRevision(db, alice, approved.id);
	return { approved, sent: ok(sent), revisionId: sent.ok ? sent.revisionId! : 0 };
}

beforeAll(async () => {
	t = await openTestDatabase();
	db = t.db;
	alice = await account('alice@revisions.test', 'merchant', 'zh');
	bruno = await account('bruno@revisions.test', 'merchant');
	reviewer = await account('agent@revisions.test', 'official');
	process.env.ORIGIN = 'https://cashless.example.fr';
});
afterAll(() => t?.close());

describe('a revision is a draft until submitted whole', () => {
	it('gathers the saves of every step in one draft the reviewers do not see', async () => {
		const approved = await approvedListing();
		const published = await row(approved.id);
		const first = await saveDraft(db, alice, {
			merchantId: approved.id,
			values: { tradeNameFr: 'Maison Exemple Rivoli' }
		});
		const second = await saveDraft(db, alice, {
			merchantId: approved.id,
			values: { openingHours: 'Mo-Su 10:00-20:00' }
		});
		if (!first.ok || !second.ok) throw new Error('saves refused');
		expect(second.revisionId).toBe(first.revisionId);
		const draft = await revisionOf(first.revisionId!);
		expect(draft).toMatchObject({
			status: 'draft',
			submittedAt: null,
			changes: { tradeNameFr: 'Maison Exemple Rivoli', openingHours: 'Mo-Su 10:00-20:00' }
		});
		// Nothing public changed, not even the version a reviewer decides on.
		expect(await row(approved.id)).toEqual(published);
		expect(await queued()).not.toContain(approved.id);
		expect((await reviewDetail(db, approved.id))!.revision).toBeNull();
		expect(
			await approveRevision(db, reviewer, {
				...at(approved)
			})
		).toEqual({ ok: false, reason: 'no_revision' });
		// The merchant keeps working on it: the wizard shows the listing with the draft applied.
		const mine = (await ownListing(db, alice.id, approved.id))!;
		expect(mine.revision).toMatchObject({ status: 'draft', submittedAt: null });
		expect(workingCopy(mine)).toMatchObject({
			tradeNameFr: 'Maison Exemple Rivoli',
			legalName: published.legalName
		});

		const sent = await submitRevision(db, alice, approved.id);
		if (!sent.ok) throw new Error(JSON.stringify(sent));
		expect(sent.revisionId).toBe(first.revisionId);
		expect((await revisionOf(first.revisionId!)).status).toBe('pending');
		expect((await revisionOf(first.revisionId!)).submittedAt).toBeInstanceOf(Date);
		expect(await queued()).toContain(approved.id);
		ok(
			await approveRevision(db, reviewer, {
				merchantId: approved.id,
				expectedVersion: sent.merchant.version
			})
		);
		expect(await row(approved.id)).toMatchObject({
			tradeNameFr: 'Maison Exemple Rivoli',
			openingHours: 'Mo-Su 10:00-20:00',
			acceptedSince: published.acceptedSince
		});
		expect((await actions(approved.id)).slice(-3)).toEqual([
			'revision_draft',
			'revision_submit',
			'revision_approve'
		]);
	});

	it('refuses to submit a revision that leaves the listing incomplete, and writes nothing', async () => {
		const approved = await approvedListing();
		const saved = await saveDraft(db, alice, {
			merchantId: approved.id,
			values: { paymentMethods: [] }
		});
		if (!saved.ok) throw new Error(JSON.stringify(saved));
		const before = await actions(approved.id);
		expect(await submitRevision(db, alice, approved.id)).toMatchObject({
			ok: false,
			reason: 'invalid',
			errors: { paymentMethods: expect.any(String) }
		});
		expect((await revisionOf(saved.revisionId!)).status).toBe('draft');
		expect(await actions(approved.id)).toEqual(before);
		expect(await submitRevision(db, bruno, approved.id)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await submitRevision(db, reviewer, approved.id)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
	});

	it('takes a submitted revision back to draft, out of the queue, when its merchant edits it', async () => {
		const { approved, sent, revisionId } = await submittedRevision({ chineseStaff: true });
		const edited = ok(
			await saveDraft(db, alice, { merchantId: approved.id, values: { taxFree: false } })
		);
		expect(edited.version).toBe(sent.version + 1);
		expect(await revisionOf(revisionId)).toMatchObject({
			status: 'draft',
			changes: { chineseStaff: true, taxFree: false }
		});
		expect(await queued()).not.toContain(approved.id);
		// The reviewer who opened it before the edit decides on nothing.
		expect(
			await approveRevision(db, reviewer, {
				merchantId: approved.id,
				expectedVersion: sent.version
			})
		).toMatchObject({ ok: false, reason: 'stale' });
		expect((await actions(approved.id)).at(-1)).toBe('revision_update');
	});

	it('withdraws an open revision, by the merchant or by editing back to the listing', async () => {
		const approved = await approvedListing();
		const saved = await saveDraft(db, alice, {
			merchantId: approved.id,
			values: { chineseStaff: true }
		});
		expect(saved.ok && saved.revisionId).toBeTruthy();
		const back = await saveDraft(db, alice, {
			merchantId: approved.id,
			values: { chineseStaff: false }
		});
		expect(back).toMatchObject({ ok: true, revisionId: null });
		expect((await ownListing(db, alice.id, approved.id))?.revision).toBeNull();

		const { approved: other } = await submittedRevision({ taxFree: false });
		ok(await withdrawRevision(db, alice, other.id));
		expect(await withdrawRevision(db, alice, other.id)).toEqual({
			ok: false,
			reason: 'no_revision'
		});
		expect(await queued()).not.toContain(other.id);
		expect((await row(other.id)).taxFree).toBe(true);
		expect((await actions(other.id)).slice(-3)).toEqual([
			'revision_draft',
			'revision_submit',
			'revision_withdraw'
		]);
	});
});

describe('reviewers answer a submitted revision', () => {
	it('send it back for changes, with the reason, e-mailed; resubmitted, it is approved', async () => {
		const { approved, sent, revisionId } = await submittedRevision({
			tradeNameZh: '示例之家·新'
		});
		expect(
			await requestRevisionChanges(db, reviewer, {
				...at(sent),
				reasonCode: 'other'
			})
		).toEqual({ ok: false, reason: 'reason_required' });
		await db.delete(jobs);
		const sentBack = ok(
			await requestRevisionChanges(db, reviewer, {
				...at(sent),
				reasonCode: 'incomplete_information',
				reasonText: '请补充中文名称的完整写法'
			})
		);
		expect(sentBack.status).toBe('approved');
		expect((await revisionOf(revisionId)).status).toBe('changes_requested');
		expect(await queued()).not.toContain(approved.id);
		const [mail] = await mails();
		expect(mail).toMatchObject({ to: 'alice@revisions.test', kind: 'revision_changes_requested' });
		expect(mail.text).toContain('请补充中文名称的完整写法');
		expect(mail.text).toContain('https://cashless.example.fr/zh/merchant');
		expect(await ownListing(db, alice.id, approved.id)).toMatchObject({
			revision: { status: 'changes_requested' },
			note: { action: 'revision_request_changes', reasonCode: 'incomplete_information' }
		});

		// The merchant's edits keep it "to rework" until it is sent again.
		ok(
			await saveDraft(db, alice, {
				merchantId: approved.id,
				values: { tradeNameZh: '示例之家·里沃利店' }
			})
		);
		expect((await revisionOf(revisionId)).status).toBe('changes_requested');
		const again = ok(await submitRevision(db, alice, approved.id));
		ok(
			await approveRevision(db, reviewer, {
				merchantId: approved.id,
				expectedVersion: again.version
			})
		);
		expect((await row(approved.id)).tradeNameZh).toBe('示例之家·里沃利店');
		expect((await actions(approved.id)).slice(-3)).toEqual([
			'revision_request_changes',
			'revision_submit',
			'revision_approve'
		]);
	});

	it('reject it with a reason; the listing stays as approved', async () => {
		const { approved, sent, revisionId } = await submittedRevision(
			completeApplication(makeSiret(siretStem++), {
				postalCode: '77300',
				latitude: '48.4047',
				longitude: '2.7016'
			})
		);
		ok(
			await rejectRevision(db, reviewer, {
				...at(sent),
				reasonCode: 'address_unverified'
			})
		);
		expect((await revisionOf(revisionId)).status).toBe('rejected');
		expect((await row(approved.id)).postalCode).toBe('75001');
		expect(await ownListing(db, alice.id, approved.id)).toMatchObject({
			revision: null,
			note: { action: 'revision_reject', reasonCode: 'address_unverified' }
		});
	});

	it('refuse, when deciding, a SIRET another listing took meanwhile', async () => {
		const newSiret = makeSiret(siretStem++);
		const { approved, sent } = await submittedRevision({ siret: newSiret });
		ok(await saveDraft(db, bruno, { values: { ...complete(), siret: newSiret } }));
		expect(
			await approveRevision(db, reviewer, {
				merchantId: approved.id,
				expectedVersion: sent.version
			})
		).toEqual({ ok: false, reason: 'invalid', errors: { siret: 'siret_taken' } });
	});
});
