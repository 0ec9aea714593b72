/**
 * The changes every count of merchants is built from, by Paris day: a listing adds 1 on the day
 * it became accepting and removes 1 on the day it was suspended (so "approved at the start of day
 * D" is the sum of the changes of the days before D: `approvedAt` in sql.ts, day by day), and an
 * application adds 1 to "pending" when submitted and removes 1 when decided (`pendingAt`).
 *
 * The days before the rollups' `through` day come from the rollup tables (rollups.ts fills them
 * nightly); the days since, from the live tables through their date indexes: so a dashboard reads
 * a few thousand rollup rows and today's few changes, never every merchant or every search.
 * Without a rollup (`through` unset) everything is live, which is how both are tested equal.
 */
import { sql, type SQL } from 'drizzle-orm';
import { EARTH_RADIUS_METERS } from '../../geo/distance';
import { STALE_AFTER_MONTHS } from '../../merchants/freshness';
import { TIME_ZONE } from './sql';

export const APPROVALS_ROLLUP = 'approvals';
export const DEMAND_ROLLUP = 'demand';
export const NEAR_METERS = 300;
export const WIDE_METERS = 1000;
/** Degrees of latitude per metre (on the mean sphere), for the prefilter boxes. */
const DEG_PER_METER = 180 / (Math.PI * EARTH_RADIUS_METERS);
/** Half the side of the box around an attraction that holds its 1 km circle. */
export const COVERAGE_BOX_DEGREES = WIDE_METERS * DEG_PER_METER * 1.01;

export type ChangeDimension =
	| 'all'
	| 'departement'
	| 'category'
	| 'commune'
	| 'pending'
	| 'near300'
	| 'near1000'
	| 'stale'
	| 'lapsed';

/** Audit actions that verify a listing (docs/metrics.md, "Freshness"). */
export const VERIFICATIONS = ['approve', 'reinstate', 'verify', 'reconfirm', 'report_confirmed'];

/** The first day a rollup does not cover ('-infinity' before its first run: all live). */
export const rolledThrough = (name: string): SQL =>
	sql`COALESCE((SELECT s.through FROM metrics_rollup_state s WHERE s.name = ${name}), '-infinity'::date)`;

/** A YYYY-MM-DD day as a date; null: the beginning of time. */
export const day = (value: string | null): SQL =>
	value === null ? sql`'-infinity'::date` : sql`${value}::date`;

const localDay = (instant: SQL): SQL => sql`(${instant} AT TIME ZONE ${TIME_ZONE})::date`;

/** Haversine distance in metres between two (lat, lon) SQL expressions, in degrees. */
export function distanceMeters(lat1: SQL, lon1: SQL, lat2: SQL, lon2: SQL): SQL {
	return sql`(2 * ${EARTH_RADIUS_METERS}::float8 * asin(least(1, sqrt(
		power(sin(radians(${lat2} - ${lat1}) / 2), 2)
		+ cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2)
	))))`;
}

/**
 * The merchants' changes on the Paris days from `since` on (a date expression), computed from the
 * merchants table, one row per change and dimension key: (dimension, key, day, added, removed);
 * with `until` (an instant), only the listings' changes before it ('all' to 'commune'). `source`:
 * a relation with the merchants' columns they read (approval_inputs: approvals-rollup.ts).
 * 'stale' is not here: see staleChanges.
 */
