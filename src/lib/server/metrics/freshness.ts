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
import { num, numOrNull } from './sql';
import { bucketSeries } from './timeline';

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
 * Stale counts over the range, from the changes of changes.ts: public listings ('all'), stale
 * ones ('stale': a listing's verification at a day's end is the latest of its approvals,
 * reinstatements, officials' checks, owner's reconfirmations and confirmed tourist reports in
 * the audit log, and of its current verified_at, on or before that day) and lapses ('lapsed'),
 * from the nightly rollup for the days before today and live for today.
 */
export async function freshnessTimeline(
	db: Executor,
	range: MetricsRange
): Promise<FreshnessTimeline> {
	const rows = await queryRows(
		db,
		bucketSeries(range, [
			['all', 'all'],
			['stale', 'all'],
			['lapsed', 'all']
		])
	);
	const of = (dimension: string) => rows.filter((r) => r.dimension === dimension);
	return {
		buckets: of('all').map((r) => String(r.bucket)),
		listed: of('all').map((r) => num(r.cumulative)),
		stale: of('stale').map((r) => num(r.cumulative)),
		lapsed: of('lapsed').map((r) => num(r.added))
	};
}
