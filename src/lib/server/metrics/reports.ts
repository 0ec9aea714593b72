/**
 * Tourists' reports in the metrics (issue 12, item 5): the demand-side signal of freshness.
 * Over the range, bucket by bucket: the reports tourists made (successes, "does not take
 * Alipay", "closed or moved"; tourist_report_counts holds counts per listing and Paris day), the
 * listings that entered the officials' reported queue, and how many were in it at the bucket's
 * end. Per area: the successes of the range and the listings in the queue today.
 * docs/metrics.md defines each figure.
 *
 * The reports of the days before the nightly run's day come from report_rollups (rollUpReports:
 * per day and month and by area, every listing's and the public listings' counts, the public
 * ones being those of the run's freshness snapshot, freshness_listings); today's from
 * tourist_report_counts through its day index. Per area, the listings changed since the run
 * (merchants.updated_at) are taken out of the rollup and read live, as in freshness.ts.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import type { MetricsRange } from '../../metrics/range';
import { TIME_ZONE, num, periodBuckets } from './sql';
import { rolledThrough, rolledUpRows } from './changes';

export const REPORTS_ROLLUP = 'reports';
/** Listings changed this long before the run read them are read live too (clock skew). */
const MARGIN = sql`interval '10 minutes'`;

/**
 * The nightly step (in the rollup job's transaction, after the freshness snapshot): every report
 * of the days before `today`, by day and month and by area; rebuilt whole, as which listings are
 * public changes.
 */
export async function rollUpReports(tx: Executor, today: string): Promise<void> {
	await tx.execute(sql`DELETE FROM report_rollups`);
	await tx.execute(sql`INSERT INTO report_rollups
			(grain, period, departement, commune_code, paid, problems, listed_paid, listed_rows)
		SELECT 'day', c.day, COALESCE(f.departement, m.departement::text),
			COALESCE(f.commune_code, m.commune_code), sum(c.paid), sum(c.not_accepted + c.closed),
			COALESCE(sum(c.paid) FILTER (WHERE f.listed), 0), count(*) FILTER (WHERE f.listed)
		FROM tourist_report_counts c
		JOIN merchants m ON m.id = c.merchant_id
		LEFT JOIN freshness_listings f ON f.merchant_id = c.merchant_id
		WHERE c.day < ${today}::date
		GROUP BY 2, 3, 4`);
	await tx.execute(sql`INSERT INTO report_rollups
			(grain, period, departement, commune_code, paid, problems, listed_paid, listed_rows)
		SELECT 'month', date_trunc('month', r.period)::date, r.departement, r.commune_code,
			sum(r.paid), sum(r.problems), sum(r.listed_paid), sum(r.listed_rows)
		FROM report_rollups r
		WHERE r.grain = 'day' AND r.period < date_trunc('month', ${today}::date)
		GROUP BY 2, 3, 4`);
}

/** Rows of report_rollups on the days [from, to) before the run's day (its `through`). */
const rolledReports = (columns: SQL, from: SQL, to: SQL, months = true) =>
	rolledUpRows('report_rollups', columns, sql`true`, {
		from,
		to,
		through: rolledThrough(REPORTS_ROLLUP),
		months
	});

export interface ReportsTimeline {
	buckets: string[];
	/** Tourists who said they paid with Alipay, on the bucket's days. */
	paid: number[];
	/** "Alipay is not accepted here" and "closed or moved", on the bucket's days. */
	problems: number[];
	/** Listings that entered the reported queue during the bucket. */
	opened: number[];
	/** Listings in the reported queue at the bucket's end. */
	reported: number[];
}