export function liveApprovalChanges(
	dimensions: readonly ChangeDimension[],
	since: SQL,
	until: SQL = sql`'infinity'::timestamptz`,
	source: SQL = sql`merchants`
): SQL {
	const start = sql`((${since})::timestamp AT TIME ZONE ${TIME_ZONE})`;
	const want = (d: ChangeDimension) => dimensions.includes(d);
	const parts: SQL[] = [];
	const listings = sql`
		SELECT m.departement, m.category, m.commune_code, m.latitude, m.longitude,
			${localDay(sql`m.accepted_since`)} AS day, 1 AS added, 0 AS removed
		FROM ${source} m
		WHERE m.status IN ('approved', 'suspended') AND m.accepted_since >= ${start} AND m.accepted_since < ${until}
		UNION ALL
		SELECT m.departement, m.category, m.commune_code, m.latitude, m.longitude,
			${localDay(sql`m.decided_at`)}, 0, 1
		FROM ${source} m
		WHERE m.status = 'suspended' AND m.accepted_since IS NOT NULL AND m.decided_at >= ${start}
			AND m.decided_at < ${until}`;
	const keyed = (['all', 'departement', 'category', 'commune'] as const).filter(want);
	if (keyed.length) {
		parts.push(sql`
			SELECT k.dimension, k.key, c.day, c.added, c.removed
			FROM (${listings}) c
			CROSS JOIN LATERAL (VALUES
				('all', 'all'),
				('departement', c.departement::text),
				('category', c.category::text),
				('commune', CASE WHEN c.departement IS NOT NULL THEN c.commune_code END)
			) k(dimension, key)
			WHERE k.key IS NOT NULL AND k.dimension IN (${sql.join(
				keyed.map((d) => sql`${d}`),
				sql`, `
			)})`);
	}
	if (want('near300') || want('near1000')) {
		const box = COVERAGE_BOX_DEGREES;
		const distance = distanceMeters(
			sql`a.latitude`,
			sql`a.longitude`,
			sql`c.latitude`,
			sql`c.longitude`
		);
		parts.push(sql`
			SELECT k.dimension, a.id::text AS key, c.day, c.added, c.removed
			FROM (${listings}) c
			JOIN attractions a ON c.latitude BETWEEN a.latitude - ${box}::float8 AND a.latitude + ${box}::float8
				AND c.longitude BETWEEN a.longitude - ${box}::float8 / cos(radians(a.latitude))
					AND a.longitude + ${box}::float8 / cos(radians(a.latitude))
			CROSS JOIN LATERAL (SELECT ${distance} AS d) dist
			CROSS JOIN LATERAL (VALUES ('near300', ${NEAR_METERS}::float8), ('near1000', ${WIDE_METERS}::float8)) k(dimension, radius)
			WHERE dist.d <= k.radius AND k.dimension IN (${sql.join(
				(['near300', 'near1000'] as const).filter(want).map((d) => sql`${d}`),
				sql`, `
			)})`);
	}
	if (want('pending')) {
		parts.push(sql`
			SELECT 'pending', 'all', ${localDay(sql`m.submitted_at`)}, 1, 0
			FROM ${source} m
			WHERE m.status <> 'draft' AND m.submitted_at >= ${start}
			UNION ALL
			-- Decided (decisionAt in sql.ts): approvals by accepted_since, the others by decided_at,
			-- each a range of its date index.
			SELECT 'pending', 'all', ${localDay(sql`m.accepted_since`)}, 0, 1
			FROM ${source} m
			WHERE m.status IN ('approved', 'suspended') AND m.submitted_at IS NOT NULL
				AND m.accepted_since >= m.submitted_at AND m.accepted_since >= ${start}
			UNION ALL
			SELECT 'pending', 'all', ${localDay(sql`m.decided_at`)}, 0, 1
			FROM ${source} m
			WHERE m.status NOT IN ('draft', 'approved', 'suspended') AND m.submitted_at IS NOT NULL
				AND m.decided_at >= m.submitted_at AND m.decided_at >= ${start}`);
	}
	if (want('lapsed')) {
		// Listings that left the map for want of reconfirmation (docs/metrics.md, "Freshness").
		parts.push(sql`
			SELECT 'lapsed', 'all', ${localDay(sql`a.created_at`)}, 1, 0
			FROM audit_events a
			WHERE a.action = 'suspend' AND a.reason_code = 'not_reconfirmed' AND a.created_at >= ${start}`);
	}
	return sql.join(parts, sql` UNION ALL `);
}

/**
 * When public listings were stale, as changes by Paris day ('stale', 'all', day, added, removed),
 * from what was known before the instant `cutoff`: a listing's verifications (VERIFICATIONS in
 * the audit log, and its `verified_at`) before it, and its public days (accepted, until its
 * suspension if before it). On a day D a public listing is stale when its latest verification on
 * or before D was STALE_AFTER_MONTHS months before D or more, or when it has none: so it is stale
 * from each verification + 12 months (or from always) until its next verification, within its
 * public days. Days after `cutoff` are a forecast: what happens if nobody verifies it again.
 * `listings`: a subquery of the merchant ids to compute (all when omitted).
 */
