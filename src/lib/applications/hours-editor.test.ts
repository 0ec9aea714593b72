import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	WEEKDAYS,
	closedWeek,
	openingHoursToWeekly,
	weeklyToOpeningHours,
	type TimeRange,
	type WeeklyHours
} from '../hours/weekly';
import { validateOpeningHours } from '../hours/open-now';
import {
	copyMondayInForm,
	copyMondayToAllDays,
	editorFromForm,
	editorFromWeek,
	editorToForm,
	freshEditor,
	hoursInput,
	readWeek,
	weekFromEditor,
	type HoursEditorState
} from './hours-editor';

const time = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * One day's hours as a merchant enters them (5-minute steps, as the time inputs): closed, one
 * range, or two ranges with a break between them (a split day); a day may close at midnight
 * (24:00, which the editor shows, and reads back, as 00:00).
 */
const none: TimeRange[] = [];
const dayHours: fc.Arbitrary<TimeRange[]> = fc.oneof(
	fc.constant(none),
	fc
		.uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 2, maxLength: 2 })
		.map(([a, b]) => [{ from: time(Math.min(a, b) * 5), to: time(Math.max(a, b) * 5) }]),
	fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 4, maxLength: 4 }).map((points) => {
		const [a, b, c, d] = points.sort((x, y) => x - y).map((p) => time(p * 5));
		return [
			{ from: a, to: b },
			{ from: c, to: d }
		];
	})
);

/** Weekly schedules: split days, closed days, and public holidays as usual, off or open. */
const weeks: fc.Arbitrary<WeeklyHours> = fc
	.record({
		days: fc.tuple(...WEEKDAYS.map(() => dayHours)),
		PH: fc.oneof<fc.Arbitrary<TimeRange[] | null>[]>(
			fc.constant(null),
			fc.constant(none),
			fc.constant([{ from: '10:00', to: '18:00' }] as TimeRange[]),
			dayHours
		)
	})
	.map(({ days, PH }) => {
		const week = closedWeek();
		WEEKDAYS.forEach((day, i) => (week[day] = days[i]));
		week.PH = PH;
		return week;
	});

/** Anything the inputs may hold, including times kept in closed days and half-typed ranges. */
const typedTime = fc.oneof(
	fc.constant(''),
	fc.integer({ min: 0, max: 287 }).map((p) => time(p * 5))
);
const typedRanges = fc.record({
	ranges: fc.tuple(
		fc.record({ from: typedTime, to: typedTime }),
		fc.record({ from: typedTime, to: typedTime })
	),
	split: fc.boolean()
});
const editors: fc.Arbitrary<HoursEditorState> = fc.record({
	days: fc.record(
		Object.fromEntries(
			WEEKDAYS.map((day) => [
				day,
				fc.record({ open: fc.boolean() }).chain((o) => typedRanges.map((r) => ({ ...o, ...r })))
			])
		) as Record<(typeof WEEKDAYS)[number], fc.Arbitrary<HoursEditorState['days']['Mo']>>
	),
	holidays: fc
		.record({
			rule: fc.constantFrom('usual', 'closed', 'open') as fc.Arbitrary<'usual' | 'closed' | 'open'>
		})
		.chain((o) => typedRanges.map((r) => ({ ...o, ...r })))
});

/** What is saved: the editor's week as opening_hours, in the library's canonical spelling. */
function saved(state: HoursEditorState): string {
	const { week, problems } = weekFromEditor(state);
	expect(problems).toEqual({});
	const value = weeklyToOpeningHours(week);
	const checked = validateOpeningHours(value);
	expect(checked).toEqual({ ok: true, pretty: value });
	return value;
}

/** The editor a stored value opens (re-editing saved hours). */
function reopened(value: string): HoursEditorState {
	const week = openingHoursToWeekly(value);
	expect(week, value).not.toBeNull();
	return editorFromWeek(week!);
}

