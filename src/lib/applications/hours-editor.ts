/**
 * The weekly hours editor of the application wizard, as data: what its inputs hold (the editor's
 * state), how that state reads from and writes to the posted form, and how it converts to and
 * from a week of opening hours (src/lib/hours/weekly.ts turns weeks into `opening_hours` syntax).
 * The component only binds inputs to this state, so what the merchant sees is what is posted,
 * with or without JavaScript; "copy Monday to every day" is a function of the state here, used by
 * the component (JavaScript) and by the server (the same button, without JavaScript).
 */
import {
	WEEKDAYS,
	closedWeek,
	dayProblem,
	normalizeTime,
	type DayProblem,
	type TimeRange,
	type Weekday,
	type WeeklyHours
} from '../hours/weekly';
import type { ApplicationErrors, ApplicationForm } from './fields';

/** A row of the editor: a weekday, or public holidays. */
export type HoursRow = Weekday | 'PH';
export const HOURS_ROWS: readonly HoursRow[] = [...WEEKDAYS, 'PH'];

/** Form input names of the weekly hours editor. */
export const hoursInput = {
	mode: 'hoursMode',
	raw: 'openingHoursRaw',
	open: (day: Weekday) => `hours_${day}_open`,
	/** Public holidays: 'usual' (as their weekday), 'closed' or 'open' (their own ranges). */
	holidays: 'hours_PH',
	from: (row: HoursRow, i: 1 | 2) => `hours_${row}_from${i}`,
	to: (row: HoursRow, i: 1 | 2) => `hours_${row}_to${i}`
} as const;

/** Two times as the time inputs hold them: 'HH:MM', or '' when empty; '00:00' closes at midnight. */
export interface TimeInputs {
	from: string;
	to: string;
}

/** One row's two ranges, and whether the second one is shown (with JavaScript; always without). */
export interface RangeInputs {
	ranges: [TimeInputs, TimeInputs];
	split: boolean;
}

export interface DayInputs extends RangeInputs {
	open: boolean;
}

export const HOLIDAY_RULES = ['usual', 'closed', 'open'] as const;
export type HolidayRule = (typeof HOLIDAY_RULES)[number];

export interface HolidayInputs extends RangeInputs {
	rule: HolidayRule;
}

export interface HoursEditorState {
	days: Record<Weekday, DayInputs>;
	holidays: HolidayInputs;
}

const ON = 'on';
const EMPTY: TimeInputs = { from: '', to: '' };

/** A time input cannot show 24:00: the end of the day is shown, and typed, as 00:00. */
const shownEnd = (to: string) => (to === '24:00' ? '00:00' : to);

function rangeInputs(ranges: TimeRange[]): RangeInputs {
	const shown = ranges.map((r) => ({ from: r.from, to: shownEnd(r.to) }));
	return { ranges: [shown[0] ?? { ...EMPTY }, shown[1] ?? { ...EMPTY }], split: shown.length > 1 };
}

/** What the editor shows for a week (closed days and usual holidays with empty times). */
export function editorFromWeek(week: WeeklyHours): HoursEditorState {
	const days = {} as Record<Weekday, DayInputs>;
	for (const day of WEEKDAYS) days[day] = { open: week[day].length > 0, ...rangeInputs(week[day]) };
	const rule: HolidayRule = week.PH === null ? 'usual' : week.PH.length ? 'open' : 'closed';
	return { days, holidays: { rule, ...rangeInputs(week.PH ?? []) } };
}

/** A first visit: Monday to Saturday 10:00–19:00, and these times ready on Sunday if it opens. */
export function freshEditor(): HoursEditorState {
	const state = editorFromWeek(closedWeek());
	WEEKDAYS.forEach((day, i) => {
		state.days[day].open = i < 6;
		state.days[day].ranges[0] = { from: '10:00', to: '19:00' };
	});
	return state;
}

/** The ranges a row's inputs describe, or what is wrong with them. */
function readRanges(inputs: RangeInputs): { ranges: TimeRange[] } | { problem: DayProblem } {
	const ranges: TimeRange[] = [];
	for (const typed of inputs.ranges) {
		const fromTyped = typed.from.trim();
		const toTyped = typed.to.trim();
		if (!fromTyped && !toTyped) continue;
		const from = normalizeTime(fromTyped);
		const to = normalizeTime(toTyped);
		if (!from || !to) return { problem: 'hours_time_invalid' };
		ranges.push({ from, to: to === '00:00' ? '24:00' : to });
	}
	if (ranges.length === 0) return { problem: 'hours_time_invalid' };
	const problem = dayProblem(ranges);
	return problem ? { problem } : { ranges };
}