export function staleChanges(cutoff: SQL, listings?: SQL): SQL {
	const only = (column: SQL) => (listings ? sql`AND ${column} IN (${listings})` : sql``);
	const months = sql.raw(`interval '${STALE_AFTER_MONTHS} months'`);
	return sql`SELECT * FROM (
		WITH listed AS (
			SELECT m.id, ${localDay(sql`m.accepted_since`)} AS a,
				CASE WHEN m.status = 'suspended' AND m.decided_at < ${cutoff}
					THEN ${localDay(sql`m.decided_at`)} ELSE 'infinity'::date END AS e
			FROM merchants m
			WHERE m.status IN ('approved', 'suspended') AND m.accepted_since < ${cutoff} ${only(sql`m.id`)}
		), verified AS (
			SELECT a.merchant_id AS id, ${localDay(sql`a.created_at`)} AS day FROM audit_events a
			WHERE a.merchant_id IS NOT NULL AND a.action IN (${sql.join(
				VERIFICATIONS.map((v) => sql`${v}`),
				sql`, `
			)})
				AND a.created_at < ${cutoff} ${only(sql`a.merchant_id`)}
			UNION
			SELECT m.id, ${localDay(sql`m.verified_at`)} FROM merchants m
			WHERE m.verified_at < ${cutoff} ${only(sql`m.id`)}
		), days AS (
			SELECT l.id, l.a, l.e, v.day, lag(v.day) OVER (PARTITION BY l.id ORDER BY v.day) AS prev
			FROM listed l LEFT JOIN verified v ON v.id = l.id
		), spells AS (
			-- Stale until each verification: since the one before it turned old, or since always.
			SELECT a, e, CASE WHEN prev IS NULL THEN '-infinity'::date ELSE (prev + ${months})::date END AS s,
				COALESCE(day, 'infinity'::date) AS u
			FROM days
			UNION ALL
			-- And once the last one turns old.
			SELECT a, e, (max(day) + ${months})::date, 'infinity'::date
			FROM days WHERE day IS NOT NULL GROUP BY id, a, e
		), public AS (
			SELECT greatest(s, a) AS s, least(u, e) AS u FROM spells WHERE greatest(s, a) < least(u, e)
		)
		SELECT 'stale' AS dimension, 'all' AS key, s AS day, 1 AS added, 0 AS removed FROM public
		UNION ALL
		SELECT 'stale', 'all', u, 0, 1 FROM public WHERE u < 'infinity'::date
	) stale`;
}

/**
 * The listings whose staleness may differ from the nightly forecast: verified, approved or
 * suspended since `since` (an instant).
 */
export const changedSince = (since: SQL): SQL =>
	sql`SELECT a.merchant_id AS id FROM audit_events a
		WHERE a.created_at >= ${since} AND a.merchant_id IS NOT NULL
			AND a.action IN (${sql.join(
				VERIFICATIONS.map((v) => sql`${v}`),
				sql`, `
			)})
		UNION SELECT m.id FROM merchants m WHERE m.accepted_since >= ${since}
		UNION SELECT m.id FROM merchants m WHERE m.decided_at >= ${since}
		UNION SELECT m.id FROM merchants m
		WHERE m.status IN ('approved', 'suspended') AND m.verified_at >= ${since}`;

/**
 * 'stale' changes on the days [from, to) from the rollup's `through` day on: the nightly run's
 * forecast (its day rows from `through` on, made from what was known when it read the data: its
 * state's `updated_at`), corrected for the listings changed since (less a margin for clocks and
 * long transactions): their changes known now, less those it forecast. Before the first run
 * (`through` = -infinity), every listing's changes known now: the live figure.
 */
function liveStaleChanges(from: SQL, to: SQL, through: SQL): SQL {
	const readAt = sql`COALESCE((SELECT s.updated_at FROM metrics_rollup_state s
		WHERE s.name = ${APPROVALS_ROLLUP}), '-infinity'::timestamptz)`;
	const changed = sql`SELECT c.id FROM changed c`;
	// Nothing to read when the days asked end before `through` (a count at the range's start).
	return sql`SELECT c.dimension, c.key, c.day, c.added, c.removed FROM (
			WITH changed AS MATERIALIZED (${changedSince(sql`${readAt} - interval '10 minutes'`)})
			SELECT r.dimension, r.key, r.period AS day, r.added, r.removed FROM approval_rollups r
			WHERE r.dimension = 'stale' AND r.grain = 'day' AND r.period >= greatest(${from}, ${through})
				AND r.period < ${to} AND ${through} > '-infinity'::date
			UNION ALL
			SELECT s.dimension, s.key, s.day, s.added, s.removed
			FROM (${staleChanges(sql`'infinity'::timestamptz`, changed)}) s
			UNION ALL
			SELECT s.dimension, s.key, s.day, s.removed, s.added
			FROM (${staleChanges(readAt, changed)}) s
		) c
		WHERE c.day >= greatest(${from}, ${through}) AND c.day < ${to} AND ${through} < ${to}`;
}