// The opening_hours library parses each value (a few milliseconds each, more on a busy machine).
describe('the hours editor ⇄ opening_hours', { timeout: 60_000 }, () => {
	it('round-trips: editor → opening_hours → editor is the same editor', () => {
		fc.assert(
			fc.property(weeks, (week) => {
				const state = editorFromWeek(week);
				expect(weekFromEditor(state)).toEqual({ week, problems: {} });
				expect(reopened(saved(state))).toEqual(state);
			}),
			{ numRuns: 200 }
		);
	});

	it('round-trips through the posted form (the page without JavaScript)', () => {
		fc.assert(
			fc.property(editors, (state) => {
				const form = { [hoursInput.mode]: 'weekly', ...editorToForm(state) };
				const back = editorFromForm(form);
				// Whether the second range shows follows from what it holds.
				const split = (r: HoursEditorState['days']['Mo']) =>
					Boolean(r.ranges[1].from || r.ranges[1].to);
				for (const day of WEEKDAYS) {
					expect(back.days[day]).toEqual({ ...state.days[day], split: split(state.days[day]) });
				}
				expect(back.holidays.rule).toBe(state.holidays.rule);
				expect(back.holidays.ranges).toEqual(state.holidays.ranges);
			})
		);
	});

	it('copy to all days gives every day Monday’s ranges, and saves them for every open day', () => {
		fc.assert(
			fc.property(weeks, (week) => {
				const state = editorFromWeek(week);
				const copied = copyMondayToAllDays(state);
				for (const day of WEEKDAYS) {
					expect(copied.days[day].ranges).toEqual(state.days.Mo.ranges);
					expect(copied.days[day].split).toBe(state.days.Mo.split);
					expect(copied.days[day].open).toBe(state.days[day].open);
				}
				expect(copied.holidays).toEqual(state.holidays);
				if (week.Mo.length === 0) return;
				// Saved, then reopened: the afternoons are still there, on every open day.
				const again = reopened(saved(copied));
				const { week: back } = weekFromEditor(again);
				for (const day of WEEKDAYS) {
					expect(back[day]).toEqual(week[day].length ? week.Mo : []);
				}
				expect(back.PH).toEqual(week.PH);
				expect(saved(again)).toBe(saved(copied));
			}),
			{ numRuns: 200 }
		);
	});

	it('copies the same on the server (without JavaScript) as in the page', () => {
		fc.assert(
			fc.property(editors, (state) => {
				const form = { [hoursInput.mode]: 'weekly', ...editorToForm(state) };
				expect(copyMondayInForm(form)).toEqual({
					...form,
					...editorToForm(copyMondayToAllDays(state))
				});
			})
		);
	});
});

describe('the hours editor, examples', () => {
	it('starts a first visit Monday to Saturday 10:00–19:00, holidays as usual', () => {
		const form = editorToForm(freshEditor());
		expect(readWeek({ ...form, [hoursInput.mode]: 'weekly' }).week).toEqual({
			...closedWeek(),
			...Object.fromEntries(WEEKDAYS.slice(0, 6).map((d) => [d, [{ from: '10:00', to: '19:00' }]]))
		});
		expect(editorFromForm({})).toEqual(freshEditor());
	});

	it('copies a split Monday to reopened single-range days (the lost afternoons of issue 14)', () => {
		const state = reopened('Mo 10:00-13:00,14:00-19:00; Tu-Sa 10:00-19:00; PH off');
		const value = saved(copyMondayToAllDays(state));
		expect(value).toBe('Mo-Sa 10:00-13:00,14:00-19:00; PH off');
	});

	it('reads midnight typed as 00:00, and shows 24:00 as 00:00', () => {
		const state = reopened('Fr 18:00-24:00');
		expect(state.days.Fr.ranges[0]).toEqual({ from: '18:00', to: '00:00' });
		expect(saved(state)).toBe('Fr 18:00-24:00');
	});
});
