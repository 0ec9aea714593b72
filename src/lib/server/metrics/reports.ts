/**
 * Tourists' reports in the metrics (issue 12, item 5): the demand-side signal of freshness.
 * Over the range, bucket by bucket: the reports tourists made (successes, "does not take
 * Alipay", "closed or moved"; tourist_report_counts holds counts per listing and Paris day), the
 * listings that entered the officials' reported queue, and how many were in it at the bucket's
 * end. Per area: the successes of the range and the listings in the queue today.
 * docs/metrics.md defines each figure.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import type { MetricsRange } from '../../metrics/range';
import { TIME_ZONE, num, periodBuckets } from './sql';

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
	const rows = await queryRows(
		db,
		sql`WITH buckets AS (${periodBuckets(range)}), ends AS (
				SELECT local_start::date AS bucket, local_end::date AS next_day,
					local_start AT TIME ZONE ${TIME_ZONE} AS start_at, local_end AT TIME ZONE ${TIME_ZONE} AS end_at
				FROM buckets
			), said AS (
				SELECT e.bucket, sum(c.paid) AS paid, sum(c.not_accepted + c.closed) AS problems
				FROM ends e JOIN tourist_report_counts c ON c.day >= e.bucket AND c.day < e.next_day
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
 * Read from the reports (their day index, the open queue), never from every listing.
 */
export async function reportsByArea(
	db: Executor,
	range: MetricsRange
): Promise<Map<string, AreaReports>> {
	const rows = await queryRows(
		db,
		sql`WITH paid AS (
				SELECT c.merchant_id, sum(c.paid) AS paid FROM tourist_report_counts c
				WHERE c.day BETWEEN ${range.from}::date AND ${range.to}::date
				GROUP BY c.merchant_id
			), open AS (
				SELECT DISTINCT r.merchant_id FROM listing_reports r WHERE r.resolved_at IS NULL
			), l AS (
				-- Only the listings with a report: the others add nothing to any area.
				SELECT m.departement::text AS departement, m.commune_code AS code,
					COALESCE(p.paid, 0) AS paid, o.merchant_id IS NOT NULL AS reported
				FROM (SELECT merchant_id FROM paid UNION SELECT merchant_id FROM open) x
				JOIN merchants m ON m.id = x.merchant_id AND m.status = 'approved'
				LEFT JOIN paid p ON p.merchant_id = x.merchant_id
				LEFT JOIN open o ON o.merchant_id = x.merchant_id
			)
			SELECT grouping(departement, code) AS level, departement, code,
				sum(paid) AS paid, count(*) FILTER (WHERE reported) AS reported
			FROM l GROUP BY GROUPING SETS ((), (departement), (departement, code))`
	);
	const out = new Map<string, AreaReports>();
	for (const r of rows) {
		const level = num(r.level);
		const code = level === 3 ? 'all' : level === 1 ? String(r.departement) : String(r.code);
		out.set(code, { paid: num(r.paid), reported: num(r.reported) });
	}
	return out;
}
