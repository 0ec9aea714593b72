import { describe, expect, it } from 'vitest';
import {
	WEEKDAYS,
	closedWeek,
	dayProblem,
	defaultWeek,
	normalizeTime,
	openingHoursToWeekly,
	weeklyToOpeningHours,
	type WeeklyHours
} from './weekly';
import { validateOpeningHours, weeklySummary } from './open-now';

const week = (days: Partial<WeeklyHours>): WeeklyHours => ({ ...closedWeek(), ...days });
const r = (from: string, to: string) => ({ from, to });

describe('normalizeTime', () => {
	it.each([
		['9:30', '09:30'],
		['09:30', '09:30'],
		['9h30', '09:30'],
		['9h', '09:00'],
		['18', '18:00'],
		[' 18 h 15 ', '18:15'],
		['24:00', '24:00'],
		['0:00', '00:00'],
		['930', '09:30'],
		['1030', '10:30'],
		['2400', '24:00']
	])('%s → %s', (input, expected) => expect(normalizeTime(input)).toBe(expected));

	it.each(['', '25:00', '24:30', '9:75', 'midi', '9:5', '-1:00', '2430', '975', '10300'])(
		'refuses %s',
		(input) => expect(normalizeTime(input)).toBeNull()
	);
});

describe('dayProblem', () => {
	it('accepts a closed day, one range, two ranges in order, a range to midnight', () => {
		expect(dayProblem([])).toBeNull();
		expect(dayProblem([r('10:00', '19:00')])).toBeNull();
		expect(dayProblem([r('09:00', '12:30'), r('14:00', '19:00')])).toBeNull();
		expect(dayProblem([r('18:00', '24:00')])).toBeNull();
	});
	it('refuses an empty or reversed range, overlapping ranges, unnormalised times', () => {
		expect(dayProblem([r('19:00', '10:00')])).toBe('hours_range_order');
		expect(dayProblem([r('10:00', '10:00')])).toBe('hours_range_order');
		expect(dayProblem([r('09:00', '13:00'), r('12:00', '19:00')])).toBe('hours_overlap');
		expect(dayProblem([r('14:00', '19:00'), r('09:00', '12:00')])).toBe('hours_overlap');
		expect(dayProblem([r('9:00', '12:00')])).toBe('hours_time_invalid');
	});
});

describe('weeklyToOpeningHours', () => {
	it('groups days with the same hours, in week order, leaving closed days out', () => {
		expect(weeklyToOpeningHours(defaultWeek())).toBe('Mo-Sa 10:00-19:00');
		expect(
			weeklyToOpeningHours(
				week({
					Mo: [r('10:00', '19:00')],
					Tu: [r('10:00', '19:00')],
					We: [r('10:00', '19:00')],
					Th: [r('10:00', '21:00')],
					Fr: [r('10:00', '19:00')],
					Sa: [r('09:30', '12:30'), r('14:00', '20:00')]
				})
			)
		).toBe('Mo-We,Fr 10:00-19:00; Th 10:00-21:00; Sa 09:30-12:30,14:00-20:00');
		expect(
			weeklyToOpeningHours(week({ Sa: [r('10:00', '18:00')], Su: [r('10:00', '18:00')] }))
		).toBe('Sa,Su 10:00-18:00');
	});
	it('says off when never open', () => {
		expect(weeklyToOpeningHours(closedWeek())).toBe('off');
	});
	it('writes what the opening_hours library accepts as already canonical', () => {
		const value = weeklyToOpeningHours(
			week({ Tu: [r('08:00', '12:00'), r('13:30', '24:00')], Th: [r('08:00', '12:00')] })
		);
		expect(validateOpeningHours(value)).toEqual({ ok: true, pretty: value });
	});
	it('means, for the library, exactly the week that was edited', () => {
		const edited = week({
			Mo: [r('09:00', '12:00'), r('14:00', '18:30')],
			We: [r('10:00', '24:00')],
			Sa: [r('11:00', '17:00')],
			Su: [r('11:00', '17:00')]
		});
		// 2026-11-23 is a Monday with no public holiday that week.
		const summary = weeklySummary(weeklyToOpeningHours(edited), new Date('2026-11-25T12:00:00Z'));
		expect(summary.map((d) => d.intervals)).toEqual(WEEKDAYS.map((d) => edited[d]));
	});
});

