/**
 * The metrics rollup job: on the demo dataset (whose seed runs the job, as a nightly run would),
 * every figure of the dashboard read from the rollups equals the same figure computed live from
 * the merchants and search events (the rollups emptied), for ranges whose ends fall mid-month
 * (month rows and day rows mixed) and week by week; a second run the same day changes nothing;
 * today's searches and decisions are read live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { queryRows } from '../db/query';
import { demandEvents, metricsRollupState } from '../db/schema';
import { seedDemo } from '../../../../scripts/demo/seed';
import type { MetricsRange } from '../../metrics/range';
import { dashboard } from './index';
import { rollUpMetrics } from './rollups';

// Noon in Paris: the seed's history ends on this day, and the rollup covers the days before it.
const NOW = new Date('2026-06-15T10:00:00Z');
const TODAY = '2026-06-15';
const RANGES: MetricsRange[] = [
	{ from: '2025-07-01', to: TODAY, step: 'month', minNearby: 3 },
	{ from: '2025-11-17', to: '2026-03-09', step: 'month', minNearby: 2 },
	{ from: '2026-04-12', to: TODAY, step: 'week', minNearby: 5 }
];

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	await seedDemo(t.db, { merchants: 600, today: NOW });
});
afterAll(async () => {
	await t?.close();
});

const rollupRows = async () => {
	const [row] = await queryRows<{ approvals: number; demand: number; through: string }>(
		t.db,
		sql`SELECT (SELECT count(*)::int FROM approval_rollups) AS approvals,
			(SELECT count(*)::int FROM demand_rollups) AS demand,
			(SELECT min(through)::text FROM metrics_rollup_state) AS through`
	);
	return row;
};

/** Every figure with the rollups set aside: all of it computed from the live tables. */
async function liveDashboard(range: MetricsRange) {
	const saved = await t.db.select().from(metricsRollupState);
	await t.db.delete(metricsRollupState);
	try {
		return await dashboard(t.db, range, NOW);
	} finally {
		await t.db.insert(metricsRollupState).values(saved);
	}
}

describe('metrics rollups', () => {
	it('are filled by the seed, through today', async () => {
		const rows = await rollupRows();
		expect(rows.approvals).toBeGreaterThan(100);
		expect(rows.demand).toBeGreaterThan(100);
		expect(rows.through).toBe(TODAY);
	});

	for (const range of RANGES) {
		it(`give the live figures, ${range.from} → ${range.to} by ${range.step}`, async () => {
			const rolled = await dashboard(t.db, range, NOW);
			expect(rolled.headline.approved.current).toBeGreaterThan(0);
			expect(rolled.demandGaps.length).toBeGreaterThan(0);
			const live = await liveDashboard(range);
			expect(rolled).toEqual(live);
		});
	}

	it('change nothing when run again the same day', async () => {
		const before = await rollupRows();
		const figures = await dashboard(t.db, RANGES[0], NOW);
		await rollUpMetrics(t.db, NOW);
		expect(await rollupRows()).toEqual(before);
		expect(await dashboard(t.db, RANGES[0], NOW)).toEqual(figures);
	});

	it("read today's searches live", async () => {
		const range = RANGES[0];
		const [gap] = (await dashboard(t.db, range, NOW)).demandGaps;
		await t.db.insert(demandEvents).values(
			Array.from({ length: 4 }, () => ({
				day: TODAY,
				category: gap.category,
				areaCell: gap.cell,
				resultCount: 0
			}))
		);
		const [after] = (await dashboard(t.db, range, NOW)).demandGaps;
		expect(after).toMatchObject({
			cell: gap.cell,
			category: gap.category,
			searches: gap.searches + 4,
			poorSearches: gap.poorSearches + 4,
			emptySearches: gap.emptySearches + 4
		});
		// The next night's run moves them into the rollup: the figure stays.
		await rollUpMetrics(t.db, new Date('2026-06-16T10:00:00Z'));
		expect((await dashboard(t.db, range, NOW)).demandGaps[0]).toEqual(after);
	});
});
