/**
 * SQL fragments shared by every metric, so "approved", "pending" and "the day in Paris" mean
 * the same thing in each figure. A merchant counts as approved at instant t when it became an
 * accepting listing before t and was not suspended by then (a suspended listing counted until
 * its suspension). Every figure is computed by the database; JavaScript only shapes results.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { MetricsRange } from '../../metrics/range';

export const TIME_ZONE = 'Europe/Paris';

/** Midnight in Paris at the start of a YYYY-MM-DD day, as a timestamptz. */
export const dayStart = (day: string): SQL =>
	sql`((${day}::date)::timestamp AT TIME ZONE ${TIME_ZONE})`;

/** Midnight in Paris at the end of a YYYY-MM-DD day (the next day's start), as a timestamptz. */
export const dayEnd = (day: string): SQL =>
	sql`((${day}::date + 1)::timestamp AT TIME ZONE ${TIME_ZONE})`;

/**
 * The range's periods (weeks or months) as rows of Paris wall-clock `local_start` / `local_end`
 * timestamps, the first and last cut to the range: the body of a `buckets` CTE.
 */
export function periodBuckets(range: MetricsRange): SQL {
	const unit = range.step;
	const step = unit === 'week' ? '1 week' : '1 month';
	return sql`SELECT greatest(g, ${range.from}::date::timestamp) AS local_start,
					least(g + ${step}::interval, (${range.to}::date + 1)::timestamp) AS local_end
				FROM generate_series(date_trunc(${unit}, ${range.from}::date::timestamp), ${range.to}::date::timestamp, ${step}::interval) g`;
}

/** `m` is approved (accepting, listed) at instant `at` (a timestamptz expression). */
export const approvedAt = (at: SQL): SQL =>
	sql`(m.accepted_since < ${at} AND (m.status = 'approved' OR (m.status = 'suspended' AND m.decided_at >= ${at})))`;

/** When `m`'s application was decided: its approval, else the latest refusal or request. */
export const decisionAt = sql`(CASE WHEN m.status IN ('approved', 'suspended') THEN m.accepted_since ELSE m.decided_at END)`;

/** `m`'s application was waiting for a decision at instant `at`. */
export const pendingAt = (at: SQL): SQL =>
	sql`(m.status <> 'draft' AND m.submitted_at < ${at} AND NOT COALESCE(${decisionAt} >= m.submitted_at AND ${decisionAt} < ${at}, false))`;

/** Converts the numeric/bigint strings that postgres.js returns (PGlite returns numbers). */
export function num(value: unknown): number {
	return value === null || value === undefined ? 0 : Number(value);
}
export function numOrNull(value: unknown): number | null {
	return value === null || value === undefined ? null : Number(value);
}
/** A date column as YYYY-MM-DD on both drivers. */
export function isoDay(value: unknown): string {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value).slice(0, 10);
}
