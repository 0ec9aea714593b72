/**
 * The daily `metrics_rollup` job: fills the dashboard's rollup tables (schema-metrics.ts) with the
 * days before today (Paris), so the dashboard reads them plus today's changes live (changes.ts).
 * - Approvals: the part of the merchants changed since the last run taken out and counted again
 *   (approvals-rollup.ts; a listing's history follows its current dates, which a suspension or a
 *   reinstatement changes), day rows then the months they touch; with the lapses and the stale
 *   listings (changes.ts: staleChanges), whose day rows from today on are a forecast (if nobody
 *   verifies them again), corrected live by the dashboard.
 * - Freshness by area: a snapshot of today's counts by commune and of each listing's part in
 *   them (freshness.ts), corrected by the dashboard with the listings changed since.
 * - Tourists' reports by day and area (reports.ts), rebuilt; decisions and their durations for
 *   the median time to decide (decisions.ts), only those of the merchants changed since the
 *   last run.
 * - Demand: search events are only ever added, so the days since the last run are added, and the
 *   months they complete are summed from their days.
 * Each rollup and its `through` day change in one transaction: a reader sees the old or the new.
 * Then ANALYZE of the tables it wrote (PGlite has no autovacuum).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import { metricsRollupState } from '../db/schema';
import { parisIsoDate } from '../../i18n/format';
import type { JobHandler } from '../jobs/runner';
import { APPROVALS_ROLLUP, DEMAND_ROLLUP, rolledThrough } from './changes';
import { FEW_RESULTS } from './demand';
import { FRESHNESS_ROLLUP, snapshotFreshness } from './freshness';
import { APPROVAL_INPUTS, rollUpApprovals } from './approvals-rollup';
import { DECISIONS_ROLLUP, rollUpDecisions } from './decisions';
import { REPORTS_ROLLUP, rollUpReports } from './reports';

export const METRICS_ROLLUP_JOB = 'metrics_rollup';

async function setThrough(db: Executor, name: string, through: string) {
	await db
		.insert(metricsRollupState)
		.values({ name, through })
		.onConflictDoUpdate({
			target: metricsRollupState.name,
			set: { through, updatedAt: sql`now()` }
		});
}

export interface RollupReport {
	/** Merchants counted again in approval_rollups (changed since the last run; all the first time). */
	approvalsRead: number;
	demandRows: number;
	/** Merchants whose decision was read again (changed since the last run; all the first time). */
	decisionsRead: number;
}

export async function rollUpMetrics(db: Executor, now: Date): Promise<RollupReport> {
	const today = parisIsoDate(now);
	const report = await db.transaction(async (tx) => {
		// Approvals, pending, coverage, lapses and stale listings: the merchants changed since the
		// last run counted again (approvals-rollup.ts); the stale rows from today on are the
		// forecast that the dashboard corrects with the changes made since (changes.ts).
		const approvals = await rollUpApprovals(tx);
		await setThrough(tx, APPROVAL_INPUTS, today);
		await setThrough(tx, APPROVALS_ROLLUP, today);
		await snapshotFreshness(tx, today);
		await setThrough(tx, FRESHNESS_ROLLUP, today);
		// Tourists' reports by area: which listings are public is the snapshot's just above.
		await rollUpReports(tx, today);
		await setThrough(tx, REPORTS_ROLLUP, today);
		// Decisions: those of the merchants changed since the last run (its read time is this
		// state's updated_at, so it is set after).
		const decisions = await rollUpDecisions(tx);
		await setThrough(tx, DECISIONS_ROLLUP, today);

		// Search events: the days from the last run's `through` to yesterday.
		const since = rolledThrough(DEMAND_ROLLUP);
		const [demand] = await queryRows<{ n: number }>(
			tx,
			sql`WITH added AS (
				INSERT INTO demand_rollups (grain, period, area_cell, category, searches, poor, empty)
				SELECT 'day', e.day, e.area_cell, e.category::text, sum(e.searches),
					coalesce(sum(e.searches) FILTER (WHERE e.result_count < ${FEW_RESULTS}), 0),
					coalesce(sum(e.searches) FILTER (WHERE e.result_count = 0), 0)
				FROM demand_events e
				WHERE e.area_cell IS NOT NULL AND e.day >= ${since} AND e.day < ${today}::date
				GROUP BY e.day, e.area_cell, e.category
				RETURNING 1
			) SELECT count(*)::int AS n FROM added`
		);
		// The months those days complete (or change), summed again from their days.
		const months = sql`r.period >= date_trunc('month', ${since})::date AND r.period < date_trunc('month', ${today}::date)::date`;
		await tx.execute(sql`DELETE FROM demand_rollups r WHERE r.grain = 'month' AND ${months}`);
		await tx.execute(sql`
			INSERT INTO demand_rollups (grain, period, area_cell, category, searches, poor, empty)
			SELECT 'month', date_trunc('month', r.period)::date, r.area_cell, r.category,
				sum(r.searches), sum(r.poor), sum(r.empty)
			FROM demand_rollups r
			WHERE r.grain = 'day' AND ${months}
			GROUP BY 2, 3, 4`);
		await setThrough(tx, DEMAND_ROLLUP, today);
		return {
			approvalsRead: approvals,
			demandRows: Number(demand.n),
			decisionsRead: decisions
		};
	});
	await db.execute(
		sql`ANALYZE approval_rollups, approval_inputs, demand_rollups, freshness_listings, freshness_area_counts,
			decision_durations, decision_rollups, report_rollups, metrics_rollup_state`
	);
	return report;
}

export const metricsRollupJob: JobHandler = {
	async run(_payload, { db }) {
		const report = await rollUpMetrics(db, new Date());
		console.log(`[jobs] metrics rollup: ${JSON.stringify(report)}`);
	}
};
