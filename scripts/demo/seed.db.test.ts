import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../../src/lib/server/db/testing';
import { queryRows } from '../../src/lib/server/db/query';
import { attractions, merchants, partnershipTargets, users } from '../../src/lib/server/db/schema';
import { DEMO_ACCOUNTS, isEmpty, seedDemo } from './seed';
import { freshnessAreas } from '../../src/lib/server/metrics/freshness';
import { reportedQueue } from '../../src/lib/server/admin/reports';
import { publicReportSummary } from '../../src/lib/server/reports/tourist';
import { buildMerchants } from './merchants';
import { idfCommunes } from '../../src/lib/server/geo/communes';
import { ATTRACTIONS } from '../../src/lib/server/reference/attractions';
import { publicOverview } from '../../src/lib/server/merchants/overview';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { isValidSiret } from '../../src/lib/merchants/siret';
import { DEPARTEMENTS, isInIdf } from '../../src/lib/geo/idf';

const TODAY = new Date('2026-06-15T00:00:00Z');
let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	expect(await isEmpty(t.db)).toBe(true);
	await seedDemo(t.db, { merchants: 400, today: TODAY });
});
afterAll(async () => {
	await t?.close();
});

describe('demo seed', () => {
	it('is deterministic for a given seed and day', () => {
		const a = buildMerchants(50, 7, TODAY);
		const b = buildMerchants(50, 7, TODAY);
		const c = buildMerchants(50, 8, TODAY);
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
	});

	it('loads merchants in all eight départements, with valid SIRETs and real communes', async () => {
		const rows = await t.db.select().from(merchants);
		expect(rows).toHaveLength(400);
		expect(new Set(rows.map((r) => r.departement))).toEqual(new Set(DEPARTEMENTS));
		const communes = idfCommunes();
		for (const r of rows) {
			expect(isValidSiret(r.siret!), r.siret!).toBe(true);
			const commune = communes.get(r.communeCode!);
			expect(commune, r.communeCode!).toBeDefined();
			expect(commune!.postalCodes).toContain(r.postalCode);
			expect(commune!.departement).toBe(r.departement);
			expect(isInIdf(r.latitude!, r.longitude!)).toBe(true);
			expect(r.isDemo).toBe(true);
		}
	});

	it('spreads acceptance over the last three years, growing', async () => {
		const [span] = await queryRows<{ first: number; last: number; recent: number; old: number }>(
			t.db,
			sql`SELECT extract(epoch FROM min(accepted_since))::float8 * 1000 AS first,
			       extract(epoch FROM max(accepted_since))::float8 * 1000 AS last,
			       count(*) FILTER (WHERE accepted_since >= ${TODAY.toISOString()}::timestamptz - interval '1 year')::int AS recent,
			       count(*) FILTER (WHERE accepted_since < ${TODAY.toISOString()}::timestamptz - interval '2 years')::int AS old
			    FROM merchants WHERE status = 'approved'`
		);
		expect(Number(span.first)).toBeGreaterThanOrEqual(TODAY.getTime() - 3 * 365 * 86_400_000);
		expect(Number(span.last)).toBeLessThanOrEqual(TODAY.getTime());
		expect(Number(span.recent)).toBeGreaterThan(Number(span.old));
	});

	it('has every listing status and a review history', async () => {
		const statuses = await t.db.selectDistinct({ s: merchants.status }).from(merchants);
		expect(statuses.map((s) => s.s).sort()).toEqual([
			'approved',
			'changes_requested',
			'draft',
			'pending',
			'rejected',
			'suspended'
		]);
		const [history] = await queryRows<{ missing: number }>(
			t.db,
			sql`SELECT count(*)::int AS missing FROM merchants m
			    WHERE m.status = 'approved' AND NOT EXISTS (
			      SELECT 1 FROM audit_events e WHERE e.merchant_id = m.id AND e.action = 'approve')`
		);
		expect(Number(history.missing)).toBe(0);
	});

	it('counts the same approved merchants as the public overview', async () => {
		const direct = await t.db.$count(merchants, eq(merchants.status, 'approved'));
		const overview = await publicOverview(t.db);
		expect(overview.approved).toBe(direct);
		expect(Object.values(overview.byDepartement).reduce((a, b) => a + b, 0)).toBe(direct);
	});

	it('loads targets and demo accounts with working passwords', async () => {
		expect(await t.db.$count(partnershipTargets)).toBe(DEPARTEMENTS.length + 1);
		for (const account of DEMO_ACCOUNTS) {
			const [u] = await t.db.select().from(users).where(eq(users.email, account.email));
			expect(u.role).toBe(account.role);
			expect(await verifyPassword(u.passwordHash!, account.password)).toBe(true);
		}
		const owned = await t.db
			.select()
			.from(merchants)
			.where(sql`${merchants.ownerId} IS NOT NULL`);
		expect(owned.some((m) => m.status === 'approved')).toBe(true);
		expect(owned.some((m) => m.status === 'pending')).toBe(true);
	});

	it("shows every trust state: fresh, soon stale, stale, lapsed, reported, with tourists' successes", async () => {
		const today = '2026-06-15';
		const areas = await freshnessAreas(t.db, today);
		expect(areas.overall.fresh).toBeGreaterThan(0);
		expect(areas.overall.soonStale).toBeGreaterThan(0);
		expect(areas.overall.stale).toBeGreaterThan(0);
		expect(areas.overall.lapsed).toBeGreaterThan(0);
		const lapsed = await t.db
			.select()
			.from(merchants)
			.where(sql`${merchants.lapsedAt} IS NOT NULL`);
		for (const m of lapsed) {
			expect(m.status).toBe('suspended');
			expect(m.remindedAt!.getTime()).toBeLessThanOrEqual(m.lapsedAt!.getTime() - 30 * 86_400_000);
		}
		const queue = await reportedQueue(t.db, new Date('2026-06-15T12:00:00Z'));
		expect(queue.length).toBe(3);
		const [pharmacy] = await t.db
			.select()
			.from(users)
			.where(eq(users.email, 'pharmacie@cashless-paris.test'));
		const owned = await t.db.select().from(merchants).where(eq(merchants.ownerId, pharmacy.id));
		const reported = queue.find((r) => owned.some((m) => m.id === r.merchantId));
		expect(reported?.counts.notAccepted).toBe(2);
		const [paid] = await queryRows<{ n: number }>(
			t.db,
			sql`SELECT count(DISTINCT merchant_id)::int AS n FROM tourist_report_counts WHERE paid > 0`
		);
		expect(Number(paid.n)).toBeGreaterThan(20);
		// The first public listings stay untouched for the end-to-end tests.
		const first = await t.db
			.select({ id: merchants.id })
			.from(merchants)
			.where(eq(merchants.status, 'approved'))
			.orderBy(merchants.id)
			.limit(10);
		const touched = await publicReportSummary(t.db, first[6].id, new Date('2026-06-15T12:00:00Z'));
		expect(touched).toEqual({ paidRecently: 0, lastPaidDay: null, underReview: false });
	});

	it('replaces everything when run again, and keeps the reference attractions', async () => {
		await seedDemo(t.db, { merchants: 120, today: TODAY });
		expect(await t.db.$count(merchants)).toBe(120);
		expect(await t.db.$count(users)).toBe(DEMO_ACCOUNTS.length);
		expect(await t.db.$count(attractions)).toBe(ATTRACTIONS.length);
	});
});
