/**
 * Adoption metrics: the headline figures and approved merchants over time, on the hand-made
 * fixture of metrics-fixture.ts (expected values worked out in the comments).
 */
import { describe, expect, it } from 'vitest';
import { headline } from './headline';
import { timeline } from './timeline';
import { attractionCoverage } from './coverage';
import { RANGE, db, useMetricsFixture } from './metrics-fixture';

useMetricsFixture();

describe('headline figures', () => {
	it('compares the period with the 90 days before', async () => {
		const h = await headline(db, RANGE, await attractionCoverage(db, RANGE));
		// Approved at the end: M1, M2, M3, M7, M10 (M4 suspended, M9 after the end).
		// At the start: M1 and M4.
		expect(h.approved).toEqual({ current: 5, previous: 2 });
		// New in the range: M2, M3, M7, M10. In the previous period: M4.
		expect(h.newApproved).toEqual({ current: 4, previous: 1 });
		// Waiting at the end: M5, M9. At the start: M6 and M7.
		expect(h.pending).toEqual({ current: 2, previous: 2 });
		// Decisions in the range: M10 1, M2 10, M6 15, M3 20, M7 93.46 days: median 15.
		// In the previous period: only M4, 10 days.
		expect(h.medianDecisionDays.current).toBeCloseTo(15, 6);
		expect(h.medianDecisionDays.previous).toBeCloseTo(10, 6);
		// With 2 needed within 300 m: at the end the Louvre has M1, M2 (covered), Versailles only
		// M7; at the start the Louvre had only M1 (M4 is 2 km away).
		expect(h.coveredAttractions).toEqual({ current: 1, previous: 0 });
		expect(h.attractions).toBe(2);
	});
});

describe('approved merchants over time', () => {
	it('counts month by month in Paris time, overall', async () => {
		const tl = await timeline(db, RANGE, 'all');
		expect(tl.buckets).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
		// Before the range: M1, M4 (2). January: M2. February: M10 (00:30 on the 1st in Paris),
		// M3, and M4 suspended. March: M7 (M9 is April in Paris).
		expect(tl.series).toEqual([{ key: 'all', added: [1, 2, 1], cumulative: [3, 4, 5] }]);
	});

	it('splits by département, with the départements that have none', async () => {
		const tl = await timeline(db, RANGE, 'departement');
		const by = Object.fromEntries(tl.series.map((s) => [s.key, s]));
		expect(tl.series).toHaveLength(8);
		// 75: M1 before; M2 in January; M7 in March.
		expect(by['75']).toEqual({ key: '75', added: [1, 0, 1], cumulative: [2, 2, 3] });
		// 92: M4 before (suspended in February); M3 in February.
		expect(by['92']).toEqual({ key: '92', added: [0, 1, 0], cumulative: [1, 1, 1] });
		expect(by['94']).toEqual({ key: '94', added: [0, 1, 0], cumulative: [0, 1, 1] });
		expect(by['93']).toEqual({ key: '93', added: [0, 0, 0], cumulative: [0, 0, 0] });
	});

	it('splits by category', async () => {
		const tl = await timeline(db, RANGE, 'category');
		const by = Object.fromEntries(tl.series.map((s) => [s.key, s]));
		expect(tl.series).toHaveLength(11);
		// restaurant_cafe: M1 before, M3 in February. hotel: M4 before (suspended Feb), M7 in March.
		expect(by.restaurant_cafe).toEqual({
			key: 'restaurant_cafe',
			added: [0, 1, 0],
			cumulative: [1, 2, 2]
		});
		expect(by.hotel).toEqual({ key: 'hotel', added: [0, 0, 1], cumulative: [1, 0, 1] });
		expect(by.food_wine).toEqual({ key: 'food_wine', added: [0, 1, 0], cumulative: [0, 1, 1] });
	});

	it('counts week by week, the first week cut to the range', async () => {
		const tl = await timeline(db, { ...RANGE, step: 'week' }, 'all');
		// Weeks start on Mondays: 30 Dec (cut to 1 Jan), 6 Jan, …, 31 Mar: 14 buckets.
		expect(tl.buckets).toHaveLength(14);
		expect(tl.buckets[0]).toBe('2025-01-01');
		expect(tl.buckets[1]).toBe('2025-01-06');
		expect(tl.buckets[13]).toBe('2025-03-31');
		const [all] = tl.series;
		// M7 on Monday 31 March; the week of 13 January has M2 (the 15th).
		expect(all.added[13]).toBe(1);
		expect(all.added[2]).toBe(1);
		expect(all.added.reduce((a, b) => a + b, 0)).toBe(4);
		expect(all.cumulative[13]).toBe(5);
	});
});
