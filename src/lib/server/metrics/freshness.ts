/**
 * Freshness of the listings (issue 12, BTC Map's idea): the share of public listings verified
 * within 12 months today, overall, by département and by commune, with a grade per area; and,
 * over the range, how many public listings were stale at the end of each bucket and how many
 * left the map for want of reconfirmation. docs/metrics.md defines each figure.
 * Tourists' reports, the demand-side signal, are beside these figures (./reports.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
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

/** The rollup state row of the freshness snapshot (rollups.ts writes it nightly). */
export const FRESHNESS_ROLLUP = 'freshness';
/** Listings changed this long before the snapshot was taken are corrected too (clock skew). */
const SNAPSHOT_MARGIN = sql`interval '10 minutes'`;

/** Each public or lapsed listing's freshness inputs, as freshness_listings keeps them. */
const freshnessInputs = sql`SELECT m.id AS merchant_id, m.departement::text AS departement,
		m.commune_code, m.commune_name, m.status = 'approved' AS listed, m.lapsed_at IS NOT NULL AS lapsed,
		m.verified_at
	FROM merchants m
	WHERE m.status = 'approved' OR (m.status = 'suspended' AND m.lapsed_at IS NOT NULL)`;

/**
 * The freshness counts on `today` of listings' inputs `f` (freshnessInputs' columns), by
 * commune, times `sign` (-1: to take them off a snapshot).
 */
function countsByCommune(f: SQL, today: string, sign: 1 | -1, where: SQL = sql`true`): SQL {
	const stale = verifiedMonthsAgo(STALE_AFTER_MONTHS, today, sql`f.verified_at`);
	const due = verifiedMonthsAgo(REMIND_AFTER_MONTHS, today, sql`f.verified_at`);
	const n = sql.raw(String(sign));
	return sql`SELECT f.departement, f.commune_code, max(f.commune_name) AS commune_name,
			${n} * count(*) FILTER (WHERE f.listed) AS listed,
			${n} * count(*) FILTER (WHERE f.listed AND NOT ${stale}) AS fresh,
			${n} * count(*) FILTER (WHERE f.listed AND ${due} AND NOT ${stale}) AS soon_stale,
			${n} * count(*) FILTER (WHERE f.listed AND ${stale}) AS stale,
			${n} * count(*) FILTER (WHERE f.lapsed) AS lapsed
		FROM ${f} f WHERE ${where}
		GROUP BY f.departement, f.commune_code`;
}

/**
 * The nightly snapshot (in the rollup job's transaction): every listing's inputs and their
 * counts by commune on `today`; `metrics_rollup_state` 'freshness' says for which day and when.
 */
export async function snapshotFreshness(tx: Executor, today: string): Promise<void> {
	await tx.execute(sql`DELETE FROM freshness_listings`);
	await tx.execute(sql`INSERT INTO freshness_listings
		(merchant_id, departement, commune_code, commune_name, listed, lapsed, verified_at)
		${freshnessInputs}`);
	await tx.execute(sql`DELETE FROM freshness_area_counts`);
	await tx.execute(sql`INSERT INTO freshness_area_counts
		(departement, commune_code, commune_name, listed, fresh, soon_stale, stale, lapsed)
		${countsByCommune(sql`freshness_listings`, today, 1)}`);
}

/**
 * Today's freshness, overall, by département and by commune (communes with enough listings):
 * the nightly snapshot's counts when it was taken for `today`, less the snapshot's part of the
 * listings changed since (merchants.updated_at), plus their part now; without a snapshot of
 * `today`, every listing read live.
 */
export async function freshnessAreas(db: Executor, today: string) {
	const inputs = sql`(${freshnessInputs})`;
	const changed = sql`f.merchant_id IN (SELECT c.id FROM changed c)`;
	const rows = await queryRows(
		db,
		sql`WITH state AS (
				SELECT s.updated_at - ${SNAPSHOT_MARGIN} AS since FROM metrics_rollup_state s
				WHERE s.name = ${FRESHNESS_ROLLUP} AND s.through = ${today}::date
			), changed AS (
				SELECT m.id FROM merchants m WHERE m.updated_at >= (SELECT since FROM state)
			), parts AS (
				SELECT a.departement, a.commune_code, a.commune_name, a.listed, a.fresh, a.soon_stale, a.stale, a.lapsed
				FROM freshness_area_counts a WHERE EXISTS (SELECT 1 FROM state)
				UNION ALL ${countsByCommune(sql`freshness_listings`, today, -1, changed)}
				UNION ALL ${countsByCommune(inputs, today, 1, changed)}
				UNION ALL ${countsByCommune(inputs, today, 1, sql`NOT EXISTS (SELECT 1 FROM state)`)}
			), areas AS (
				SELECT grouping(departement, commune_code) AS level, departement, commune_code AS code,
					max(commune_name) AS name, sum(listed) AS listed, sum(fresh) AS fresh,
					sum(soon_stale) AS soon_stale, sum(stale) AS stale, sum(lapsed) AS lapsed
				FROM parts GROUP BY GROUPING SETS ((), (departement), (departement, commune_code))
				HAVING sum(listed) + sum(lapsed) > 0
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
