import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	fromParisWallClock,
	isOpenAt,
	nextChange,
	parisWallClock,
	parisWallMs,
	todaysIntervals,
	validateOpeningHours,
	weeklySummary
} from './open-now';

/** The local fields of a wall-clock Date, as 'YYYY-MM-DD HH:MM' (weekday 0 = Sunday). */
function fields(d: Date): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())} day${d.getDay()}`;
}

const at = (iso: string) => new Date(iso);

// 2026-07-14 is a Tuesday (and Bastille Day); 2026-07-19 a Sunday; 2026-01-15 a Thursday.
// Paris is UTC+2 in summer, UTC+1 in winter; the clocks change on 2026-03-29 and 2026-10-25
// at 01:00 UTC.

describe('parisWallClock', () => {
	it('gives Paris summer time (UTC+2)', () => {
		expect(fields(parisWallClock(at('2026-07-14T10:00:00Z')))).toBe('2026-07-14 12:00 day2');
	});

	it('gives Paris winter time (UTC+1)', () => {
		expect(fields(parisWallClock(at('2026-01-15T08:30:00Z')))).toBe('2026-01-15 09:30 day4');
	});

	it('follows the spring change: 01:59 then 03:00', () => {
		expect(fields(parisWallClock(at('2026-03-29T00:59:00Z')))).toBe('2026-03-29 01:59 day0');
		expect(fields(parisWallClock(at('2026-03-29T01:00:00Z')))).toBe('2026-03-29 03:00 day0');
	});

	it('follows the autumn change: 02:30 twice', () => {
		expect(fields(parisWallClock(at('2026-10-25T00:30:00Z')))).toBe('2026-10-25 02:30 day0');
		expect(fields(parisWallClock(at('2026-10-25T01:30:00Z')))).toBe('2026-10-25 02:30 day0');
	});

	it('moves to the next Paris day before UTC does', () => {
		expect(fields(parisWallClock(at('2026-07-14T22:30:00Z')))).toBe('2026-07-15 00:30 day3');
	});
});

describe('fromParisWallClock', () => {
	it('inverts parisWallClock in summer and winter', () => {
		for (const iso of ['2026-07-14T10:00:00.000Z', '2026-01-15T08:30:00.000Z']) {
			expect(fromParisWallClock(parisWallClock(at(iso))).toISOString()).toBe(iso);
		}
	});

	it('picks the occurrence after `after` when autumn repeats an hour', () => {
		const wall = new Date(2026, 9, 25, 2, 45);
		expect(fromParisWallClock(wall).toISOString()).toBe('2026-10-25T00:45:00.000Z');
		expect(fromParisWallClock(wall, at('2026-10-25T01:00:00Z')).toISOString()).toBe(
			'2026-10-25T01:45:00.000Z'
		);
	});

	// A process running in Paris time cannot even build that local time (and never needs to).
	const skipped = new Date(2026, 2, 29, 2, 30);
	it.runIf(skipped.getHours() === 2)(
		'maps a time skipped in spring to the instant of the jump',
		() => {
			expect(fromParisWallClock(skipped).toISOString()).toBe('2026-03-29T01:00:00.000Z');
		}
	);
});

describe('validateOpeningHours', () => {
	it('accepts valid values and gives their canonical spelling', () => {
		expect(validateOpeningHours('Mo-Sa 10:00-20:00')).toEqual({
			ok: true,
			pretty: 'Mo-Sa 10:00-20:00'
		});
		expect(validateOpeningHours('mo-fr 10h-20h')).toEqual({
			ok: true,
			pretty: 'Mo-Fr 10:00-20:00'
		});
		// French day names typed by merchants are understood too.
		expect(validateOpeningHours('Lu-Ve 9h-18h')).toEqual({ ok: true, pretty: 'Mo-Fr 09:00-18:00' });
	});

	it('rejects invalid values with a message, without throwing', () => {
		for (const bad of ['ouvert tous les jours', '', 'Mo-Sa 25:00-26:00']) {
			const r = validateOpeningHours(bad);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
		}
	});
});

describe('isOpenAt', () => {
	it('Mo-Sa 10:00-20:00: open on Tuesday noon in Paris, closed on Sunday', () => {
		expect(isOpenAt('Mo-Sa 10:00-20:00', at('2026-07-14T10:00:00Z'))).toBe(true);
		expect(isOpenAt('Mo-Sa 10:00-20:00', at('2026-07-19T10:00:00Z'))).toBe(false);
	});

	it('uses Paris time for the limits: 19:59 open, 20:00 closed', () => {
		expect(isOpenAt('Mo-Sa 10:00-20:00', at('2026-07-14T17:59:00Z'))).toBe(true);
		expect(isOpenAt('Mo-Sa 10:00-20:00', at('2026-07-14T18:00:00Z'))).toBe(false);
	});

	it('24/7 is always open', () => {
		expect(isOpenAt('24/7', at('2026-07-19T01:23:00Z'))).toBe(true);
	});

	it('split hours: closed at 16:00, open at 20:00', () => {
		const v = 'Mo-Su 12:00-14:30,19:00-23:00';
		expect(isOpenAt(v, at('2026-07-14T14:00:00Z'))).toBe(false);
		expect(isOpenAt(v, at('2026-07-14T18:00:00Z'))).toBe(true);
	});

	it('reads 09:30 in Paris as 09:30 in winter (UTC+1) and in summer (UTC+2)', () => {
		const v = 'Mo-Fr 09:30-18:00';
		expect(isOpenAt(v, at('2026-01-15T08:29:00Z'))).toBe(false);
		expect(isOpenAt(v, at('2026-01-15T08:30:00Z'))).toBe(true);
		expect(isOpenAt(v, at('2026-07-15T07:29:00Z'))).toBe(false);
		expect(isOpenAt(v, at('2026-07-15T07:30:00Z'))).toBe(true);
	});

	it('uses the Paris day: 22:30 UTC on Tuesday is Wednesday in Paris', () => {
		expect(isOpenAt('We 00:00-01:00', at('2026-07-14T22:30:00Z'))).toBe(true);
		expect(isOpenAt('Tu 22:00-24:00', at('2026-07-14T22:30:00Z'))).toBe(false);
	});

	it('knows French public holidays (14 July)', () => {
		const v = 'Mo-Sa 10:00-20:00; PH off';
		expect(isOpenAt(v, at('2026-07-14T10:00:00Z'))).toBe(false);
		expect(isOpenAt(v, at('2026-07-15T10:00:00Z'))).toBe(true);
	});

	it('is null for invalid values and unknown states', () => {
		expect(isOpenAt('ouvert tous les jours', at('2026-07-14T10:00:00Z'))).toBeNull();
		expect(isOpenAt('Mo-Fr unknown', at('2026-07-14T10:00:00Z'))).toBeNull();
	});
});

describe('todaysIntervals', () => {
	it('lists both services of a restaurant', () => {
		expect(todaysIntervals('Mo-Su 12:00-14:30,19:00-23:00', at('2026-07-14T14:00:00Z'))).toEqual([
			{ from: '12:00', to: '14:30' },
			{ from: '19:00', to: '23:00' }
		]);
	});

	it('cuts hours past midnight at the day limits', () => {
		// Saturday 18 July 2026: the end of Friday night, then Saturday evening.
		expect(todaysIntervals('Fr-Sa 18:00-02:00', at('2026-07-18T10:00:00Z'))).toEqual([
			{ from: '00:00', to: '02:00' },
			{ from: '18:00', to: '24:00' }
		]);
	});

	it('gives 00:00-24:00 for 24/7, even on the day the clocks change', () => {
		expect(todaysIntervals('24/7', at('2026-03-29T12:00:00Z'))).toEqual([
			{ from: '00:00', to: '24:00' }
		]);
	});

	it('is empty on a closed day and for an invalid value', () => {
		expect(todaysIntervals('Mo-Sa 10:00-20:00', at('2026-07-19T10:00:00Z'))).toEqual([]);
		expect(todaysIntervals('n’importe quoi', at('2026-07-19T10:00:00Z'))).toEqual([]);
	});
});

describe('nextChange', () => {
	it('gives the real instant of the next opening or closing', () => {
		const split = 'Mo-Su 12:00-14:30,19:00-23:00';
		expect(nextChange(split, at('2026-07-14T14:00:00Z'))?.toISOString()).toBe(
			'2026-07-14T17:00:00.000Z'
		);
		expect(nextChange('Mo-Sa 10:00-20:00', at('2026-07-14T10:00:00Z'))?.toISOString()).toBe(
			'2026-07-14T18:00:00.000Z'
		);
		// Sunday noon → Monday 10:00 Paris.
		expect(nextChange('Mo-Sa 10:00-20:00', at('2026-07-19T10:00:00Z'))?.toISOString()).toBe(
			'2026-07-20T08:00:00.000Z'
		);
		// Thursday 09:30 in winter → 10:00 Paris = 09:00 UTC.
		expect(nextChange('Mo-Sa 10:00-20:00', at('2026-01-15T08:30:00Z'))?.toISOString()).toBe(
			'2026-01-15T09:00:00.000Z'
		);
	});

	it('counts the hour lost in spring and the hour gained in autumn', () => {
		const v = 'Mo-Su 01:00-04:00';
		// 01:30 CET, open; closes at 04:00 CEST = 02:00 UTC, only 1 h 30 later.
		expect(nextChange(v, at('2026-03-29T00:30:00Z'))?.toISOString()).toBe(
			'2026-03-29T02:00:00.000Z'
		);
		// 01:30 CEST, open; closes at 04:00 CET = 03:00 UTC, 3 h 30 later.
		expect(nextChange(v, at('2026-10-24T23:30:00Z'))?.toISOString()).toBe(
			'2026-10-25T03:00:00.000Z'
		);
	});

	it('is null when nothing ever changes or the value is invalid', () => {
		expect(nextChange('24/7', at('2026-07-14T10:00:00Z'))).toBeNull();
		expect(nextChange('ouvert', at('2026-07-14T10:00:00Z'))).toBeNull();
	});
});

describe('weeklySummary', () => {
	it('gives Monday to Sunday of the Paris week', () => {
		const week = weeklySummary('Mo-Fr 10:00-19:00; Sa 10:00-13:00', at('2026-07-15T10:00:00Z'));
		const weekday = [{ from: '10:00', to: '19:00' }];
		expect(week).toEqual([
			{ day: 0, intervals: weekday },
			{ day: 1, intervals: weekday },
			{ day: 2, intervals: weekday },
			{ day: 3, intervals: weekday },
			{ day: 4, intervals: weekday },
			{ day: 5, intervals: [{ from: '10:00', to: '13:00' }] },
			{ day: 6, intervals: [] }
		]);
	});

	it('applies the holidays of that week and starts it on the Paris Monday', () => {
		const v = 'Mo-Sa 10:00-20:00; PH off';
		// Sunday 19 July, 22:00 Paris: week of 13-19 July, Tuesday is 14 July.
		expect(weeklySummary(v, at('2026-07-19T20:00:00Z'))[1].intervals).toEqual([]);
		// 22:30 UTC the same Sunday is already Monday 20 July in Paris: next week.
		expect(weeklySummary(v, at('2026-07-19T22:30:00Z'))[1].intervals).toEqual([
			{ from: '10:00', to: '20:00' }
		]);
	});

	it('is empty for an invalid value', () => {
		expect(weeklySummary('ouvert tous les jours', at('2026-07-15T10:00:00Z'))).toEqual([]);
	});
});

describe('parisWallMs', () => {
	/** The Paris wall clock as Intl writes it, on a UTC timeline. */
	const written = (instant: Date) => {
		const f: Record<string, number> = {};
		const format = new Intl.DateTimeFormat('en-US', {
			timeZone: 'Europe/Paris',
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		for (const p of format.formatToParts(instant)) if (p.type !== 'literal') f[p.type] = +p.value;
		return Date.UTC(
			f.year,
			f.month - 1,
			f.day,
			f.hour,
			f.minute,
			f.second,
			instant.getTime() % 1000
		);
	};

	it('reads the offset once per hour and still agrees with Intl, across daylight-saving changes', () => {
		// The 2026 changes (29 March and 25 October, 01:00 UTC), a few seconds either side.
		for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
			for (const s of [-3601, -1, 0, 1, 3599]) {
				const instant = new Date(Date.parse(change) + s * 1000);
				expect(parisWallMs(instant), instant.toISOString()).toBe(written(instant));
			}
		}
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
				expect(parisWallMs(new Date(ms))).toBe(written(new Date(ms)));
			}),
			{ numRuns: 2000 }
		);
	});
});
