/**
 * The weekly hours editor of the application wizard: per weekday closed, or open in one or two
 * time ranges, and public holidays (as usual, closed, or their own ranges). It writes OSM
 * `opening_hours` syntax and reads back the part of that syntax it can show (weekdays, public
 * holidays and times); anything richer (months, school holidays, "sur rendez-vous"…) is edited as
 * raw syntax instead.
 */
import { validateOpeningHours } from './open-now';

export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** 'HH:MM' times of one day; `to` may be '24:00' (open until midnight). */
export interface TimeRange {
	from: string;
	to: string;
}

/**
 * One day: [] when closed, else one or two ranges in order. Public holidays (`PH`): null when they
 * keep the hours of their weekday (no `PH` rule), [] when closed ('PH off'), else their ranges.
 */
export type WeeklyHours = Record<Weekday, TimeRange[]> & { PH: TimeRange[] | null };

export const MAX_RANGES_PER_DAY = 2;

export function closedWeek(): WeeklyHours {
	return { Mo: [], Tu: [], We: [], Th: [], Fr: [], Sa: [], Su: [], PH: null };
}

/** What the editor starts with: Monday to Saturday 10:00–19:00. */
export function defaultWeek(): WeeklyHours {
	const week = closedWeek();
	for (const day of WEEKDAYS.slice(0, 6)) week[day] = [{ from: '10:00', to: '19:00' }];
	return week;
}

/**
 * A time as typed ('9:30', '09:30', '9h30', '9h', '930', '1030') → 'HH:MM', or null.
 * '24:00' is accepted (end of the day).
 */
export function normalizeTime(input: string): string | null {
	const match =
		/^\s*(\d{1,2})(?:\s*[:hH.]\s*(\d{2})?)?\s*$/.exec(input) ??
		// Digits only, as a phone's numeric keypad types them: 930, 1030, 2400.
		/^\s*(\d{1,2})(\d{2})\s*$/.exec(input);
	if (!match) return null;
	const hours = Number(match[1]);
	const minutes = Number(match[2] ?? '0');
	if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
	return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export type DayProblem = 'hours_time_invalid' | 'hours_range_order' | 'hours_overlap';

/** What is wrong with one day's ranges (times already normalised), or null. */
export function dayProblem(ranges: TimeRange[]): DayProblem | null {
	for (const r of ranges) {
		if (normalizeTime(r.from) !== r.from || normalizeTime(r.to) !== r.to) {
			return 'hours_time_invalid';
		}
		if (r.from === '24:00' || minutesOf(r.to) <= minutesOf(r.from)) return 'hours_range_order';
	}
	for (let i = 1; i < ranges.length; i++) {
		if (minutesOf(ranges[i].from) <= minutesOf(ranges[i - 1].to)) return 'hours_overlap';
	}
	return null;
}

const dayKey = (ranges: TimeRange[]) => ranges.map((r) => `${r.from}-${r.to}`).join(',');

/** 'Mo-We,Fr' from day indexes in week order (three or more consecutive days as a range). */
function daySelector(indexes: number[]): string {
	const parts: string[] = [];
	let start = 0;
	for (let i = 1; i <= indexes.length; i++) {
		if (i < indexes.length && indexes[i] === indexes[i - 1] + 1) continue;
		const run = indexes.slice(start, i);
		if (run.length >= 3) parts.push(`${WEEKDAYS[run[0]]}-${WEEKDAYS[run[run.length - 1]]}`);
		else parts.push(...run.map((d) => WEEKDAYS[d]));
		start = i;
	}
	return parts.join(',');
}

/**
 * The `opening_hours` value of a week: days with the same hours share a rule, rules in the order
 * of their first day, closed days left out (closed is the default), then the public holidays'
 * rule last (a later rule wins on the days it names); 'off' when never open.
 */
export function weeklyToOpeningHours(week: WeeklyHours): string {
	const groups = new Map<string, number[]>();
	WEEKDAYS.forEach((day, i) => {
		if (week[day].length === 0) return;
		const key = dayKey(week[day]);
		groups.set(key, [...(groups.get(key) ?? []), i]);
	});
	const rules = [...groups.entries()]
		.sort(([, a], [, b]) => a[0] - b[0])
		.map(([key, days]) => `${daySelector(days)} ${key}`);
	if (week.PH) rules.push(`PH ${week.PH.length ? dayKey(week.PH) : 'off'}`);
	return rules.length ? rules.join('; ') : 'off';
}

const DAY_PATTERN = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const PART = `(?:${DAY_PATTERN}(?:-${DAY_PATTERN})?|PH)`;
const SELECTOR = new RegExp(`^${PART}(?:,${PART})*$`);
const TIMES = /^\d{2}:\d{2}-\d{2}:\d{2}(?:,\d{2}:\d{2}-\d{2}:\d{2})*$/;
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/** The weekday indexes a selector ('Mo-We,Sa', 'Sa-Mo', 'Mo-Fr,PH') names, and whether PH. */
function selectedDays(selector: string): { days: number[]; holidays: boolean } {
	const days = new Set<number>();
	let holidays = false;
	for (const part of selector.split(',')) {
		if (part === 'PH') {
			holidays = true;
			continue;
		}
		const [a, b] = part.split('-').map((d) => WEEKDAYS.indexOf(d as Weekday));
		const end = b ?? a;
		for (let d = a; ; d = (d + 1) % 7) {
			days.add(d);
			if (d === end) break;
		}
	}
	return { days: [...days], holidays };
}

/**
 * The week an `opening_hours` value describes, when the editor can show it (weekdays and public
 * holidays, at most two ranges a day, none past midnight); null otherwise, or when the value is
 * not valid syntax. A later rule replaces the hours of the days it names, as in the OSM
 * specification; so a weekday rule after a public-holiday rule (which would change the holidays
 * that fall on those weekdays only) is left to the raw syntax.
 */
export function openingHoursToWeekly(value: string): WeeklyHours | null {
	const checked = validateOpeningHours(value.trim());
	if (!checked.ok) return null;
	const week = closedWeek();
	for (const rule of checked.pretty.trim().split(/\s*;\s*/)) {
		if (!rule) continue;
		const tokens = rule.split(/\s+/);
		let selected = { days: ALL_DAYS, holidays: false };
		if (tokens.length === 2) {
			if (!SELECTOR.test(tokens[0])) return null;
			selected = selectedDays(tokens[0]);
		} else if (tokens.length !== 1) return null;
		const times = tokens[tokens.length - 1];
		let ranges: TimeRange[];
		if (times === 'off' || times === 'closed') ranges = [];
		else if (times === '24/7' && tokens.length === 1) ranges = [{ from: '00:00', to: '24:00' }];
		else if (TIMES.test(times)) {
			ranges = times.split(',').map((r) => {
				const [from, to] = r.split('-');
				return { from, to };
			});
			if (ranges.length > MAX_RANGES_PER_DAY || dayProblem(ranges)) return null;
		} else return null;
		if (week.PH && selected.days.length > 0) return null;
		for (const d of selected.days) week[WEEKDAYS[d]] = ranges.map((r) => ({ ...r }));
		if (selected.holidays) week.PH = ranges.map((r) => ({ ...r }));
	}
	return week;
}
