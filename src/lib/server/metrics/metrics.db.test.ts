/**
 * Adoption metrics against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), on a
 * small hand-made fixture. Every expected value below is worked out by hand in the comments from
 * the fixture, not copied from the output.
 *
 * Range: 2025-01-01 → 2025-03-31 (Paris days). Its start is 2024-12-31T23:00Z (UTC+1), its end
 * 2025-04-01 00:00 Paris = 2025-03-31T22:00Z (summer time from 30 March). The previous period
 * has the same 90 days: 2024-10-03 → 2024-12-31, starting 2024-10-02T22:00Z.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { latLngToCell } from 'h3-js';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import {
	DEMAND_CELL_RESOLUTION,
	attractions,
	auditEvents,
	demandEvents,
	merchants,
	partnershipTargets,
	users,
	type NewMerchant
} from '../db/schema';
import { makeSiret } from '../../merchants/siret';
import type { Category, ListingStatus } from '../../merchants/vocabulary';
import type { Departement } from '../../geo/idf';
import { EARTH_RADIUS_METERS } from '../../geo/distance';
import { idfCommunes } from '../geo/communes';
import type { MetricsRange } from '../../metrics/range';
import { headline } from './headline';
import { timeline } from './timeline';
import { DENSITY_CELL_RESOLUTION, density, departementTable, communeTable } from './geography';
import { attractionCoverage } from './coverage';
import { demandGaps } from './demand';
import { deleteTarget, setTarget, targetProgress } from './targets';

const LOUVRE = { lat: 48.8606, lon: 2.3376 };
const VERSAILLES = { lat: 48.8049, lon: 2.1204 };
/** Due north by `m` metres: the haversine distance is then exactly m. */
const north = (p: { lat: number; lon: number }, m: number) => ({
	lat: p.lat + ((m / EARTH_RADIUS_METERS) * 180) / Math.PI,
	lon: p.lon
});

const RANGE: MetricsRange = { from: '2025-01-01', to: '2025-03-31', step: 'month', minNearby: 2 };

let n = 0;
function merchant(
	name: string,
	departement: Departement,
	communeCode: string,
	category: Category,
	status: ListingStatus,
	at: { lat: number; lon: number },
	dates: { submitted?: string; accepted?: string; decided?: string }
): NewMerchant {
	n += 1;
	return {
		legalName: `${name} SAS`,
		tradeNameFr: name,
		category,
		siret: makeSiret(51_000_000 + n, 1),
		address: `${n} rue de Test`,
		postalCode: '75001',
		communeCode,
		communeName: idfCommunes().get(communeCode)!.name,
		departement,
		latitude: at.lat,
		longitude: at.lon,
		status,
		paymentMethods: ['alipay'],
		submittedAt: dates.submitted ? new Date(dates.submitted) : null,
		acceptedSince: dates.accepted ? new Date(dates.accepted) : null,
		verifiedAt: dates.accepted ? new Date(dates.accepted) : null,
		decidedAt: dates.decided
			? new Date(dates.decided)
			: dates.accepted
				? new Date(dates.accepted)
				: null
	};
}

