/**
 * The median time to decide and the tourists' reports after the nightly run, with changes made
 * since (read live: merchants.updated_at): on the demo dataset, a decision today, a past refusal
 * withdrawn by a new submission, a listing with reports suspended, reports today; each figure
 * read from the rollups equals the same figure computed live (the rollups set aside). The next
 * night's run reads only the merchants changed since the last one, and the figures stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { queryRows } from '../db/query';
import { metricsRollupState, touristReportCounts } from '../db/schema';
import { seedDemo } from '../../../../scripts/demo/seed';
import { previousPeriod, type MetricsRange } from '../../metrics/range';
import { medianDecisionDays } from './decisions';
import { reportsByArea, reportsTimeline } from './reports';
import { rollUpMetrics } from './rollups';

const NOW = new Date('2026-06-15T10:00:00Z');
const TODAY = '2026-06-15';
const RANGES: MetricsRange[] = [
	{ from: '2025-07-01', to: TODAY, step: 'month', minNearby: 3 },
	{ from: '2026-02-11', to: '2026-05-20', step: 'month', minNearby: 3 },
	{ from: '2026-04-12', to: TODAY, step: 'week', minNearby: 3 }
];

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	// The seed ends with the nightly run (rollUpMetrics at NOW).
	await seedDemo(t.db, { merchants: 600, today: NOW });
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
			sql`SELECT id FROM merchants WHERE status = 'pending' AND submitted_at < ${NOW} ORDER BY id LIMIT 1`
		);
		await t.db.execute(sql`UPDATE merchants SET status = 'approved', accepted_since = ${NOW},
			decided_at = ${NOW}, verified_at = ${NOW}, updated_at = now() WHERE id = ${pending}`);
		// A refusal in the range withdrawn by a new submission: its decision leaves the figures.
		const refused = await one(
			sql`SELECT id FROM merchants WHERE status = 'rejected' AND decided_at > '2026-03-01' ORDER BY id LIMIT 1`
		);
		await t.db.execute(sql`UPDATE merchants SET status = 'pending', submitted_at = ${NOW},
			updated_at = now() WHERE id = ${refused}`);
		// A public listing with tourists' successes in the range suspended.
		const reported = await one(
			sql`SELECT m.id FROM merchants m JOIN tourist_report_counts c ON c.merchant_id = m.id
				WHERE m.status = 'approved' AND c.paid > 0 AND c.day > '2026-03-01' ORDER BY c.paid DESC, m.id LIMIT 1`
		);
		const before = await figures(RANGES[0]);
		await t.db.execute(sql`UPDATE merchants SET status = 'suspended', decided_at = ${NOW},
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

	it("stay the same after the next night's run, which reads only the changed merchants", async () => {
		const before = await Promise.all(RANGES.map(figures));
		const report = await rollUpMetrics(t.db, NOW);
		// The three merchants changed above (and nothing else: the seed's dates are in the past).
		expect(report.decisionsRead).toBeLessThanOrEqual(3);
		expect(await Promise.all(RANGES.map(figures))).toEqual(before);
		await expectLive();
	});
});
