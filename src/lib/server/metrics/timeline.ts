/**
 * Approved merchants over time, week by week or month by month (buckets of Paris calendar
 * days, cut to the range): how many became accepting in each bucket, and how many were
 * approved at its end — overall, by département or by category.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import type { MetricsRange } from '../../metrics/range';
import { CATEGORIES } from '../../merchants/vocabulary';
import { DEPARTEMENTS } from '../../geo/idf';
import { addDays } from '../../metrics/range';
import { num } from './sql';
import { approvalChanges, countsAt, day } from './changes';

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

export async function timeline(
	db: Executor,
	range: MetricsRange,
	dimension: Dimension
): Promise<Timeline> {
	const unit = range.step;
	const step = unit === 'week' ? '1 week' : '1 month';
	const keys = KEYS[dimension];
	const from = day(range.from);
	const to = day(addDays(range.to, 1));
	// The count at the range's start, then each day's changes (changes.ts), bucket by bucket.
	const rows = await queryRows(
		db,
		sql`WITH buckets AS (
				SELECT g AS bucket
				FROM generate_series(date_trunc(${unit}, ${range.from}::date::timestamp), ${range.to}::date::timestamp, ${step}::interval) g
			),
			keys AS (SELECT unnest(${sql.raw(`ARRAY[${keys.map((k) => `'${k}'`).join(',')}]`)}::text[]) AS key),
			base AS (
				SELECT k.key, COALESCE(sum(c.n), 0) AS n
				FROM keys k LEFT JOIN (${countsAt([dimension], [from])}) c ON c.key = k.key
				GROUP BY k.key
			),
			inside AS (
				SELECT c.key, date_trunc(${unit}, c.day::timestamp) AS bucket,
					sum(c.added) AS added, sum(c.added - c.removed) AS net
				FROM (${approvalChanges([dimension], from, to, { months: false })}) c
				GROUP BY 1, 2
			)
			SELECT k.key, greatest(b.bucket, ${range.from}::date::timestamp)::date::text AS bucket,
				COALESCE(i.added, 0) AS added,
				base.n + sum(COALESCE(i.net, 0)) OVER (PARTITION BY k.key ORDER BY b.bucket) AS cumulative
			FROM buckets b CROSS JOIN keys k
			JOIN base ON base.key = k.key
			LEFT JOIN inside i ON i.key = k.key AND i.bucket = b.bucket
			ORDER BY k.key, b.bucket`
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
