/**
 * Adoption metrics by place: départements, communes, density, coverage of the attractions and
 * demand gaps, on the hand-made fixture of metrics-fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { idfCommunes } from '../geo/communes';
import { DENSITY_CELL_RESOLUTION, density, departementTable, communeTable } from './geography';
import { attractionCoverage } from './coverage';
import { demandGaps } from './demand';
import { LOUVRE_CELL, M1, M2, M3, M7, M10, RANGE, db, useMetricsFixture } from './metrics-fixture';

useMetricsFixture();

describe('geography', () => {
	const population = (d: string) =>
		[...idfCommunes().values()]
			.filter((c) => c.departement === d)
			.reduce((s, c) => s + c.population, 0);

	it('lists the eight départements with rates per 10,000 inhabitants and growth', async () => {
		const rows = await departementTable(db, RANGE);
		expect(rows.map((r) => r.code)).toEqual(['75', '77', '78', '91', '92', '93', '94', '95']);
		const by = Object.fromEntries(rows.map((r) => [r.code, r]));
		// 75: M1, M2, M7 at the end; M1 at the start: +2, +200 %.
		expect(by['75']).toMatchObject({ approved: 3, approvedAtStart: 1, growth: 2, growthRate: 2 });
		expect(by['75'].population).toBe(population('75'));
		expect(by['75'].per10k).toBeCloseTo(Math.round((3 * 10000 * 100) / population('75')) / 100, 2);
		// 92: M3 at the end, M4 at the start.
		expect(by['92']).toMatchObject({ approved: 1, approvedAtStart: 1, growth: 0, growthRate: 0 });
		// 94: M10, none at the start: no rate of growth.
		expect(by['94']).toMatchObject({
			approved: 1,
			approvedAtStart: 0,
			growth: 1,
			growthRate: null
		});
		expect(by['93']).toMatchObject({
			approved: 0,
			approvedAtStart: 0,
			per10k: 0,
			growthRate: null
		});
	});

	it('ranks the communes by approved merchants', async () => {
		const rows = await communeTable(db, RANGE);
		// 75101: M1, M2 (M9 comes later, M8 is a draft); then one each, by code.
		expect(rows.map((r) => [r.code, r.approved])).toEqual([
			['75101', 2],
			['75108', 1],
			['92012', 1],
			['94080', 1]
		]);
		expect(rows[0]).toMatchObject({
			approvedAtStart: 1,
			growthRate: 1,
			name: 'Paris 1er Arrondissement'
		});
		const pop = idfCommunes().get('75101')!.population;
		expect(rows[0].per10k).toBeCloseTo(Math.round((2 * 10000 * 100) / pop) / 100, 2);
	});

	it('counts approved merchants by H3 cell', async () => {
		const cells = await density(db, RANGE);
		const expected = new Map<string, number>();
		for (const m of [M1, M2, M3, M7, M10]) {
			const cell = latLngToCell(m.latitude!, m.longitude!, DENSITY_CELL_RESOLUTION);
			expected.set(cell, (expected.get(cell) ?? 0) + 1);
		}
		expect(new Map(cells.map((c) => [c.cell, c.count]))).toEqual(expected);
		const ring = cells[0].boundary;
		expect(ring.length).toBeGreaterThanOrEqual(7); // six corners or more, closed
		expect(ring[ring.length - 1]).toEqual(ring[0]);
	});
});

describe('coverage', () => {
	it('counts accepting merchants within 300 m and 1 km of each attraction', async () => {
		const rows = await attractionCoverage(db, RANGE);
		const by = Object.fromEntries(rows.map((r) => [r.slug, r]));
		// Louvre: M1 (100 m), M2 (250 m) within 300 m; + M3 (500 m) within 1 km; M10 at 1.5 km,
		// M4 suspended, M8 draft, M9 not yet approved.
		expect(by.louvre).toMatchObject({ within300: 2, within1000: 3, gap: false });
		// Versailles: M7 (100 m) only; M5 and M6 are not approved.
		expect(by.versailles).toMatchObject({ within300: 1, within1000: 1, gap: true });
		expect(rows[0].slug).toBe('versailles'); // gaps first
	});
});

describe('demand gaps', () => {
	it('shows only groups of at least 5 searches where some found few merchants', async () => {
		const gaps = await demandGaps(db, RANGE);
		expect(
			gaps.map((g) => [g.cell, g.category, g.searches, g.poorSearches, g.emptySearches])
		).toEqual([
			[LOUVRE_CELL, null, 5, 5, 5],
			[LOUVRE_CELL, 'cosmetics_pharmacy', 6, 4, 2]
		]);
		expect(gaps[1].poorShare).toBeCloseTo(4 / 6, 4);
	});
});
