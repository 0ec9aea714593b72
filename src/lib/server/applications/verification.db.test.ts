/**
 * Last verified and the yearly reconfirmation (issue 12), at the 11-, 12- and 18-month
 * boundaries in Paris time: the owner asked once, the listing stale, then off the map (never
 * without 30 days' notice), brought back by the e-mailed single-use link; an official's check.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, desc, eq, like } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import {
	auditEvents,
	jobs,
	merchants,
	reconfirmationTokens,
	users,
	type NewMerchant
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { makeSiret } from '../../merchants/siret';
import { invalidateListings } from '../merchants/listing-index';
import { listingCard } from '../merchants/listing-cards';
import {
	confirmVerified,
	lapseDue,
	reconfirmByLink,
	reconfirmationListing,
	remindDue
} from './workflow';
import { ok } from './testing';

let t: TestDatabase;
let owner: SessionUser;
let official: SessionUser;
let next = 72_000_000;

beforeAll(async () => {
	t = await openTestDatabase();
	const rows = await t.db
		.insert(users)
		.values([
			{ email: 'fresh-owner@shop.test', role: 'merchant', locale: 'zh' },
			{ email: 'fresh-official@region.test', role: 'official' }
		])
		.returning();
	[owner, official] = rows.map((u) => ({
		id: u.id,
		email: u.email,
		role: u.role,
		locale: u.locale,
		displayName: u.displayName
	}));
});
afterAll(() => t?.close());
beforeEach(async () => {
	// Each test on its own listings: earlier ones leave the map so the jobs skip them.
	await t.db.update(merchants).set({ status: 'rejected' });
	await t.db.delete(jobs);
});

async function listing(verifiedAt: string, overrides: Partial<NewMerchant> = {}) {
	const [row] = await t.db
		.insert(merchants)
		.values({
			ownerId: owner.id,
			legalName: 'SAS Thé Frais',
			tradeNameFr: 'Thé Frais',
			tradeNameZh: '新鲜茶',
			category: 'food_wine',
			siret: makeSiret(next++),
			address: '3 rue Vieille-du-Temple',
			postalCode: '75004',
			communeCode: '75104',
			communeName: 'Paris 4e Arrondissement',
			departement: '75',
			latitude: 48.857,
			longitude: 2.358,
			paymentMethods: ['alipay'],
			status: 'approved',
			acceptedSince: new Date(verifiedAt),
			verifiedAt: new Date(verifiedAt),
			...overrides
		})
		.returning();
	return row;
}

const rowOf = async (id: number) =>
	(await t.db.select().from(merchants).where(eq(merchants.id, id)))[0];

/** The e-mails queued so far of a kind, with the single-use token their link carries. */
async function mails(kind: string) {
	const rows = await t.db
		.select()
		.from(jobs)
		.where(like(jobs.label, `${kind} →%`))
		.orderBy(jobs.id);
	return rows.map((r) => {
		const p = r.payload as { subject: string; text: string };
		return { ...p, token: /\/reconfirm\/([a-z0-9]+)/.exec(p.text)?.[1] ?? null };
	});
}

async function cardAt(id: number, iso: string) {
	invalidateListings();
	return listingCard(t.db, id, new Date(iso), null);
}

// Verified on 1 April 2025 at 00:30 in Paris (31 March, 22:30 UTC): every boundary falls on a
// Paris day that UTC would place a day earlier.
const VERIFIED = '2025-03-31T22:30:00Z';

