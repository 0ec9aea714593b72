/**
 * The attractions are reference data: a database that was only migrated (no demo seed, as in
 * production) has exactly the reference list, and the coverage metric is measured around it.
 */
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../db/testing';
import { attractions, merchants } from '../db/schema';
import { makeSiret } from '../../merchants/siret';
import { EARTH_RADIUS_METERS } from '../../geo/distance';
import { headline } from '../metrics/headline';
import { attractionCoverage } from '../metrics/coverage';
import { ATTRACTIONS } from './attractions';

const t = await testDatabase();

describe('reference attractions', () => {
	it('are in a freshly migrated database, exactly as listed in reference/attractions.ts', async () => {
		const rows = await t.db.select().from(attractions).orderBy(attractions.slug);
		const listed = [...ATTRACTIONS].sort((a, b) => (a.slug < b.slug ? -1 : 1));
		expect(
			rows.map((r) => ({
				slug: r.slug,
				nameFr: r.nameFr,
				nameZh: r.nameZh,
				kind: r.kind,
				lat: r.latitude,
				lon: r.longitude
			}))
		).toEqual(listed);
	});

	it('give the coverage metric its figures once merchants near them are approved', async () => {
		const range = {
			from: '2025-01-01',
			to: '2025-03-31',
			step: 'month',
			minNearby: 1
		} as const;
		const before = await headline(t.db, range, await attractionCoverage(t.db, range));
		expect(before.attractions).toBe(ATTRACTIONS.length);
		expect(before.coveredAttractions.current).toBe(0);

		// One shop 100 m due north of the château of Fontainebleau (no other attraction within
		// kilometres), approved in February.
		const chateau = ATTRACTIONS.find((a) => a.slug === 'chateau-de-fontainebleau')!;
		await t.db.insert(merchants).values({
			legalName: 'BOUTIQUE DU CHATEAU SAS',
			tradeNameFr: 'Boutique du château',
			category: 'souvenirs',
			siret: makeSiret(61_000_001, 1),
			address: '1 place du Général-de-Gaulle',
			postalCode: '77300',
			communeCode: '77186',
			communeName: 'Fontainebleau',
			departement: '77',
			latitude: chateau.lat + ((100 / EARTH_RADIUS_METERS) * 180) / Math.PI,
			longitude: chateau.lon,
			status: 'approved',
			paymentMethods: ['alipay'],
			submittedAt: new Date('2025-01-20T10:00:00Z'),
			acceptedSince: new Date('2025-02-01T10:00:00Z'),
			verifiedAt: new Date('2025-02-01T10:00:00Z'),
			decidedAt: new Date('2025-02-01T10:00:00Z')
		});

		const after = await headline(t.db, range, await attractionCoverage(t.db, range));
		expect(after.attractions).toBe(ATTRACTIONS.length);
		expect(after.coveredAttractions).toEqual({ current: 1, previous: 0 });
		const coverage = await attractionCoverage(t.db, range);
		expect(coverage).toHaveLength(ATTRACTIONS.length);
		expect(coverage.find((c) => c.slug === chateau.slug)).toMatchObject({
			within300: 1,
			within1000: 1,
			gap: false
		});
		expect(coverage.filter((c) => !c.gap).map((c) => c.slug)).toEqual([chateau.slug]);
	});
});