/** The week the editor describes, and the problem of each row that is wrong. */
export function weekFromEditor(state: HoursEditorState): {
	week: WeeklyHours;
	problems: Partial<Record<HoursRow, DayProblem>>;
} {
	const week = closedWeek();
	const problems: Partial<Record<HoursRow, DayProblem>> = {};
	for (const day of WEEKDAYS) {
		if (!state.days[day].open) continue;
		const read = readRanges(state.days[day]);
		if ('problem' in read) problems[day] = read.problem;
		else week[day] = read.ranges;
	}
	const { rule } = state.holidays;
	if (rule === 'closed') week.PH = [];
	if (rule === 'open') {
		const read = readRanges(state.holidays);
		if ('problem' in read) problems.PH = read.problem;
		else week.PH = read.ranges;
	}
	return { week, problems };
}

/**
 * Monday's ranges on every other day ("Appliquer les horaires du lundi"): open days then keep
 * Monday's hours, closed days stay closed with them ready; public holidays are left as they are.
 */
export function copyMondayToAllDays(state: HoursEditorState): HoursEditorState {
	const monday = state.days.Mo;
	const days = { ...state.days };
	for (const day of WEEKDAYS.slice(1)) {
		days[day] = {
			open: state.days[day].open,
			ranges: [{ ...monday.ranges[0] }, { ...monday.ranges[1] }],
			split: monday.split
		};
	}
	return { days, holidays: state.holidays };
}

/** The editor's state from a posted (or pre-filled) form; a form without hours is a first visit. */
export function editorFromForm(form: ApplicationForm): HoursEditorState {
	if (!form[hoursInput.mode]) return freshEditor();
	const text = (name: string) => form[name] ?? '';
	const rangesOf = (row: HoursRow): RangeInputs => {
		const ranges = ([1, 2] as const).map((i) => ({
			from: text(hoursInput.from(row, i)),
			to: text(hoursInput.to(row, i))
		})) as [TimeInputs, TimeInputs];
		return { ranges, split: Boolean(ranges[1].from || ranges[1].to) };
	};
	const days = {} as Record<Weekday, DayInputs>;
	for (const day of WEEKDAYS) {
		days[day] = { open: form[hoursInput.open(day)] === ON, ...rangesOf(day) };
	}
	const posted = text(hoursInput.holidays);
	const rule = HOLIDAY_RULES.find((r) => r === posted) ?? 'usual';
	return { days, holidays: { rule, ...rangesOf('PH') } };
}

/** The editor's inputs, as the form posts them (the mode is the caller's). */
export function editorToForm(state: HoursEditorState): ApplicationForm {
	const form: ApplicationForm = {};
	const write = (row: HoursRow, inputs: RangeInputs) => {
		([1, 2] as const).forEach((i) => {
			form[hoursInput.from(row, i)] = inputs.ranges[i - 1].from;
			form[hoursInput.to(row, i)] = inputs.ranges[i - 1].to;
		});
	};
	for (const day of WEEKDAYS) {
		form[hoursInput.open(day)] = state.days[day].open ? ON : '';
		write(day, state.days[day]);
	}
	form[hoursInput.holidays] = state.holidays.rule;
	write('PH', state.holidays);
	return form;
}

/** A posted form with Monday's hours copied to the other days (the button, without JavaScript). */
export function copyMondayInForm(form: ApplicationForm): ApplicationForm {
	return { ...form, ...editorToForm(copyMondayToAllDays(editorFromForm(form))) };
}

/** The editor's inputs for a week. */
export const weekToForm = (week: WeeklyHours) => editorToForm(editorFromWeek(week));

/** The week a posted form's editor describes, with the error of each row that is wrong. */
export function readWeek(form: ApplicationForm): { week: WeeklyHours; errors: ApplicationErrors } {
	const { week, problems } = weekFromEditor(editorFromForm(form));
	const errors: ApplicationErrors = {};
	for (const row of HOURS_ROWS) {
		const problem = problems[row];
		if (problem) errors[`hours_${row}`] = problem;
	}
	return { week, errors };
}