describe('the yearly reconfirmation, at its boundaries in Paris time', () => {
	it('asks the owner once, 11 months after (1 March 2026 in Paris), in their language', async () => {
		const shop = await listing(VERIFIED);
		// 28 February, 23:59 in Paris (UTC+1).
		expect(await remindDue(t.db, new Date('2026-02-28T22:59:00Z'))).toBe(0);
		expect(await mails('reconfirmation_reminder')).toEqual([]);
		// 1 March, 00:00 in Paris.
		const at = new Date('2026-02-28T23:00:00Z');
		expect(await remindDue(t.db, at)).toBe(1);
		expect((await rowOf(shop.id)).remindedAt).toEqual(at);
		expect(await remindDue(t.db, new Date('2026-03-02T08:00:00Z'))).toBe(0);
		const [mail] = await mails('reconfirmation_reminder');
		expect(mail.subject).toBe('无现金巴黎：「新鲜茶」仍受理支付宝吗？');
		expect(mail.text).toContain('2025年4月1日');
		expect(mail.text).toContain('2026年4月1日'); // stale from
		expect(mail.text).toContain('2026年10月1日'); // leaves the map on
		expect(mail.text).toContain(`/zh/merchant/shops/${shop.id}/shop`);
		expect(mail.token).toMatch(/^[a-z0-9]{32}$/);
		// Only its SHA-256 is stored.
		const stored = await t.db.select().from(reconfirmationTokens);
		expect(stored.map((s) => s.id)).not.toContain(mail.token);
		expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
	});

	it('is stale from 12 months (1 April 2026 in Paris): the card says so', async () => {
		const shop = await listing(VERIFIED);
		// 31 March, 23:59 in Paris (UTC+2).
		expect(await cardAt(shop.id, '2026-03-31T21:59:00Z')).toMatchObject({
			verifiedOn: '2025-04-01',
			stale: false
		});
		expect(await cardAt(shop.id, '2026-03-31T22:00:00Z')).toMatchObject({ stale: true });
	});

	it('leaves the map 18 months after (1 October 2026 in Paris), audited and e-mailed, once', async () => {
		const shop = await listing(VERIFIED);
		await remindDue(t.db, new Date('2026-02-28T23:00:00Z'));
		// 30 September, 23:59 in Paris (UTC+2).
		expect(await lapseDue(t.db, new Date('2026-09-30T21:59:00Z'))).toBe(0);
		const at = new Date('2026-09-30T22:00:00Z');
		expect(await lapseDue(t.db, at)).toBe(1);
		expect(await lapseDue(t.db, new Date('2026-10-02T08:00:00Z'))).toBe(0);
		expect(await rowOf(shop.id)).toMatchObject({
			status: 'suspended',
			lapsedAt: at,
			decidedAt: at,
			version: 2
		});
		expect(await cardAt(shop.id, '2026-10-01T08:00:00Z')).toBeNull();
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.merchantId, shop.id));
		expect(audit).toMatchObject({
			actorId: null,
			action: 'suspend',
			fromStatus: 'approved',
			toStatus: 'suspended',
			reasonCode: 'not_reconfirmed'
		});
		const [lapsed] = await mails('listing_lapsed');
		expect(lapsed.subject).toBe('无现金巴黎：「新鲜茶」已从地图撤下');
		expect(lapsed.token).not.toBeNull();
	});

	it('never takes a listing off the map less than 30 days after asking its owner', async () => {
		// Verified two years ago and never asked (e.g. when this rule was deployed).
		const shop = await listing('2024-05-10T10:00:00Z');
		const asked = new Date('2026-06-01T08:00:00Z');
		expect(await remindDue(t.db, asked)).toBe(1);
		expect(await lapseDue(t.db, asked)).toBe(0);
		expect(await lapseDue(t.db, new Date('2026-06-30T08:00:00Z'))).toBe(0);
		expect(await cardAt(shop.id, '2026-06-30T08:00:00Z')).toMatchObject({ stale: true });
		expect(await lapseDue(t.db, new Date('2026-07-01T08:00:00Z'))).toBe(1);
		expect((await rowOf(shop.id)).status).toBe('suspended');
	});

	it('the e-mailed link brings a lapsed listing back, verified today, once', async () => {
		const shop = await listing(VERIFIED);
		await remindDue(t.db, new Date('2026-02-28T23:00:00Z'));
		const [reminder] = await mails('reconfirmation_reminder');
		await lapseDue(t.db, new Date('2026-09-30T22:00:00Z'));
		const [lapsed] = await mails('listing_lapsed');
		const now = new Date('2026-10-05T09:00:00Z');
		// The reminder's link stopped working when the new one was sent.
		expect(await reconfirmationListing(t.db, reminder.token!, now)).toBeNull();
		expect(await reconfirmationListing(t.db, lapsed.token!, now)).toMatchObject({
			id: shop.id,
			lapsed: true,
			tradeNameZh: '新鲜茶'
		});
		ok(await reconfirmByLink(t.db, lapsed.token!, now));
		expect(await rowOf(shop.id)).toMatchObject({
			status: 'approved',
			verifiedAt: now,
			remindedAt: null,
			lapsedAt: null
		});
		expect(await cardAt(shop.id, '2026-10-05T10:00:00Z')).toMatchObject({
			verifiedOn: '2026-10-05',
			stale: false
		});
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.merchantId, shop.id))
			.orderBy(desc(auditEvents.id))
			.limit(1);
		expect(audit).toMatchObject({
			actorId: owner.id,
			action: 'reconfirm',
			fromStatus: 'suspended',
			toStatus: 'approved'
		});
		// Single use.
		expect(await reconfirmByLink(t.db, lapsed.token!, now)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await reconfirmByLink(t.db, 'not-a-token', now)).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});

	it('an official confirms a listing verified, or brings a lapsed one back; not a suspended one', async () => {
		const shop = await listing(VERIFIED);
		const now = new Date('2026-05-01T10:00:00Z');
		ok(await confirmVerified(t.db, official, { merchantId: shop.id, expectedVersion: 1 }, now));
		expect(await rowOf(shop.id)).toMatchObject({ status: 'approved', verifiedAt: now, version: 2 });
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.merchantId, shop.id), eq(auditEvents.action, 'verify')));
		expect(audit).toMatchObject({ actorId: official.id, fromStatus: 'approved' });
		expect(
			await confirmVerified(t.db, owner, { merchantId: shop.id, expectedVersion: 2 }, now)
		).toEqual({ ok: false, reason: 'forbidden' });
		const suspended = await listing(VERIFIED, { status: 'suspended' });
		expect(
			await confirmVerified(t.db, official, { merchantId: suspended.id, expectedVersion: 1 }, now)
		).toEqual({ ok: false, reason: 'invalid_transition', status: 'suspended' });
		const lapsed = await listing(VERIFIED, { status: 'suspended', lapsedAt: now });
		ok(await confirmVerified(t.db, official, { merchantId: lapsed.id, expectedVersion: 1 }, now));
		expect(await rowOf(lapsed.id)).toMatchObject({ status: 'approved', lapsedAt: null });
	});

	it('asks nobody by e-mail for a listing without an owner, but marks it asked', async () => {
		const shop = await listing(VERIFIED, { ownerId: null, source: 'import' });
		expect(await remindDue(t.db, new Date('2026-03-01T08:00:00Z'))).toBe(1);
		expect((await rowOf(shop.id)).remindedAt).not.toBeNull();
		expect(await mails('reconfirmation_reminder')).toEqual([]);
	});
});