describe('openingHoursToWeekly', () => {
	it('reads the simple syntax, with or without the canonical spelling', () => {
		expect(openingHoursToWeekly('Mo-Sa 10:00-19:00')).toEqual(defaultWeek());
		expect(openingHoursToWeekly('mo-sa 10h-19h')).toEqual(defaultWeek());
		// The library also understands some French ('lundi' → Mo) and writes it canonically.
		expect(openingHoursToWeekly('lundi 10-19')).toEqual(week({ Mo: [r('10:00', '19:00')] }));
		expect(openingHoursToWeekly('Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-13:00')).toEqual(
			week({
				Mo: [r('09:00', '12:00'), r('14:00', '18:00')],
				Tu: [r('09:00', '12:00'), r('14:00', '18:00')],
				We: [r('09:00', '12:00'), r('14:00', '18:00')],
				Th: [r('09:00', '12:00'), r('14:00', '18:00')],
				Fr: [r('09:00', '12:00'), r('14:00', '18:00')],
				Sa: [r('10:00', '13:00')]
			})
		);
	});
	it('lets a later rule replace the hours of the days it names', () => {
		expect(openingHoursToWeekly('Mo-Sa 10:00-19:00; We off; Sa 10:00-20:00')).toEqual(
			week({
				Mo: [r('10:00', '19:00')],
				Tu: [r('10:00', '19:00')],
				Th: [r('10:00', '19:00')],
				Fr: [r('10:00', '19:00')],
				Sa: [r('10:00', '20:00')]
			})
		);
	});
	it('reads every day, 24/7 and day ranges across Sunday', () => {
		const everyDay = openingHoursToWeekly('10:00-19:00');
		expect(WEEKDAYS.map((d) => everyDay?.[d])).toEqual(WEEKDAYS.map(() => [r('10:00', '19:00')]));
		expect(openingHoursToWeekly('24/7')?.Su).toEqual([r('00:00', '24:00')]);
		expect(openingHoursToWeekly('Sa-Mo 10:00-12:00')).toEqual(
			week({ Sa: [r('10:00', '12:00')], Su: [r('10:00', '12:00')], Mo: [r('10:00', '12:00')] })
		);
	});
	it('reads public holidays closed, with their own hours, or named with weekdays', () => {
		expect(openingHoursToWeekly('Mo-Sa 10:00-19:00; PH off')).toEqual({
			...defaultWeek(),
			PH: []
		});
		expect(openingHoursToWeekly('Mo-Sa 10:00-19:00; PH 10:00-13:00,14:00-18:00')).toEqual({
			...defaultWeek(),
			PH: [r('10:00', '13:00'), r('14:00', '18:00')]
		});
		expect(openingHoursToWeekly('Mo-Sa,PH 10:00-19:00')).toEqual({
			...defaultWeek(),
			PH: [r('10:00', '19:00')]
		});
		expect(weeklyToOpeningHours({ ...defaultWeek(), PH: [] })).toBe('Mo-Sa 10:00-19:00; PH off');
		expect(weeklyToOpeningHours({ ...closedWeek(), PH: [r('10:00', '18:00')] })).toBe(
			'PH 10:00-18:00'
		);
	});
	it('gives up on what the editor cannot show, and on invalid syntax', () => {
		for (const value of [
			'Mo-Sa 10:00-19:00; SH off',
			'PH off; Mo-Sa 10:00-19:00',
			'Jan-Mar Mo-Fr 10:00-18:00',
			'Mo 08:00-10:00,11:00-12:00,14:00-16:00',
			'Fr 22:00-02:00',
			'Mo-Fr 10:00-18:00 "sur rendez-vous"',
			'Mo-Fr 10:00-',
			'ouvert',
			''
		]) {
			expect(openingHoursToWeekly(value), value).toBeNull();
		}
	});
	it('round-trips: week → syntax → week, and canonical syntax → week → syntax', () => {
		const weeks: WeeklyHours[] = [
			defaultWeek(),
			closedWeek(),
			week({ Su: [r('00:00', '24:00')] }),
			week({
				Mo: [r('07:00', '11:30'), r('12:00', '23:00')],
				Tu: [r('07:00', '11:30'), r('12:00', '23:00')],
				Th: [r('10:00', '19:00')],
				Fr: [r('07:00', '11:30'), r('12:00', '23:00')],
				Su: [r('10:00', '19:00')]
			})
		];
		for (const w of weeks) expect(openingHoursToWeekly(weeklyToOpeningHours(w))).toEqual(w);
		for (const value of [
			'Mo-Sa 10:00-19:00',
			'Mo,We,Fr 09:00-12:00,14:00-18:00; Sa 10:00-13:00',
			'Tu-Su 11:00-23:00',
			'Mo,Tu 10:00-18:00; Th-Sa 10:00-20:00'
		]) {
			const back = openingHoursToWeekly(value);
			expect(back, value).not.toBeNull();
			expect(weeklyToOpeningHours(back!)).toBe(value);
		}
	});
});