// M1 approved long before; 9 days to decide (outside both periods).
const M1 = merchant('M1', '75', '75101', 'restaurant_cafe', 'approved', north(LOUVRE, 100), {
	submitted: '2024-06-01T10:00:00Z',
	accepted: '2024-06-10T10:00:00Z'
});
// M2 new in January; 10 days.
const M2 = merchant('M2', '75', '75101', 'luxury_fashion', 'approved', north(LOUVRE, 250), {
	submitted: '2025-01-05T10:00:00Z',
	accepted: '2025-01-15T10:00:00Z'
});
// M3 new in February; 20 days; 500 m from the Louvre.
const M3 = merchant('M3', '92', '92012', 'restaurant_cafe', 'approved', north(LOUVRE, 500), {
	submitted: '2025-02-01T12:00:00Z',
	accepted: '2025-02-21T12:00:00Z'
});
// M4 approved in the previous period (10 days), suspended on 10 February.
const M4 = merchant('M4', '92', '92012', 'hotel', 'suspended', north(LOUVRE, 2000), {
	submitted: '2024-11-01T10:00:00Z',
	accepted: '2024-11-11T10:00:00Z',
	decided: '2025-02-10T10:00:00Z'
});
// M5 waiting since 20 March.
const M5 = merchant('M5', '93', '93066', 'souvenirs', 'pending', north(VERSAILLES, 3000), {
	submitted: '2025-03-20T10:00:00Z'
});
// M6 refused on 4 January after 15 days (waiting at the start of the range).
const M6 = merchant('M6', '93', '93066', 'services', 'rejected', north(VERSAILLES, 4000), {
	submitted: '2024-12-20T10:00:00Z',
	decided: '2025-01-04T10:00:00Z'
});
// M7 approved on 31 March at 22:00 Paris (20:00Z), inside the range; waited 93 days 11 hours.
const M7 = merchant('M7', '75', '75108', 'hotel', 'approved', north(VERSAILLES, 100), {
	submitted: '2024-12-28T09:00:00Z',
	accepted: '2025-03-31T20:00:00Z'
});
// M8 a draft: counts nowhere.
const M8 = merchant('M8', '75', '75101', 'food_wine', 'draft', north(LOUVRE, 50), {});
// M9 approved on 1 April at 00:30 Paris (31 March 22:30Z): after the range, so still waiting at its end.
const M9 = merchant('M9', '75', '75101', 'food_wine', 'approved', north(LOUVRE, 150), {
	submitted: '2025-03-25T00:00:00Z',
	accepted: '2025-03-31T22:30:00Z'
});
// M10 approved on 1 February at 00:30 Paris (31 January 23:30Z): a February approval; 1 day.
const M10 = merchant('M10', '94', '94080', 'food_wine', 'approved', north(LOUVRE, 1500), {
	submitted: '2025-01-30T23:30:00Z',
	accepted: '2025-01-31T23:30:00Z'
});

const LOUVRE_CELL = latLngToCell(LOUVRE.lat, LOUVRE.lon, DEMAND_CELL_RESOLUTION);
const VERSAILLES_CELL = latLngToCell(VERSAILLES.lat, VERSAILLES.lon, DEMAND_CELL_RESOLUTION);
const events = (cell: string, category: Category | null, day: string, results: number[]) =>
	results.map((resultCount) => ({ day, category, areaCell: cell, resultCount }));

let t: TestDatabase;
let adminId: string;

beforeAll(async () => {
	t = await openTestDatabase();
	const [admin] = await t.db
		.insert(users)
		.values({ email: 'admin@metrics.test', role: 'admin' })
		.returning({ id: users.id });
	adminId = admin.id;
	await t.db.insert(merchants).values([M1, M2, M3, M4, M5, M6, M7, M8, M9, M10]);
	// Two attractions of the fixture's own instead of the reference list the migrations load,
	// so that every figure below can be worked out by hand.
	await t.db.delete(attractions);
	await t.db.insert(attractions).values([
		{
			slug: 'louvre',
			nameFr: 'Louvre',
			nameZh: '卢浮宫',
			kind: 'museum',
			latitude: LOUVRE.lat,
			longitude: LOUVRE.lon
		},
		{
			slug: 'versailles',
			nameFr: 'Versailles',
			nameZh: '凡尔赛宫',
			kind: 'monument',
			latitude: VERSAILLES.lat,
			longitude: VERSAILLES.lon
		}
	]);
	await t.db.insert(demandEvents).values([
		// Louvre, pharmacy: 6 searches, 4 found fewer than 3 (0, 0, 1, 2), 2 found none.
		...events(LOUVRE_CELL, 'cosmetics_pharmacy', '2025-02-03', [0, 0, 1, 5, 10, 2]),
		// Louvre, no category: 5 searches, all empty.
		...events(LOUVRE_CELL, null, '2025-03-10', [0, 0, 0, 0, 0]),
		// Versailles, hotels: 4 in the range (+1 the day before it): below 5, never shown.
		...events(VERSAILLES_CELL, 'hotel', '2025-01-01', [0, 0, 0, 0]),
		...events(VERSAILLES_CELL, 'hotel', '2024-12-31', [0]),
		// Versailles, souvenirs: 7 searches that all found enough: no gap.
		...events(VERSAILLES_CELL, 'souvenirs', '2025-03-31', [3, 4, 5, 6, 7, 8, 9])
	]);
});

afterAll(async () => {
	await t?.close();
});

