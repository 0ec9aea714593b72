/**
 * Approved merchants over time, week by week or month by month (buckets of Paris calendar
 * days, cut to the range): how many became accepting in each bucket, and how many were
 * approved at its end — overall, by département or by category.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import type { MetricsRange } from '../../metrics/range';
import { CATEGORIES } from '../../merchants/vocabulary';
import { DEPARTEMENTS } from '../../geo/idf';
import { addDays } from '../../metrics/range';
import { num } from './sql';
import { approvalChanges, countsAt, day, type ChangeDimension } from './changes';

export const DIMENSIONS = ['all', 'departement', 'category'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Series {
	key: string;
	/** Merchants that became accepting in each bucket. */
	added: number[];
	/** Merchants approved at the end of each bucket. */
	cumulative: number[];
}

export interface Timeline {
	dimension: Dimension;
	/** First day of each bucket (the range's first day for the first one), YYYY-MM-DD. */
	buckets: string[];
	series: Series[];
}

const KEYS: Record<Dimension, readonly string[]> = {
	all: ['all'],
	departement: DEPARTEMENTS,
	category: CATEGORIES
};

/**
 * Per series (a dimension and key of changes.ts) and bucket: the changes added during the bucket
 * and the net count at its end (the count at the range's start, then each day's changes), as rows
 * (dimension, key, bucket, added, cumulative), in series then bucket order.
 */
export function bucketSeries(
	range: MetricsRange,
	series: readonly (readonly [ChangeDimension, string])[]
): SQL {
	const unit = range.step;
	const step = unit === 'week' ? '1 week' : '1 month';
	const dimensions = [...new Set(series.map(([d]) => d))];
	const from = day(range.from);
	const to = day(addDays(range.to, 1));
	const keys = sql.join(
		series.map(([d, k]) => sql`(${d}::text, ${k}::text)`),
		sql`, `
	);
	return sql`WITH buckets AS (
			SELECT g AS bucket
			FROM generate_series(date_trunc(${unit}, ${range.from}::date::timestamp), ${range.to}::date::timestamp, ${step}::interval) g
		),
		keys(dimension, key) AS (VALUES ${keys}),
		base AS (
			SELECT k.dimension, k.key, COALESCE(sum(c.n), 0) AS n
			FROM keys k LEFT JOIN (${countsAt(dimensions, [from])}) c ON c.dimension = k.dimension AND c.key = k.key
			GROUP BY k.dimension, k.key
		),
		inside AS (
			SELECT c.dimension, c.key, date_trunc(${unit}, c.day::timestamp) AS bucket,
				sum(c.added) AS added, sum(c.added - c.removed) AS net
			FROM (${approvalChanges(dimensions, from, to, { months: false })}) c
			GROUP BY 1, 2, 3
		)
		SELECT k.dimension, k.key, greatest(b.bucket, ${range.from}::date::timestamp)::date::text AS bucket,
			COALESCE(i.added, 0) AS added,
			base.n + sum(COALESCE(i.net, 0)) OVER (PARTITION BY k.dimension, k.key ORDER BY b.bucket) AS cumulative
		FROM buckets b CROSS JOIN keys k
		JOIN base ON base.dimension = k.dimension AND base.key = k.key
		LEFT JOIN inside i ON i.dimension = k.dimension AND i.key = k.key AND i.bucket = b.bucket
		ORDER BY k.dimension, k.key, b.bucket`;
}

export async function timeline(
	db: Executor,
	range: MetricsRange,
	dimension: Dimension
): Promise<Timeline> {
	const keys = KEYS[dimension];
	const rows = await queryRows(
		db,
		bucketSeries(
			range,
			keys.map((k) => [dimension, k] as const)
		)
	);
	const byKey = new Map<string, Series>(
		keys.map((k) => [k, { key: k, added: [], cumulative: [] }])
	);
	const buckets: string[] = [];
	for (const r of rows) {
		const series = byKey.get(String(r.key));
		if (!series) continue;
		if (series.key === keys[0]) buckets.push(String(r.bucket));
		series.added.push(num(r.added));
		series.cumulative.push(num(r.cumulative));
	}
	return { dimension, buckets, series: [...byKey.values()] };
}
