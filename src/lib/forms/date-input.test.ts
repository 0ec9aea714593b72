import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateParts, isoFromParts, readDate, shownParts, withDates } from './date-input';

describe('a day typed in three parts', () => {
	it('reads day, month and year as YYYY-MM-DD, with or without leading zeros', () => {
		expect(isoFromParts({ day: '5', month: '3', year: '2026' })).toBe('2026-03-05');
		expect(isoFromParts({ day: '05', month: '03', year: '2026' })).toBe('2026-03-05');
		expect(isoFromParts({ day: ' 31 ', month: '12', year: '2025' })).toBe('2025-12-31');
	});

	it('refuses what names no day', () => {
		expect(isoFromParts({ day: '31', month: '2', year: '2026' })).toBeNull();
		expect(isoFromParts({ day: '1', month: '13', year: '2026' })).toBeNull();
		expect(isoFromParts({ day: '1', month: '1', year: '26' })).toBeNull();
		expect(isoFromParts({ day: 'a', month: '1', year: '2026' })).toBeNull();
	});

	it('shows a day in parts that read back as the same day', () => {
		const days = fc
			.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
			.map((d) => d.toISOString().slice(0, 10));
		fc.assert(
			fc.property(days, (iso) => {
				expect(isoFromParts(dateParts(iso))).toBe(iso);
			})
		);
	});

	it('reads the parts of a form, else the value of a link, and keeps what was typed wrong', () => {
		const form = (entries: Record<string, string>) => new URLSearchParams(entries);
		expect(readDate(form({ 'd-day': '1', 'd-month': '2', 'd-year': '2026' }), 'd')).toBe(
			'2026-02-01'
		);
		expect(readDate(form({ d: '2026-02-01' }), 'd')).toBe('2026-02-01');
		expect(readDate(form({}), 'd')).toBe('');
		const wrong = readDate(form({ 'd-day': '30', 'd-month': '2', 'd-year': '2026' }), 'd');
		expect(wrong).toBe('30/2/2026');
		expect(shownParts(wrong)).toEqual({ day: '30', month: '2', year: '2026' });
		expect(shownParts('2026-02-01')).toEqual({ day: '1', month: '2', year: '2026' });
	});

	it('turns a filter form’s parts into the one parameter its schema reads', () => {
		const params = new URLSearchParams(
			'from-day=1&from-month=1&from-year=2025&to-day=&to-month=&to-year=&step=month'
		);
		expect(withDates(params, ['from', 'to']).toString()).toBe('step=month&from=2025-01-01');
	});
});