export async function reportsTimeline(db: Executor, range: MetricsRange): Promise<ReportsTimeline> {
	const from = sql`${range.from}::date`;
	const to = sql`(${range.to}::date + 1)`;
	const through = rolledThrough(REPORTS_ROLLUP);
	const rows = await queryRows(
		db,
		sql`WITH buckets AS (${periodBuckets(range)}), ends AS (
				SELECT local_start::date AS bucket, local_end::date AS next_day,
					local_start AT TIME ZONE ${TIME_ZONE} AS start_at, local_end AT TIME ZONE ${TIME_ZONE} AS end_at
				FROM buckets
			), days AS (
				SELECT x.day, sum(x.paid) AS paid, sum(x.problems) AS problems FROM (
					${rolledReports(sql`r.period AS day, r.paid, r.problems`, from, to, range.step === 'month')}
					UNION ALL
					SELECT c.day, c.paid, c.not_accepted + c.closed FROM tourist_report_counts c
					WHERE c.day >= greatest(${from}, ${through}) AND c.day < ${to}
				) x GROUP BY x.day
			), said AS (
				SELECT e.bucket, sum(c.paid) AS paid, sum(c.problems) AS problems
				FROM ends e JOIN days c ON c.day >= e.bucket AND c.day < e.next_day
				GROUP BY e.bucket
			), queue AS (
				SELECT e.bucket,
					count(r.id) FILTER (WHERE r.opened_at >= e.start_at) AS opened,
					count(r.id) FILTER (WHERE r.resolved_at IS NULL OR r.resolved_at >= e.end_at) AS reported
				FROM ends e JOIN listing_reports r ON r.opened_at < e.end_at
				GROUP BY e.bucket
			)
			SELECT e.bucket::text AS bucket, COALESCE(s.paid, 0) AS paid, COALESCE(s.problems, 0) AS problems,
				COALESCE(q.opened, 0) AS opened, COALESCE(q.reported, 0) AS reported
			FROM ends e LEFT JOIN said s ON s.bucket = e.bucket LEFT JOIN queue q ON q.bucket = e.bucket
			ORDER BY e.bucket`
	);
	return {
		buckets: rows.map((r) => String(r.bucket)),
		paid: rows.map((r) => num(r.paid)),
		problems: rows.map((r) => num(r.problems)),
		opened: rows.map((r) => num(r.opened)),
		reported: rows.map((r) => num(r.reported))
	};
}

export interface AreaReports {
	/** Tourists' successes on the range's days, at the area's listings. */
	paid: number;
	/** The area's public listings in the reported queue today. */
	reported: number;
}

/**
 * Per area ('all', a département code, a commune's INSEE code): the range's successes and the
 * public listings reported today, the areas of freshnessAreas; an area without any is absent.
 * Read from the rollup, today's reports and the open queue, never from every listing.
 */
export async function reportsByArea(
	db: Executor,
	range: MetricsRange
): Promise<Map<string, AreaReports>> {
	const from = sql`${range.from}::date`;
	const to = sql`(${range.to}::date + 1)`;
	const through = rolledThrough(REPORTS_ROLLUP);
	const changed = sql`c.merchant_id IN (SELECT x.id FROM changed x)`;
	const rows = await queryRows(
		db,
		sql`WITH changed AS MATERIALIZED (
				SELECT m.id FROM merchants m WHERE m.updated_at >= (
					SELECT s.updated_at - ${MARGIN} FROM metrics_rollup_state s WHERE s.name = ${REPORTS_ROLLUP})
			), parts AS (
				-- The public listings' reports of the rolled-up days, as the run found them.
				SELECT r.departement, r.code, r.paid, r.rows, 0 AS reported FROM (${rolledReports(
					sql`r.departement, r.commune_code AS code, r.listed_paid AS paid, r.listed_rows AS rows`,
					from,
					to
				)}) r
				UNION ALL
				-- Less those of the listings changed since the run, counted live below.
				SELECT f.departement, f.commune_code, -c.paid, -1, 0
				FROM tourist_report_counts c JOIN freshness_listings f ON f.merchant_id = c.merchant_id AND f.listed
				WHERE ${changed} AND c.day >= ${from} AND c.day < least(${to}, ${through})
				UNION ALL
				SELECT m.departement::text, m.commune_code, c.paid, 1, 0
				FROM tourist_report_counts c JOIN merchants m ON m.id = c.merchant_id AND m.status = 'approved'
				WHERE ${changed} AND c.day >= ${from} AND c.day < least(${to}, ${through})
				UNION ALL
				-- The days since the run.
				SELECT m.departement::text, m.commune_code, c.paid, 1, 0
				FROM tourist_report_counts c JOIN merchants m ON m.id = c.merchant_id AND m.status = 'approved'
				WHERE c.day >= greatest(${from}, ${through}) AND c.day < ${to}
				UNION ALL
				-- Public listings in the reported queue now.
				SELECT m.departement::text, m.commune_code, 0, 0, 1
				FROM listing_reports r JOIN merchants m ON m.id = r.merchant_id AND m.status = 'approved'
				WHERE r.resolved_at IS NULL
			)
			SELECT grouping(departement, code) AS level, departement, code,
				sum(paid) AS paid, sum(reported) AS reported
			FROM parts GROUP BY GROUPING SETS ((), (departement), (departement, code))
			HAVING sum(rows) > 0 OR sum(reported) > 0`
	);
	const out = new Map<string, AreaReports>();
	for (const r of rows) {
		const level = num(r.level);
		const code = level === 3 ? 'all' : level === 1 ? String(r.departement) : String(r.code);
		out.set(code, { paid: num(r.paid), reported: num(r.reported) });
	}
	return out;
}
