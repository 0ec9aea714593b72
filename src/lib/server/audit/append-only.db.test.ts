import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, merchants, users } from '../db/schema';
import { recordAudit } from './record';

let t: TestDatabase;
let actorId: string;
let merchantId: number;

beforeAll(async () => {
	t = await openTestDatabase();
	const [u] = await t.db
		.insert(users)
		.values({ email: 'officiel@example.fr', role: 'official', displayName: 'Agent' })
		.returning({ id: users.id });
	actorId = u.id;
	const [mer] = await t.db
		.insert(merchants)
		.values({ legalName: 'SARL A', tradeNameFr: 'A', category: 'souvenirs' })
		.returning({ id: merchants.id });
	merchantId = mer.id;
});
afterAll(() => t?.close());

async function oneRecord(before: object | null = { email: 'x@example.fr', tradeNameFr: 'A' }) {
	await recordAudit(t.db, {
		actorId,
		action: 'approve',
		merchantId,
		subjectUserId: actorId,
		fromStatus: 'pending',
		toStatus: 'approved',
		reasonCode: 'other',
		before: before as Record<string, unknown> | null,
		after: { email: 'y@example.fr', tradeNameFr: 'B' }
	});
	const [row] = await t.db
		.select({ id: auditEvents.id })
		.from(auditEvents)
		.orderBy(sql`${auditEvents.id} DESC`)
		.limit(1);
	return row.id;
}

/** The database error code behind drizzle's wrapper. */
async function refusal(run: () => Promise<unknown>): Promise<string | undefined> {
	try {
		await run();
	} catch (error) {
		let e: unknown = error;
		while (e && typeof e === 'object') {
			const code = (e as { code?: unknown }).code;
			if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
			e = (e as { cause?: unknown }).cause;
		}
		return 'unknown';
	}
	return undefined;
}

describe('audit_events is append-only in the database', () => {
	it('refuses a DELETE', async () => {
		const id = await oneRecord();
		expect(await refusal(() => t.db.delete(auditEvents).where(eq(auditEvents.id, id)))).toBe(
			'42501'
		);
		const still = await t.db.select().from(auditEvents).where(eq(auditEvents.id, id));
		expect(still).toHaveLength(1);
	});

	it.each([
		['action', { action: 'something_else' }],
		['reason', { reasonText: 'rewritten' }],
		['date', { createdAt: new Date('2020-01-01T00:00:00Z') }],
		['status', { toStatus: 'rejected' as const }],
		['before', { before: { tradeNameFr: 'forged' } }]
	])('refuses an UPDATE of %s', async (_, change) => {
		const id = await oneRecord();
		expect(
			await refusal(() => t.db.update(auditEvents).set(change).where(eq(auditEvents.id, id)))
		).toBe('42501');
	});

	it('refuses giving a row to another actor', async () => {
		const id = await oneRecord();
		const [other] = await t.db
			.insert(users)
			.values({ email: 'autre@example.fr', role: 'admin' })
			.returning({ id: users.id });
		expect(
			await refusal(() =>
				t.db.update(auditEvents).set({ actorId: other.id }).where(eq(auditEvents.id, id))
			)
		).toBe('42501');
	});

	it('allows what GDPR erasure does: ids to null and personal keys stripped', async () => {
		const id = await oneRecord();
		await t.db
			.update(auditEvents)
			.set({
				actorId: null,
				subjectUserId: null,
				before: sql`${auditEvents.before} - ARRAY['email']::text[]`,
				after: sql`${auditEvents.after} - ARRAY['email', 'displayName']::text[]`
			})
			.where(eq(auditEvents.id, id));
		const [row] = await t.db.select().from(auditEvents).where(eq(auditEvents.id, id));
		expect(row.actorId).toBeNull();
		expect(row.before).toEqual({ tradeNameFr: 'A' });
		expect(row.after).toEqual({ tradeNameFr: 'B' });
		expect(row.reasonCode).toBe('other');
	});

	it('lets a deleted merchant leave its history (merchant_id set to null)', async () => {
		const [mer] = await t.db
			.insert(merchants)
			.values({ legalName: 'SARL B', tradeNameFr: 'B', category: 'hotel' })
			.returning({ id: merchants.id });
		await recordAudit(t.db, { actorId, action: 'create', merchantId: mer.id });
		await t.db.delete(merchants).where(eq(merchants.id, mer.id));
		const rows = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'create'));
		expect(rows).toHaveLength(1);
		expect(rows[0].merchantId).toBeNull();
	});
});
