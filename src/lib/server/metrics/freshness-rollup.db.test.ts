/**
 * The freshness figures read from the nightly rollup (stale listings over time: 'stale' and
 * 'lapsed' changes of approval_rollups; freshness by area: the snapshot of freshness_listings and
 * freshness_area_counts) equal the same figures computed live, right after the run and after
 * today's changes made through the listing state machine: a stale listing verified, one
 * suspended, one approved, and lapses. On the demo dataset, seeded for today (the changes and
 * the snapshot are compared by the database's clock, merchants.updated_at).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { queryRows } from '../db/query';
import { auditEvents, metricsRollupState, users } from '../db/schema';
import { seedDemo } from '../../../../scripts/demo/seed';
import { parisIsoDate } from '../../i18n/format';
import { addDays, type MetricsRange } from '../../metrics/range';
import { approve, confirmVerified, lapseDue, suspend } from '../applications/workflow';
import { freshnessAreas, freshnessTimeline } from './freshness';
import { rollUpMetrics } from './rollups';
import { APPROVAL_INPUTS } from './approvals-rollup';
import { VERIFICATIONS } from './changes';

const now = new Date();
const today = parisIsoDate(now);
const RANGES: MetricsRange[] = [
	{ from: addDays(today, -364), to: today, step: 'month', minNearby: 3 },
	{ from: addDays(today, -60), to: today, step: 'week', minNearby: 3 }
];

let t: TestDatabase;
let officialId: string;
let turningId: number;
let staleId: number;

beforeAll(async () => {
	t = await openTestDatabase();
	await seedDemo(t.db, { merchants: 600, today: now });
	const [official] = await t.db
		.insert(users)
		.values({ email: 'officiel@freshness.test', role: 'official' })
		.returning({ id: users.id });
	officialId = official.id;
	// One last verified 12 months ago to the day (an official's check): it turns stale today,
	// unless verified again today; one verified 14 months ago. A verification always writes its
	// audit row (the history of freshness over time), as the state machine does.
	const verifications = sql.join(
		VERIFICATIONS.map((v) => sql`${v}`),
		sql`, `
	);
	const verifiedOn = async (at: SQL, recent: string) => {
		const [row] = await queryRows<{ id: number; verified_at: Date | string }>(
			t.db,
			sql`UPDATE merchants SET verified_at = ${at}
				WHERE id = (SELECT min(m.id) FROM merchants m WHERE m.status = 'approved' AND NOT EXISTS (
					SELECT 1 FROM audit_events a WHERE a.merchant_id = m.id AND a.created_at > now() - ${recent}::interval
						AND a.action IN (${verifications}))
					AND m.id <> ${turningId ?? 0})
				RETURNING id, verified_at`
		);
		await t.db.insert(auditEvents).values({
			action: 'verify',
			merchantId: Number(row.id),
			createdAt: new Date(row.verified_at)
		});
		return Number(row.id);
	};
	turningId = await verifiedOn(
		sql`((${today}::date - interval '12 months')::date + time '12:00') AT TIME ZONE 'Europe/Paris'`,
		'13 months'
	);
	staleId = await verifiedOn(sql`now() - interval '14 months'`, '13 months');
	// Three stale listings verified 20 months ago and asked 40 days ago: lapsed by the test.
	await t.db.execute(sql`UPDATE merchants SET verified_at = now() - interval '20 months',
			reminded_at = now() - interval '40 days'
		WHERE id IN (SELECT id FROM merchants WHERE status = 'approved'
			AND verified_at < now() - interval '13 months' AND id NOT IN (${turningId}, ${staleId})
			ORDER BY id DESC LIMIT 3)`);
	// The seed's listings were written minutes before its own rollup run: date them an hour
	// back, so that the run below reads them from its snapshot, not as today's changes.
	await t.db.execute(sql`UPDATE merchants SET updated_at = updated_at - interval '1 hour'`);
	// The edits above rewrite history in the past, which no run sees as a change since the last
	// one (the state machine dates its changes now): count every merchant again, as a first run.
	await t.db.execute(sql`DELETE FROM metrics_rollup_state WHERE name = ${APPROVAL_INPUTS}`);
	await rollUpMetrics(t.db, now);
});
afterAll(async () => {
	await t?.close();
});

/** The figures with the rollups set aside: computed from the live tables. */
async function live<T>(figure: () => Promise<T>): Promise<T> {
	const saved = await t.db.select().from(metricsRollupState);
	await t.db.delete(metricsRollupState);
	try {
		return await figure();
	} finally {
		await t.db.insert(metricsRollupState).values(saved);
	}
}

async function expectLiveFigures() {
	const areas = await freshnessAreas(t.db, today);
	expect(areas.overall.listed).toBeGreaterThan(0);
	expect(await live(() => freshnessAreas(t.db, today))).toEqual(areas);
	for (const range of RANGES) {
		const series = await freshnessTimeline(t.db, range);
		expect(await live(() => freshnessTimeline(t.db, range))).toEqual(series);
	}
	return areas;
}

/** A listing of the demo data in this state (verified `stale` or not), and its version. */
async function listing(where: ReturnType<typeof sql>) {
	const [row] = await queryRows<{ id: number; version: number }>(
		t.db,
		sql`SELECT m.id, m.version FROM merchants m WHERE ${where} ORDER BY m.id LIMIT 1`
	);
	return { merchantId: Number(row.id), expectedVersion: Number(row.version) };
}

describe('freshness rollup', () => {
	it('is read from the snapshot and the rollup, with the live figures', async () => {
		const [changed] = await queryRows<{ n: number }>(
			t.db,
			sql`SELECT count(*)::int AS n FROM merchants m
				WHERE m.updated_at >= (SELECT updated_at - interval '10 minutes' FROM metrics_rollup_state WHERE name = 'freshness')`
		);
		expect(Number(changed.n)).toBe(0);
		const [snapshot] = await queryRows<{ n: number }>(
			t.db,
			sql`SELECT count(*)::int AS n FROM freshness_listings`
		);
		expect(Number(snapshot.n)).toBeGreaterThan(100);
		await expectLiveFigures();
	});

	it("corrects them with today's changes", async () => {
		const before = await freshnessAreas(t.db, today);
		const official = { id: officialId, role: 'official' as const };
		expect((await confirmVerified(t.db, official, await listing(sql`m.id = ${staleId}`))).ok).toBe(
			true
		);
		const turning = sql`m.id = ${turningId}`;
		expect((await confirmVerified(t.db, official, await listing(turning))).ok).toBe(true);
		const fresh = sql`m.status = 'approved' AND m.verified_at > ${`${addDays(today, -100)}T00:00:00Z`}::timestamptz`;
		const suspended = await suspend(t.db, official, {
			...(await listing(fresh)),
			reasonCode: 'other',
			reasonText: 'Fermé'
		});
		expect(suspended.ok).toBe(true);
		expect((await approve(t.db, official, await listing(sql`m.status = 'pending'`))).ok).toBe(true);
		const lapsed = await lapseDue(t.db, new Date());
		expect(lapsed).toBe(3);

		const after = await expectLiveFigures();
		expect(after.overall.lapsed).toBe(before.overall.lapsed + lapsed);
		expect(after.overall.stale).toBeLessThan(before.overall.stale);
		const series = await freshnessTimeline(t.db, RANGES[0]);
		expect(series.lapsed.at(-1)).toBeGreaterThanOrEqual(lapsed);
	});
});
