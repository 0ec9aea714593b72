/**
 * The open-data files on both drivers: every public listing and nothing else, the documented
 * properties and OSM tags, no personal data, the licence, and an ETag that changes only when
 * the listings do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { merchants } from '../db/schema';
import type { Database } from '../db/client';
import { makeSiret } from '../../merchants/siret';
import { merchantSlug } from '../../merchants/slug';
import { OPEN_DATA_LICENCE, OPEN_DATA_PROPERTIES, OSM_TAGS } from '../../merchants/open-data';
import { CSV_COLUMNS, matchesEtag, openDataFile, openDataResponse } from './open-data';
import { invalidateListings } from './listing-index';

let t: TestDatabase;
let db: Database;
let stem = 72_000_000;

beforeAll(async () => {
	t = await openTestDatabase();
	db = t.db;
	process.env.ORIGIN = 'https://cashless.example.fr';
});
afterAll(() => t?.close());

async function insert(
	status: 'approved' | 'pending' | 'suspended',
	extra: Partial<typeof merchants.$inferInsert> = {}
) {
	const verified = new Date('2030-01-15T09:00:00Z');
	const [row] = await db
		.insert(merchants)
		.values({
			legalName: 'Jean Martin EI',
			tradeNameFr: `Boutique ${stem}`,
			tradeNameZh: '小店',
			category: 'souvenirs',
			siret: makeSiret(stem++),
			address: '8 rue de la Paix',
			postalCode: '75002',
			communeCode: '75102',
			communeName: 'Paris',
			departement: '75',
			latitude: 48.8687,
			longitude: 2.3313,
			openingHours: 'Mo-Sa 10:00-19:00',
			paymentMethods: ['alipay_plus', 'wechat_pay'],
			phone: '06 12 34 56 78',
			website: 'https://jean-martin.example',
			taxFree: true,
			status,
			acceptedSince: verified,
			verifiedAt: verified,
			...extra
		})
		.returning();
	return row;
}

describe('open data', () => {
	it('exports every public listing, its documented properties and OSM tags, no personal data', async () => {
		const shop = await insert('approved');
		await insert('approved');
		await insert('pending');
		await insert('suspended');
		invalidateListings();
		const geojson = JSON.parse((await openDataFile(db, 'geojson')).body);
		expect(geojson).toMatchObject({ type: 'FeatureCollection', license: OPEN_DATA_LICENCE.name });
		expect(geojson.features).toHaveLength(2);
		const feature = geojson.features.find((f: { id: number }) => f.id === shop.id);
		expect(feature.geometry).toEqual({ type: 'Point', coordinates: [2.3313, 48.8687] });
		expect(Object.keys(feature.properties)).toEqual([...OPEN_DATA_PROPERTIES, ...OSM_TAGS]);
		expect(feature.properties).toMatchObject({
			id: shop.id,
			name_fr: shop.tradeNameFr,
			commune_insee: '75102',
			payment_methods: ['alipay_plus', 'wechat_pay'],
			tax_free: true,
			last_verified: '2030-01-15',
			url: `https://cashless.example.fr/zh/merchants/${shop.id}-${merchantSlug(shop.tradeNameFr)}`,
			'payment:alipay': 'yes',
			'payment:wechat': 'yes',
			'payment:unionpay': null,
			check_date: '2030-01-15'
		});
		const text = JSON.stringify(geojson);
		for (const personal of ['Jean Martin', shop.siret!, '06 12 34 56 78', 'jean-martin.example']) {
			expect(text).not.toContain(personal);
		}

		const csv = (await openDataFile(db, 'csv')).body;
		const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
		expect(rows).toHaveLength(2);
		expect(Object.keys(rows[0])).toEqual(CSV_COLUMNS);
		const line = rows.find((r) => r.id === String(shop.id))!;
		expect(line).toMatchObject({
			payment_methods: 'alipay_plus;wechat_pay',
			tax_free: 'true',
			chinese_staff: 'false',
			latitude: '48.8687',
			'payment:alipay': 'yes',
			'payment:unionpay': ''
		});
	});

	it('answers 304 to the current ETag, and changes it when the listings change', async () => {
		invalidateListings();
		const first = await openDataResponse(db, 'geojson', null);
		const etag = first.headers.get('etag')!;
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
		expect(first.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
		const again = await openDataResponse(db, 'geojson', `"other", ${etag}`);
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		expect(again.headers.get('etag')).toBe(etag);

		await insert('approved');
		invalidateListings();
		const changed = await openDataResponse(db, 'geojson', etag);
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
	});

	it('compares ETags as RFC 9110 asks for If-None-Match', () => {
		expect(matchesEtag(null, '"a"')).toBe(false);
		expect(matchesEtag('"a"', '"a"')).toBe(true);
		expect(matchesEtag('W/"a"', '"a"')).toBe(true);
		expect(matchesEtag('"b", "a"', '"a"')).toBe(true);
		expect(matchesEtag('*', '"a"')).toBe(true);
		expect(matchesEtag('"b"', '"a"')).toBe(false);
	});
});
