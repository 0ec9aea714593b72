/**
 * The period a metrics page looks at, read from its URL (`from`, `to`, `step`, `min`), so a
 * view can be bookmarked, shared and printed, and the form that sets it works without JavaScript.
 * Days are calendar days in Paris (YYYY-MM-DD), both ends included.
 */
import * as v from 'valibot';
import { integer, isIsoDay, isoDay, param, parseQuery } from '../query';
import { withDates } from '../forms/date-input';

export const STEPS = ['week', 'month'] as const;
export type Step = (typeof STEPS)[number];

export interface MetricsRange {
	from: string;
	to: string;
	step: Step;
	/** An attraction with fewer accepting merchants than this within 300 m is a coverage gap. */
	minNearby: number;
}

export interface ParsedRange {
	range: MetricsRange;
	/** The parameters that were present but unusable (the defaults were used instead). */
	invalid: ('from' | 'to' | 'step' | 'min')[];
}

/** The longest range shown (five years): the weekly series stays readable. */
export const MAX_RANGE_DAYS = 5 * 366;
export const DEFAULT_MIN_NEARBY = 3;

const DAY_MS = 86_400_000;

/** A real calendar day written YYYY-MM-DD, else null. */
export function parseIsoDay(value: string | null | undefined): string | null {
	return value && isIsoDay(value) ? value : null;
}

/** `?from&to&step&min`: what the URL may say; the rules between them are parseRange's. */
const rangeQuerySchema = v.object({
	from: param(isoDay, null),
	to: param(isoDay, null),
	step: param(v.picklist(STEPS), null),
	min: param(integer(1, 100), DEFAULT_MIN_NEARBY)
});

export function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The default view: the twelve months up to today, month by month. */
export function defaultRange(today: string): MetricsRange {
	const [y, m] = today.split('-').map(Number);
	const start = new Date(Date.UTC(y - 1, m, 1)).toISOString().slice(0, 10);
	return { from: start, to: today, step: 'month', minNearby: DEFAULT_MIN_NEARBY };
}

export function parseRange(params: URLSearchParams, today: string): ParsedRange {
	const fallback = defaultRange(today);
	// The period form types each day in three parts (DateField); links say `from=YYYY-MM-DD`.
	const { values, invalid } = parseQuery(rangeQuerySchema, withDates(params, ['from', 'to']));
	const out: ParsedRange['invalid'] = [...invalid];
	let to = values.to ?? fallback.to;
	if (to > today) to = today;
	// An end without a start: the year up to that end.
	const endAsked = values.to !== null || invalid.includes('to');
	let from = values.from ?? (endAsked ? addDays(to, -364) : fallback.from);
	if (from > to) {
		out.push('from');
		from = addDays(to, -364);
	}
	if (daysBetween(from, to) > MAX_RANGE_DAYS) {
		out.push('from');
		from = addDays(to, -(MAX_RANGE_DAYS - 1));
	}
	const step = values.step ?? (daysBetween(from, to) <= 92 ? 'week' : fallback.step);
	return {
		range: { from, to, step, minNearby: values.min },
		invalid: out
	};
}

/** The period just before, of the same length (the comparison of the headline figures). */
export function previousPeriod(range: Pick<MetricsRange, 'from' | 'to'>): {
	from: string;
	to: string;
} {
	const days = daysBetween(range.from, range.to);
	return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** The query string of a range (what links and exports carry). */
export function rangeToParams(range: MetricsRange): URLSearchParams {
	return new URLSearchParams({
		from: range.from,
		to: range.to,
		step: range.step,
		min: String(range.minNearby)
	});
}
