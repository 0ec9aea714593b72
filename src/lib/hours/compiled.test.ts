/**
 * The compiled weekly intervals answer exactly as the opening_hours library does (isOpenAt and
 * todaysIntervals), for the demo's hours and harder values, at generated instants: any time of
 * 2024-2027, and minute by minute around the daylight-saving changes and public holidays.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CompiledHours, compileWeek, weekDayIntervals, weekOpenAt } from './compiled';
import { isOpenAt, parisWallMs, todaysIntervals } from './open-now';
import { OPENING_HOURS } from '../../../scripts/demo/words';

const HARD_VALUES = [
	'Mo-Sa 10:00-19:00; PH off',
	'Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-13:00',
	'24/7',
	'Mo-Su 22:00-02:00',
	'Mo-Su 01:30-03:30',
	'Mo-Su 02:00-03:00; Su off',
	'Mo 10:00-12:00 "sur rendez-vous"; Tu-Sa 10:00-19:00',
	'Jan-Mar Mo-Fr 10:00-18:00; Apr-Dec Mo-Su 09:00-20:00',
	'Mo-Su 00:00-00:01',
	'week 1-53/2 Mo-Fr 10:00-12:00',
	'Mo-Su 10:00-20:00; PH 12:00-16:00',
	'Dec 25 off; Mo-Su 08:00-23:00',
	'Mo-Sa 10:00+',
	'not hours at all'
];
const VALUES = [...new Set([...Object.values(OPENING_HOURS).flat(), ...HARD_VALUES])];

const FROM = Date.UTC(2024, 0, 1);
const TO = Date.UTC(2027, 11, 31);

/** Minute by minute over a few hours around instants where things change. */
const EDGES = [
	'2025-03-30T00:00:00Z', // spring forward (01:00 UTC)
	'2025-10-26T00:00:00Z', // fall back (01:00 UTC)
	'2026-03-28T22:00:00Z', // the night before the 2026 spring change
	'2026-07-13T21:00:00Z', // 14 July, a public holiday
	'2025-12-24T21:00:00Z', // Christmas
	'2025-01-05T22:30:00Z' // a Sunday-Monday midnight
].flatMap((iso) => {
	const start = new Date(iso).getTime();
	return Array.from({ length: 6 * 60 }, (_, i) => new Date(start + i * 60_000 + 17_000));
});

function expectSame(value: string, instant: Date) {
	const wall = parisWallMs(instant);
	const week = compileWeek(value, wall);
	expect(weekOpenAt(week, wall), `${value} at ${instant.toISOString()}`).toBe(
		isOpenAt(value, instant)
	);
	expect(weekDayIntervals(week, wall), `${value} on ${instant.toISOString()}`).toEqual(
		todaysIntervals(value, instant)
	);
}

describe('compiled opening hours', () => {
	it('agree with the library at any instant of 2024-2027', () => {
		fc.assert(
			fc.property(fc.constantFrom(...VALUES), fc.integer({ min: FROM, max: TO }), (value, ms) =>
				expectSame(value, new Date(ms))
			),
			{ numRuns: 3000 }
		);
	});

	it('agree with the library minute by minute around clock changes and holidays', () => {
		for (const value of HARD_VALUES) {
			const compiled = new CompiledHours([value]);
			for (const instant of EDGES) {
				expect(
					compiled.openAt(0, parisWallMs(instant)),
					`${value} at ${instant.toISOString()}`
				).toBe(isOpenAt(value, instant));
			}
		}
	});

	it('at() answers for many values at one instant, null for none', () => {
		const compiled = new CompiledHours(VALUES);
		const instant = new Date('2026-07-14T10:00:00Z');
		const openNow = compiled.at(instant);
		VALUES.forEach((value, group) => expect(openNow(group), value).toBe(isOpenAt(value, instant)));
		expect(openNow(-1)).toBeNull();
	});
});