/**
 * Rows of a rollup table on the days [from, to) before its `through` day: whole months from its
 * month rows, the other days from its day rows (`months: false`: day rows only, to group by week).
 */
export function rolledUpRows(
	table: 'approval_rollups' | 'demand_rollups' | 'decision_rollups' | 'report_rollups',
	columns: SQL,
	where: SQL,
	range: { from: SQL; to: SQL; through: SQL; months?: boolean }
): SQL {
	const end = sql`least(${range.to}, ${range.through})`;
	const days = (from: SQL, to: SQL, also: SQL = sql`true`) =>
		sql`SELECT ${columns} FROM ${sql.raw(table)} r
			WHERE ${where} AND r.grain = 'day' AND r.period >= ${from} AND r.period < ${to} AND ${also}`;
	if (range.months === false) return days(range.from, end);
	// The first month that starts on or after `from`, and the month `end` falls in: whole months
	// between them from the month rows; the days before and after them from the day rows, each an
	// index range (the second only when the range spans a month boundary).
	const first = sql`(date_trunc('month', ${range.from} - 1) + interval '1 month')::date`;
	const last = sql`date_trunc('month', ${end})::date`;
	return sql`SELECT ${columns} FROM ${sql.raw(table)} r
			WHERE ${where} AND r.grain = 'month' AND r.period >= ${first} AND r.period < ${last}
		UNION ALL
		${days(range.from, sql`least(${first}, ${end})`)}
		UNION ALL
		${days(sql`greatest(${last}, ${range.from})`, end, sql`${last} >= ${first}`)}`;
}

/**
 * Every change on the days [from, to) for these dimensions: (dimension, key, day, added,
 * removed); `day` is a month's first day for a whole month read from the month rows.
 */
export function approvalChanges(
	dimensions: readonly ChangeDimension[],
	from: SQL,
	to: SQL,
	options: { months?: boolean } = {}
): SQL {
	const through = rolledThrough(APPROVALS_ROLLUP);
	const rolled = rolledUpRows(
		'approval_rollups',
		sql`r.dimension, r.key, r.period AS day, r.added, r.removed`,
		sql`r.dimension IN (${sql.join(
			dimensions.map((d) => sql`${d}`),
			sql`, `
		)})`,
		{ from, to, through, months: options.months }
	);
	const parts = [rolled];
	const live = dimensions.filter((d) => d !== 'stale');
	if (live.length) {
		parts.push(sql`SELECT l.dimension, l.key, l.day, l.added, l.removed
			FROM (${liveApprovalChanges(live, sql`greatest(${from}, ${through})`)}) l
			WHERE l.day < ${to}`);
	}
	if (dimensions.includes('stale')) parts.push(liveStaleChanges(from, to, through));
	return sql.join(
		parts,
		sql`
		UNION ALL
		`
	);
}

/**
 * Net count by (dimension, key) at the start of each of these days: (dimension, key, at, n), for
 * the keys with any change before it (a key may have several rows: sum them).
 */
export function countsAt(dimensions: readonly ChangeDimension[], days: SQL[]): SQL {
	return sql.join(
		days.map(
			(
				at,
				i
			) => sql`SELECT c.dimension, c.key, ${sql.raw(String(i))} AS at, sum(c.added - c.removed) AS n
				FROM (${approvalChanges(dimensions, day(null), at)}) c GROUP BY c.dimension, c.key`
		),
		sql` UNION ALL `
	);
}

/**
 * Net count by (dimension, key) at each of these instants: (dimension, key, at, n) as countsAt,
 * the days before the instant's Paris day from countsAt, and that day's changes before the
 * instant live ('all' to 'commune' only).
 */
export function countsAtInstants(dimensions: readonly ChangeDimension[], instants: SQL[]): SQL {
	return sql.join(
		instants.map((instant, i) => {
			const on = localDay(instant);
			const at = sql.raw(String(i));
			return sql`SELECT c.dimension, c.key, ${at} AS at, c.n FROM (${countsAt(dimensions, [on])}) c
				UNION ALL
				SELECT l.dimension, l.key, ${at}, l.added - l.removed
				FROM (${liveApprovalChanges(dimensions, on, instant)}) l WHERE l.day = ${on}`;
		}),
		sql` UNION ALL `
	);
}
