/**
 * The shared fixture of the adoption metrics' db tests (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): a small hand-made set of merchants, attractions and searches. Every
 * expected value in the tests is worked out by hand in their comments from this fixture.
 *
 * Range: 2025-01-01 → 2025-03-31 (Paris days). Its start is 2024-12-31T23:00Z (UTC+1), its end
 * 2025-04-01 00:00 Paris = 2025-03-31T22:00Z (summer time from 30 March). The previous period
 * has the same 90 days: 2024-10-03 → 2024-12-31, starting 2024-10-02T22:00Z.
 */
import { afterAll, beforeAll } from 'vitest';
import { latLngToCell } from 'h3-js';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import type { Database } from '../db/client';
import {
	DEMAND_CELL_RESOLUTION,
	attractions,
	demandEvents,
	merchants,
	users,
	type NewMerchant
} from '../db/schema';
import { makeSiret } from '../../merchants/siret';
import type { Category, ListingStatus } from '../../merchants/vocabulary';
import type { Departement } from '../../geo/idf';
import { EARTH_RADIUS_METERS } from '../../geo/distance';
import { idfCommunes } from '../geo/communes';
import type { MetricsRange } from '../../metrics/range';

export const LOUVRE = { lat: 48.8606, lon: 2.3376 };
export const VERSAILLES = { lat: 48.8049, lon: 2.1204 };
/** Due north by `m` metres: the haversine distance is then exactly m. */
const north = (p: { lat: number; lon: number }, m: number) => ({
	lat: p.lat + ((m / EARTH_RADIUS_METERS) * 180) / Math.PI,
	lon: p.lon
});

export const RANGE: MetricsRange = {
	from: '2025-01-01',
	to: '2025-03-31',
	step: 'month',
	minNearby: 2
};

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
export const M1 = merchant('M1', '75', '75101', 'restaurant_cafe', 'approved', north(LOUVRE, 100), {
	submitted: '2024-06-01T10:00:00Z',
	accepted: '2024-06-10T10:00:00Z'
});
// M2 new in January; 10 days.
export const M2 = merchant('M2', '75', '75101', 'luxury_fashion', 'approved', north(LOUVRE, 250), {
	submitted: '2025-01-05T10:00:00Z',
	accepted: '2025-01-15T10:00:00Z'
});
// M3 new in February; 20 days; 500 m from the Louvre.
export const M3 = merchant('M3', '92', '92012', 'restaurant_cafe', 'approved', north(LOUVRE, 500), {
	submitted: '2025-02-01T12:00:00Z',
	accepted: '2025-02-21T12:00:00Z'
});
// M4 approved in the previous period (10 days), suspended on 10 February.
export const M4 = merchant('M4', '92', '92012', 'hotel', 'suspended', north(LOUVRE, 2000), {
	submitted: '2024-11-01T10:00:00Z',
	accepted: '2024-11-11T10:00:00Z',
	decided: '2025-02-10T10:00:00Z'
});
// M5 waiting since 20 March.
export const M5 = merchant('M5', '93', '93066', 'souvenirs', 'pending', north(VERSAILLES, 3000), {
	submitted: '2025-03-20T10:00:00Z'
});
// M6 refused on 4 January after 15 days (waiting at the start of the range).
export const M6 = merchant('M6', '93', '93066', 'services', 'rejected', north(VERSAILLES, 4000), {
	submitted: '2024-12-20T10:00:00Z',
	decided: '2025-01-04T10:00:00Z'
});
// M7 approved on 31 March at 22:00 Paris (20:00Z), inside the range; waited 93 days 11 hours.
export const M7 = merchant('M7', '75', '75108', 'hotel', 'approved', north(VERSAILLES, 100), {
	submitted: '2024-12-28T09:00:00Z',
	accepted: '2025-03-31T20:00:00Z'
});
// M8 a draft: counts nowhere.
export const M8 = merchant('M8', '75', '75101', 'food_wine', 'draft', north(LOUVRE, 50), {});
// M9 approved on 1 April at 00:30 Paris (31 March 22:30Z): after the range, so still waiting at its end.
export const M9 = merchant('M9', '75', '75101', 'food_wine', 'approved', north(LOUVRE, 150), {
	submitted: '2025-03-25T00:00:00Z',
	accepted: '2025-03-31T22:30:00Z'
});
// M10 approved on 1 February at 00:30 Paris (31 January 23:30Z): a February approval; 1 day.
export const M10 = merchant('M10', '94', '94080', 'food_wine', 'approved', north(LOUVRE, 1500), {
	submitted: '2025-01-30T23:30:00Z',
	accepted: '2025-01-31T23:30:00Z'
});

export const LOUVRE_CELL = latLngToCell(LOUVRE.lat, LOUVRE.lon, DEMAND_CELL_RESOLUTION);
export const VERSAILLES_CELL = latLngToCell(VERSAILLES.lat, VERSAILLES.lon, DEMAND_CELL_RESOLUTION);
const events = (cell: string, category: Category | null, day: string, results: number[]) =>
	results.map((resultCount) => ({ day, category, areaCell: cell, resultCount }));

let t: TestDatabase;
export let db: Database;
export let adminId: string;

/** Opens a database for the file's tests, with the merchants, attractions and searches above. */
export function useMetricsFixture(): void {
	beforeAll(async () => {
		t = await openTestDatabase();
		db = t.db;
		const [admin] = await t.db
			.insert(users)
			.values({ email: 'admin@metrics.test', role: 'admin' })
			.returning({ id: users.id });
		adminId = admin.id;
		await db.insert(merchants).values([M1, M2, M3, M4, M5, M6, M7, M8, M9, M10]);
		// Two attractions of the fixture's own instead of the reference list the migrations load,
		// so that every figure below can be worked out by hand.
		await db.delete(attractions);
		await db.insert(attractions).values([
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
		await db.insert(demandEvents).values([
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
}