describe('headline figures', () => {
	it('compares the period with the 90 days before', async () => {
		const h = await headline(t.db, RANGE, await attractionCoverage(t.db, RANGE));
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
		const tl = await timeline(t.db, RANGE, 'all');
		expect(tl.buckets).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
		// Before the range: M1, M4 (2). January: M2. February: M10 (00:30 on the 1st in Paris),
		// M3, and M4 suspended. March: M7 (M9 is April in Paris).
		expect(tl.series).toEqual([{ key: 'all', added: [1, 2, 1], cumulative: [3, 4, 5] }]);
	});

	it('splits by département, with the départements that have none', async () => {
		const tl = await timeline(t.db, RANGE, 'departement');
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
		const tl = await timeline(t.db, RANGE, 'category');
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
		const tl = await timeline(t.db, { ...RANGE, step: 'week' }, 'all');
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

describe('geography', () => {
	const population = (d: string) =>
		[...idfCommunes().values()]
			.filter((c) => c.departement === d)
			.reduce((s, c) => s + c.population, 0);

	it('lists the eight départements with rates per 10,000 inhabitants and growth', async () => {
		const rows = await departementTable(t.db, RANGE);
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
		const rows = await communeTable(t.db, RANGE);
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
		const cells = await density(t.db, RANGE);
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
		const rows = await attractionCoverage(t.db, RANGE);
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
		const gaps = await demandGaps(t.db, RANGE);
		expect(
			gaps.map((g) => [g.cell, g.category, g.searches, g.poorSearches, g.emptySearches])
		).toEqual([
			[LOUVRE_CELL, null, 5, 5, 5],
			[LOUVRE_CELL, 'cosmetics_pharmacy', 6, 4, 2]
		]);
		expect(gaps[1].poorShare).toBeCloseTo(4 / 6, 4);
	});
});

describe('targets', () => {
	const AS_OF = new Date('2025-03-31T12:00:00Z');

	it('shows progress and the date each target is reached at the current rate', async () => {
		await t.db.insert(partnershipTargets).values([
			{ departement: null, targetCount: 10, targetDate: '2025-12-31' },
			{ departement: '93', targetCount: 5, targetDate: '2026-01-01' },
			{ departement: '75', targetCount: 2, targetDate: '2025-06-30' }
		]);
		const rows = await targetProgress(t.db, AS_OF);
		const by = Object.fromEntries(rows.map((r) => [r.departement ?? 'region', r]));
		// Region at noon on 31 March: M1, M2, M3, M10 (M7 comes at 20:00Z) = 4; 90 days before
		// (31 December noon): M1, M4 = 2. +2 in 90 days: 6 more take 270 days → 26 December.
		expect(by.region).toMatchObject({
			current: 4,
			recentGrowth: 2,
			projectedDate: '2025-12-26',
			reached: false,
			onTrack: true
		});
		expect(by.region.progress).toBeCloseTo(0.4, 6);
		// 93: nothing approved and no growth: never at this rate.
		expect(by['93']).toMatchObject({
			current: 0,
			projectedDate: null,
			reached: false,
			onTrack: false
		});
		// 75: M1, M2 = 2: reached.
		expect(by['75']).toMatchObject({
			current: 2,
			reached: true,
			onTrack: true,
			projectedDate: null
		});
		expect(rows.map((r) => r.departement)).toEqual(['75', null, '93']);
	});

	it('sets a target once per scope and date, replacing the count, with an audit row', async () => {
		await setTarget(
			t.db,
			{ departement: '77', targetCount: 40, targetDate: '2027-06-30' },
			adminId
		);
		await setTarget(
			t.db,
			{ departement: '77', targetCount: 60, targetDate: '2027-06-30' },
			adminId
		);
		const rows = await t.db
			.select()
			.from(partnershipTargets)
			.where(eq(partnershipTargets.departement, '77'));
		expect(rows.map((r) => [r.targetCount, r.targetDate])).toEqual([[60, '2027-06-30']]);
		await setTarget(
			t.db,
			{ departement: null, targetCount: 50, targetDate: '2027-06-30' },
			adminId
		);
		await setTarget(
			t.db,
			{ departement: null, targetCount: 70, targetDate: '2027-06-30' },
			adminId
		);
		const region = (await t.db.select().from(partnershipTargets)).filter(
			(r) => r.departement === null && r.targetDate === '2027-06-30'
		);
		expect(region.map((r) => r.targetCount)).toEqual([70]);
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'target_set'));
		expect(audit).toHaveLength(4);
		expect(audit[1].before).toMatchObject({ targetCount: 40 });
		expect(audit[1].after).toMatchObject({ targetCount: 60, departement: '77' });

		expect(await deleteTarget(t.db, rows[0].id, adminId)).toBe(true);
		expect(await deleteTarget(t.db, rows[0].id, adminId)).toBe(false);
		const deleted = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'target_deleted'));
		expect(deleted).toHaveLength(1);
	});
});
