/**
 * Freshness of the listings (issue 12, BTC Map's idea): the share of public listings verified
 * within 12 months today, overall, by département and by commune, with a grade per area; and,
 * over the range, how many public listings were stale at the end of each bucket and how many
 * left the map for want of reconfirmation. docs/metrics.md defines each figure.
 * Tourists' reports, the demand-side signal, are beside these figures (./reports.ts).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import type { MetricsRange } from '../../metrics/range';
import type { Departement } from '../../geo/idf';
import { REMIND_AFTER_MONTHS, STALE_AFTER_MONTHS } from '../../merchants/freshness';
import { verifiedMonthsAgo } from '../applications/verification';
import { TIME_ZONE, approvedAt, num, numOrNull, periodBuckets } from './sql';

/** Grades by share verified within 12 months: A ≥ 90 %, B ≥ 75 %, C ≥ 50 %, D ≥ 25 %, else E. */
export const FRESHNESS_GRADES = [
	['A', 0.9],
	['B', 0.75],
	['C', 0.5],
	['D', 0.25],
	['E', 0]
] as const;
export type FreshnessGrade = (typeof FRESHNESS_GRADES)[number][0];
/** Communes are listed with at least this many public listings (the CSV and the page alike). */
export const MIN_COMMUNE_LISTINGS = 5;

export interface FreshnessArea {
	/** 'all', a département code or a commune's INSEE code. */
	code: string;
	name: string | null;
	departement: Departement | null;
	listed: number;
	/** Verified within 12 months (not stale). */
	fresh: number;
	/** Verified 11 to 12 months ago: their owners have been asked. */
	soonStale: number;
	stale: number;
	/** Off the map for want of reconfirmation (suspended, lapsed_at set). */
	lapsed: number;
	/** fresh / listed; null without listings. */
	share: number | null;
	grade: FreshnessGrade | null;
}

const gradeSql = sql.raw(
	`CASE WHEN share IS NULL THEN NULL ${FRESHNESS_GRADES.map(([g, min]) => `WHEN share >= ${min} THEN '${g}'`).join(' ')} END`
);

/** Today's freshness, overall, by département and by commune (communes with enough listings). */
export async function freshnessAreas(db: Executor, today: string) {
	const stale = verifiedMonthsAgo(STALE_AFTER_MONTHS, today, sql`m.verified_at`);
	const due = verifiedMonthsAgo(REMIND_AFTER_MONTHS, today, sql`m.verified_at`);
	const rows = await queryRows(
		db,
		sql`WITH l AS (
				SELECT m.departement::text AS departement, m.commune_code AS code, m.commune_name AS name,
					m.status = 'approved' AS listed, m.lapsed_at IS NOT NULL AS lapsed,
					${stale} AS stale, ${due} AS due
				FROM merchants m
				WHERE m.status = 'approved' OR (m.status = 'suspended' AND m.lapsed_at IS NOT NULL)
			), areas AS (
				SELECT grouping(departement, code) AS level, departement, code, max(name) AS name,
					count(*) FILTER (WHERE listed) AS listed,
					count(*) FILTER (WHERE listed AND NOT stale) AS fresh,
					count(*) FILTER (WHERE listed AND due AND NOT stale) AS soon_stale,
					count(*) FILTER (WHERE listed AND stale) AS stale,
					count(*) FILTER (WHERE lapsed) AS lapsed
				FROM l GROUP BY GROUPING SETS ((), (departement), (departement, code))
			), shares AS (
				SELECT *, round(fresh::numeric / NULLIF(listed, 0), 4) AS share FROM areas
			)
			SELECT *, ${gradeSql} AS grade FROM shares
			ORDER BY level DESC, departement, listed DESC, code`
	);
	const area = (r: Record<string, unknown>, code: string): FreshnessArea => ({
		code,
		name: r.name === null || r.name === undefined ? null : String(r.name),
		departement: r.departement ? (String(r.departement) as Departement) : null,
		listed: num(r.listed),
		fresh: num(r.fresh),
		soonStale: num(r.soon_stale),
		stale: num(r.stale),
		lapsed: num(r.lapsed),
		share: numOrNull(r.share),
		grade: r.grade ? (String(r.grade) as FreshnessGrade) : null
	});
	const level = (r: Record<string, unknown>) => num(r.level);
	const overall = rows.find((r) => level(r) === 3);
	return {
		overall: overall ? area(overall, 'all') : area({ listed: 0 }, 'all'),
		departements: rows
			.filter((r) => level(r) === 1 && r.departement)
			.map((r) => ({ ...area(r, String(r.departement)), name: null })),
		communes: rows
			.filter((r) => level(r) === 0 && r.code && num(r.listed) >= MIN_COMMUNE_LISTINGS)
			.map((r) => area(r, String(r.code)))
			.sort((a, b) => b.listed - a.listed || a.code.localeCompare(b.code))
	};
}
export type FreshnessAreas = Awaited<ReturnType<typeof freshnessAreas>>;

