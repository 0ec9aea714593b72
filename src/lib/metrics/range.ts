/**
 * The period a metrics page looks at, read from its URL (`from`, `to`, `step`, `min`), so a
 * view can be bookmarked, shared and printed, and the form that sets it works without JavaScript.
 * Days are calendar days in Paris (YYYY-MM-DD), both ends included.
 */

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

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A real calendar day written YYYY-MM-DD, else null. */
export function parseIsoDay(value: string | null | undefined): string | null {
	if (!value || !ISO_DAY.test(value)) return null;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

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
	const invalid: ParsedRange['invalid'] = [];
	const read = (name: 'from' | 'to'): string | null => {
		const raw = params.get(name);
		if (raw === null || raw === '') return null;
		const day = parseIsoDay(raw);
		if (!day) invalid.push(name);
		return day;
	};
	let to = read('to') ?? fallback.to;
	if (to > today) to = today;
	let from = read('from') ?? (params.get('to') ? addDays(to, -364) : fallback.from);
	if (from > to) {
		invalid.push('from');
		from = addDays(to, -364);
	}
	if (daysBetween(from, to) > MAX_RANGE_DAYS) {
		invalid.push('from');
		from = addDays(to, -(MAX_RANGE_DAYS - 1));
	}
	const rawStep = params.get('step');
	let step: Step = daysBetween(from, to) <= 92 ? 'week' : fallback.step;
	if (rawStep) {
		if ((STEPS as readonly string[]).includes(rawStep)) step = rawStep as Step;
		else invalid.push('step');
	}
	const rawMin = params.get('min');
	let minNearby = DEFAULT_MIN_NEARBY;
	if (rawMin) {
		const n = Number(rawMin);
		if (Number.isInteger(n) && n >= 1 && n <= 100) minNearby = n;
		else invalid.push('min');
	}
	return { range: { from, to, step, minNearby }, invalid };
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
