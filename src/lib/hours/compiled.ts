/**
 * Opening hours compiled into the intervals of a Paris week, so that "open now" over many
 * listings is a binary search instead of an `opening_hours` evaluation.
 *
 * A value is evaluated once per Paris week (the library's own getOpenIntervals, on wall-clock
 * Dates as in open-now.ts, so public holidays, seasons and week numbers count exactly as the
 * library reads them), from the day before the week's Monday to the day after its Sunday. The
 * intervals are kept as Paris wall-clock milliseconds (Paris time fields on a UTC timeline):
 * a lookup turns the instant into its Paris wall clock once, so daylight-saving changes need
 * nothing more (in autumn, both 02:30 read as 02:30, as the library reads them).
 */
import {
	hhmm,
	isOpenAt,
	localFieldsMs,
	parisWallMs,
	parseHours,
	todaysIntervals,
	wallClockOf
} from './open-now';
import type { HoursInterval } from './open-now';

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: weeks are counted from it. */
const FIRST_MONDAY_MS = 4 * DAY_MS;

/** The Monday 00:00 (wall clock) of the Paris week holding a wall-clock time. */
function weekStartOf(wallMs: number): number {
	return wallMs - ((((wallMs - FIRST_MONDAY_MS) % WEEK_MS) + WEEK_MS) % WEEK_MS);
}

/** One value's open intervals over a week (and a day either side), in wall-clock ms. */
export interface CompiledWeek {
	/** Monday 00:00 of the week these intervals serve. */
	weekStart: number;
	/** null: the value is invalid (or the library failed on it): never open, state unknown. */
	starts: Float64Array | null;
	ends: Float64Array;
	/** 1 where the interval's state is unknown ('… "sur rendez-vous"'). */
	unknown: Uint8Array;
}

/** Compiles a value for the Paris week holding `wallMs`. */
export function compileWeek(value: string, wallMs: number): CompiledWeek {
	const weekStart = weekStartOf(wallMs);
	const oh = parseHours(value);
	const invalid = { weekStart, starts: null, ends: new Float64Array(), unknown: new Uint8Array() };
	if (!oh) return invalid;
	try {
		const from = wallClockOf(weekStart - DAY_MS);
		const to = wallClockOf(weekStart + WEEK_MS + DAY_MS);
		const intervals = oh.getOpenIntervals(from, to);
		const starts = new Float64Array(intervals.length);
		const ends = new Float64Array(intervals.length);
		const unknown = new Uint8Array(intervals.length);
		intervals.forEach(([start, end, isUnknown], i) => {
			starts[i] = localFieldsMs(start);
			ends[i] = localFieldsMs(end);
			unknown[i] = isUnknown ? 1 : 0;
		});
		return { weekStart, starts, ends, unknown };
	} catch {
		return invalid;
	}
}

/** The index of the interval holding `wallMs`, or -1. */
function intervalAt(week: CompiledWeek, wallMs: number): number {
	const { starts, ends } = week;
	if (!starts) return -1;
	let lo = 0;
	let hi = starts.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (starts[mid] > wallMs) hi = mid - 1;
		else if (ends[mid] <= wallMs) lo = mid + 1;
		else return mid;
	}
	return -1;
}

/** Like isOpenAt: true, false, or null when the value is invalid or the state unknown. */
export function weekOpenAt(week: CompiledWeek, wallMs: number): boolean | null {
	if (!week.starts) return null;
	const i = intervalAt(week, wallMs);
	if (i === -1) return false;
	return week.unknown[i] ? null : true;
}

/** Like todaysIntervals: the surely-open intervals of the Paris day holding `wallMs`. */
export function weekDayIntervals(week: CompiledWeek, wallMs: number): HoursInterval[] {
	const { starts, ends, unknown } = week;
	if (!starts) return [];
	const dayStart = wallMs - (((wallMs % DAY_MS) + DAY_MS) % DAY_MS);
	const dayEnd = dayStart + DAY_MS;
	const out: HoursInterval[] = [];
	for (let i = 0; i < starts.length; i++) {
		if (ends[i] <= dayStart || starts[i] >= dayEnd || unknown[i]) continue;
		const from = Math.max(starts[i], dayStart);
		out.push({
			from: hhmm(wallClockOf(from)),
			to: ends[i] >= dayEnd ? '24:00' : hhmm(wallClockOf(ends[i]))
		});
	}
	return out;
}

/**
 * Every distinct value of a set of listings, compiled lazily for the current week: what the
 * listing index asks "open now?" and "today's hours?". Values are numbered by the index
 * (`group`), so a listing carries a small number, not a string.
 */
export class CompiledHours {
	private weeks: (CompiledWeek | undefined)[];
	private groups: Map<string, number>;

	/** `previous`: the set of the index this one replaces, whose compiled weeks are kept. */
	constructor(
		readonly values: readonly string[],
		previous?: CompiledHours
	) {
		this.weeks = new Array(values.length);
		this.groups = new Map(values.map((v, i) => [v, i]));
		if (previous) {
			for (const [i, value] of values.entries()) {
				const before = previous.groups.get(value);
				if (before !== undefined) this.weeks[i] = previous.weeks[before];
			}
		}
	}

	/** isOpenAt, compiled when the value is one of this set's. */
	isOpenAt(value: string, instant: Date): boolean | null {
		const group = this.groups.get(value);
		if (group === undefined) return isOpenAt(value, instant);
		return this.openAt(group, parisWallMs(instant));
	}

	/** todaysIntervals, compiled when the value is one of this set's. */
	todaysIntervals(value: string, instant: Date): HoursInterval[] {
		const group = this.groups.get(value);
		if (group === undefined) return todaysIntervals(value, instant);
		return this.dayIntervals(group, parisWallMs(instant));
	}

	private week(group: number, wallMs: number): CompiledWeek {
		let week = this.weeks[group];
		if (!week || wallMs < week.weekStart || wallMs >= week.weekStart + WEEK_MS) {
			week = compileWeek(this.values[group], wallMs);
			this.weeks[group] = week;
		}
		return week;
	}

	/** Open-now of one value at a Paris wall-clock time (see parisWallMs). */
	openAt(group: number, wallMs: number): boolean | null {
		return weekOpenAt(this.week(group, wallMs), wallMs);
	}

	dayIntervals(group: number, wallMs: number): HoursInterval[] {
		return weekDayIntervals(this.week(group, wallMs), wallMs);
	}

	/**
	 * Open-now of every value at one instant, computed on first use of each: what a request
	 * filters and marks its listings with. -1: no hours (null), 0 closed, 1 open, 2 unknown.
	 */
	at(instant: Date): (group: number) => boolean | null {
		const wallMs = parisWallMs(instant);
		const memo = new Int8Array(this.values.length).fill(-1);
		return (group) => {
			if (group < 0) return null;
			if (memo[group] === -1) {
				const open = this.openAt(group, wallMs);
				memo[group] = open === null ? 2 : open ? 1 : 0;
			}
			const state = memo[group];
			return state === 2 ? null : state === 1;
		};
	}
}