export interface FreshnessTimeline {
	buckets: string[];
	/** Public listings at the end of each bucket. */
	listed: number[];
	/** Of those, not verified within the 12 months before the bucket's last day. */
	stale: number[];
	/** Listings that left the map for want of reconfirmation during the bucket. */
	lapsed: number[];
}

/**
 * Stale counts over the range, rebuilt from the audit log: a listing's verification at an
 * instant is the latest of its approvals, reinstatements, officials' checks and owner's
 * reconfirmations, and tourist reports an official confirmed (audit_events) before it, or its current verified_at if earlier.
 */
export async function freshnessTimeline(
	db: Executor,
	range: MetricsRange
): Promise<FreshnessTimeline> {
	const rows = await queryRows(
		db,
		sql`WITH buckets AS (${periodBuckets(range)}), ends AS (
				SELECT local_start::date AS bucket, local_start AT TIME ZONE ${TIME_ZONE} AS start_at,
					local_end AT TIME ZONE ${TIME_ZONE} AS end_at, (local_end::date - 1) AS last_day
				FROM buckets
			), verifications AS (
				SELECT a.merchant_id AS id, a.created_at AS at FROM audit_events a
				WHERE a.merchant_id IS NOT NULL AND a.action IN ('approve', 'reinstate', 'verify', 'reconfirm', 'report_confirmed')
				UNION ALL
				SELECT m.id, m.verified_at FROM merchants m WHERE m.verified_at IS NOT NULL
			), listed AS (
				SELECT e.bucket, e.last_day, m.id, max(v.at) AS verified_at
				FROM ends e
				JOIN merchants m ON ${approvedAt(sql`e.end_at`)}
				LEFT JOIN verifications v ON v.id = m.id AND v.at < e.end_at
				GROUP BY e.bucket, e.last_day, m.id
			), counts AS (
				SELECT l.bucket, count(*) AS listed,
					count(*) FILTER (WHERE l.verified_at IS NULL OR ${verifiedMonthsAgo(STALE_AFTER_MONTHS, sql`l.last_day`, sql`l.verified_at`)}) AS stale
				FROM listed l GROUP BY l.bucket
			), lapses AS (
				SELECT e.bucket, count(a.id) AS lapsed
				FROM ends e JOIN audit_events a ON a.action = 'suspend' AND a.reason_code = 'not_reconfirmed'
					AND a.created_at >= e.start_at AND a.created_at < e.end_at
				GROUP BY e.bucket
			)
			SELECT e.bucket::text AS bucket, COALESCE(c.listed, 0) AS listed,
				COALESCE(c.stale, 0) AS stale, COALESCE(x.lapsed, 0) AS lapsed
			FROM ends e LEFT JOIN counts c ON c.bucket = e.bucket LEFT JOIN lapses x ON x.bucket = e.bucket
			ORDER BY e.bucket`
	);
	return {
		buckets: rows.map((r) => String(r.bucket)),
		listed: rows.map((r) => num(r.listed)),
		stale: rows.map((r) => num(r.stale)),
		lapsed: rows.map((r) => num(r.lapsed))
	};
}
