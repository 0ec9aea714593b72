import { describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	defaultRange,
	parseIsoDay,
	parseRange,
	previousPeriod
} from './range';

const TODAY = '2026-11-28';
const parse = (q: string) => parseRange(new URLSearchParams(q), TODAY);

describe('metrics range', () => {
	it('defaults to the twelve months up to today, by month', () => {
		expect(defaultRange(TODAY)).toEqual({
			from: '2025-12-01',
			to: TODAY,
			step: 'month',
			minNearby: 3
		});
		expect(parse('')).toEqual({ range: defaultRange(TODAY), invalid: [] });
	});

	it('reads a range from the URL, by week for short ranges', () => {
		expect(parse('from=2026-09-01&to=2026-10-31').range).toMatchObject({
			from: '2026-09-01',
			to: '2026-10-31',
			step: 'week'
		});
		expect(parse('from=2026-01-01&to=2026-10-31&step=week&min=5').range).toMatchObject({
			step: 'week',
			minNearby: 5
		});
	});

	it('refuses impossible days, reversed ranges and the future', () => {
		expect(parseIsoDay('2026-02-30')).toBeNull();
		expect(parseIsoDay('2026-2-3')).toBeNull();
		expect(parse('from=2026-02-30').invalid).toEqual(['from']);
		const reversed = parse('from=2026-10-01&to=2026-09-01');
		expect(reversed.invalid).toContain('from');
		expect(reversed.range.from <= reversed.range.to).toBe(true);
		expect(parse('to=2030-01-01').range.to).toBe(TODAY);
		expect(parse('step=day&min=0').invalid).toEqual(['step', 'min']);
		const long = parse('from=2000-01-01');
		expect(long.invalid).toEqual(['from']);
		expect(daysBetween(long.range.from, long.range.to)).toBe(5 * 366);
	});

	it('compares with the same number of days just before', () => {
		expect(previousPeriod({ from: '2025-01-01', to: '2025-03-31' })).toEqual({
			from: '2024-10-03',
			to: '2024-12-31'
		});
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(daysBetween('2025-01-01', '2025-01-01')).toBe(1);
	});
});
