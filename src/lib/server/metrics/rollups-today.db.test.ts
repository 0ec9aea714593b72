/**
 * The median time to decide and the tourists' reports after the nightly run, with changes made
 * since (read live: merchants.updated_at): on the demo dataset, a decision today, a past refusal
 * withdrawn by a new submission, a listing with reports suspended, reports today; each figure
 * read from the rollups equals the same figure computed live (the rollups set aside). The next
 * night's run counts only the merchants changed since the last one, the figures stay, and the
 * approvals' rollup is the one a run counting every merchant again makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { queryRows } from '../db/query';
import { metricsRollupState, touristReportCounts } from '../db/schema';
import { seedDemo } from '../../../../scripts/demo/seed';
import { addDays, previousPeriod, type MetricsRange } from '../../metrics/range';
import { parisIsoDate } from '../../i18n/format';
import { medianDecisionDays } from './decisions';
import { reportsByArea, reportsTimeline } from './reports';
import { rollUpMetrics } from './rollups';
import { APPROVAL_INPUTS } from './approvals-rollup';

// The seed's history ends now: today's changes below are dated by the database's clock, after
// the nightly run's read, as the state machine dates them.
const NOW = new Date();
const TODAY = parisIsoDate(NOW);
const RANGES: MetricsRange[] = [
	{ from: addDays(TODAY, -349), to: TODAY, step: 'month', minNearby: 3 },
	{ from: addDays(TODAY, -124), to: addDays(TODAY, -26), step: 'month', minNearby: 3 },
	{ from: addDays(TODAY, -64), to: TODAY, step: 'week', minNearby: 3 }
];

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	// The seed ends with the nightly run (rollUpMetrics at NOW).
	await seedDemo(t.db, { merchants: 600, today: NOW });
	// Its listings were written minutes before its run: date them an hour back, so that the run
	// below reads them from the rollup, not as changes made since (as freshness-rollup.db.test.ts).
	await t.db.execute(sql`UPDATE merchants SET updated_at = updated_at - interval '1 hour'`);
	await t.db.execute(sql`DELETE FROM metrics_rollup_state WHERE name = ${APPROVAL_INPUTS}`);
	await rollUpMetrics(t.db, NOW);
});
afterAll(async () => {
	await t?.close();
});

async function figures(range: MetricsRange) {
	const prev = previousPeriod(range);
	return {
		median: await medianDecisionDays(t.db, { prevFrom: prev.from, from: range.from, to: range.to }),
		byArea: Object.fromEntries(await reportsByArea(t.db, range)),
		overTime: await reportsTimeline(t.db, range)
	};
}

/** The same figures with the rollups set aside: computed from the live tables. */
async function liveFigures(range: MetricsRange) {
	const saved = await t.db.select().from(metricsRollupState);
	await t.db.delete(metricsRollupState);
	try {
		return await figures(range);
	} finally {
		await t.db.insert(metricsRollupState).values(saved);
	}
}

async function expectLive() {
	for (const range of RANGES) {
		const rolled = await figures(range);
		expect(rolled.median.current).not.toBeNull();
		expect(rolled.byArea.all.paid).toBeGreaterThan(0);
		expect(rolled).toEqual(await liveFigures(range));
	}
}

const one = async (query: ReturnType<typeof sql>) =>
	Number((await queryRows<{ id: number }>(t.db, query))[0].id);

describe('median time to decide and reports from the rollups', () => {
	it('equal the live figures after the nightly run', expectLive);

	it("equal them after today's changes, read live", async () => {
		// Approve a waiting application now (its updated_at is now: after the run).
		const pending = await one(
			sql`SELECT id FROM merchants WHERE status = 'pending' AND submitted_at < now() ORDER BY id LIMIT 1`
		);
		await t.db.execute(sql`UPDATE merchants SET status = 'approved', accepted_since = now(),
			decided_at = now(), verified_at = now(), updated_at = now() WHERE id = ${pending}`);
		// A refusal in the range withdrawn by a new submission: its decision leaves the figures.
		const refused = await one(
			sql`SELECT id FROM merchants WHERE status = 'rejected' AND decided_at > ${`${addDays(TODAY, -90)}T00:00:00Z`}::timestamptz ORDER BY id LIMIT 1`
		);
		await t.db.execute(sql`UPDATE merchants SET status = 'pending', submitted_at = now(),
			updated_at = now() WHERE id = ${refused}`);
		// A public listing with tourists' successes in the range suspended.
		const reported = await one(
			sql`SELECT m.id FROM merchants m JOIN tourist_report_counts c ON c.merchant_id = m.id
				WHERE m.status = 'approved' AND c.paid > 0 AND c.day > ${addDays(TODAY, -90)}::date ORDER BY c.paid DESC, m.id LIMIT 1`
		);
		const before = await figures(RANGES[0]);
		await t.db.execute(sql`UPDATE merchants SET status = 'suspended', decided_at = now(),
			updated_at = now() WHERE id = ${reported}`);
		// Successes today at another public listing.
		await t.db
			.insert(touristReportCounts)
			.values({ merchantId: pending, day: TODAY, paid: 3 })
			.onConflictDoUpdate({
				target: [touristReportCounts.merchantId, touristReportCounts.day],
				set: { paid: sql`${touristReportCounts.paid} + 3` }
			});
		const after = await figures(RANGES[0]);
		expect(after.byArea.all.paid).not.toBe(before.byArea.all.paid);
		expect(after.overTime).not.toEqual(before.overTime);
		await expectLive();
	});

	it("stay the same after the next night's run, which counts only the changed merchants", async () => {
		const before = await Promise.all(RANGES.map(figures));
		const report = await rollUpMetrics(t.db, NOW);
		// The three merchants changed above (and nothing else: the seed's dates are in the past).
		expect(report.decisionsRead).toBeLessThanOrEqual(3);
		expect(report.approvalsRead).toBe(3);
		expect(await Promise.all(RANGES.map(figures))).toEqual(before);
		await expectLive();
	});

	it('leave the approvals rollup as a run that counts every merchant again would', async () => {
		const rows = () =>
			queryRows(
				t.db,
				sql`SELECT grain, period::text AS period, dimension, key, added, removed FROM approval_rollups
					ORDER BY grain, period, dimension, key`
			);
		const incremental = await rows();
		expect(incremental.length).toBeGreaterThan(100);
		await t.db.execute(sql`DELETE FROM metrics_rollup_state WHERE name = ${APPROVAL_INPUTS}`);
		const report = await rollUpMetrics(t.db, NOW);
		expect(report.approvalsRead).toBeGreaterThan(500);
		const full = await rows();
		expect(full).toEqual(incremental);
	});
});
