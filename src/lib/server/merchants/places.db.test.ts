/**
 * Queries that name a place, against a real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): the list is sorted by distance from the place, combines with category,
 * kind and filter words, and is the same whatever map box the request carries.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { merchants } from '../db/schema';
import { invalidateListings } from './listing-index';
import { ALTERNATIVES_RADIUS_M, listPage, type ListPageRequest } from './list-page';
import { EMPTY_FILTERS, type BBox } from '../../merchants/filters';
import type { Category } from '../../merchants/vocabulary';
import { haversineMeters } from '../../geo/distance';
import { PLACES } from '../reference/places';
import { toRow as fixtureRow } from './listing-fixture';

const LOUVRE = PLACES.find((p) => p.slug === 'musee-du-louvre')!;
const LAFAYETTE = PLACES.find((p) => p.slug === 'galeries-lafayette-haussmann')!;
const NOON = new Date('2025-06-11T10:00:00Z');

interface Shop {
	key: string;
	nameFr: string;
	nameZh: string | null;
	category: Category;
	lat: number;
	lon: number;
	taxFree?: boolean;
}

const SHOPS: Shop[] = [
	// Nearer the Louvre than the pharmacy, but a perfumery.
	{
		key: 'perfumery',
		nameFr: 'Parfumerie Palais-Royal',
		nameZh: '皇家宫殿香水店',
		category: 'cosmetics_pharmacy',
		lat: 48.8612,
		lon: 2.338
	},
	{
		key: 'pharmacy',
		nameFr: 'Pharmacie Rivoli',
		nameZh: '里沃利药房',
		category: 'cosmetics_pharmacy',
		lat: 48.8625,
		lon: 2.341
	},
	{
		key: 'farPharmacy',
		nameFr: 'Grande Pharmacie de Brunoy',
		nameZh: null,
		category: 'cosmetics_pharmacy',
		lat: 48.6979,
		lon: 2.5045
	},
	{
		key: 'cafe',
		nameFr: 'Café des Arts',
		nameZh: '艺术咖啡馆',
		category: 'restaurant_cafe',
		lat: 48.8601,
		lon: 2.3368
	},
	// Has "Louvre" in its name, 25 km away.
	{
		key: 'namesake',
		nameFr: 'Boutique Louvre Cergy',
		nameZh: '卢浮精品店',
		category: 'souvenirs',
		lat: 49.0364,
		lon: 2.0761
	},
	{
		key: 'taxFreeNearLafayette',
		nameFr: 'Maison Mogador',
		nameZh: null,
		category: 'luxury_fashion',
		lat: 48.8742,
		lon: 2.3318,
		taxFree: true
	},
	{
		key: 'nearLafayette',
		nameFr: 'Atelier Provence',
		nameZh: null,
		category: 'luxury_fashion',
		lat: 48.8739,
		lon: 2.3322
	},
	{
		key: 'taxFreeFar',
		nameFr: 'Comptoir de Vincennes',
		nameZh: null,
		category: 'luxury_fashion',
		lat: 48.8475,
		lon: 2.4393,
		taxFree: true
	},
	// A Hong Kong visitor's shop, its Chinese name in traditional characters.
	{
		key: 'traditional',
		nameFr: 'Herboristerie Dragon',
		nameZh: '龍記藥房',
		category: 'cosmetics_pharmacy',
		lat: 48.826,
		lon: 2.3621
	}
];

/** A shop as a row of the listing fixture: approved, always open, in a street of Paris 1er. */
const toRow = (s: Shop, n: number) =>
	fixtureRow(
		{
			...s,
			status: 'approved',
			address: `${n + 1} rue Exemple`,
			postalCode: '75001',
			communeCode: '75101',
			communeName: 'Paris',
			hours: 'Mo-Su 00:00-24:00',
			openAtNoon: true,
			openAtNight: true,
			payments: ['alipay'],
			taxFree: s.taxFree ?? false,
			chineseStaff: false
		},
		n
	);

let t: TestDatabase;
const keyOf = new Map<number, string>();

beforeAll(async () => {
	t = await openTestDatabase();
	for (const [n, s] of SHOPS.entries()) {
		const [row] = await t.db.insert(merchants).values(toRow(s, n)).returning({ id: merchants.id });
		keyOf.set(row.id, s.key);
	}
});
afterAll(async () => {
	await t?.close();
});
beforeEach(() => invalidateListings());

const request = (q: string, change: Partial<ListPageRequest> = {}): ListPageRequest => ({
	filters: { ...EMPTY_FILTERS, q },
	bbox: null,
	origin: null,
	originIsVisitor: false,
	page: 1,
	pageSize: 100,
	now: NOON,
	...change
});
const keysOf = (list: { items: { id: number }[] }) => list.items.map((i) => keyOf.get(i.id));
const byDistanceFrom = (from: { lat: number; lon: number }, shops: Shop[]) =>
	[...shops].sort((a, b) => haversineMeters(from, a) - haversineMeters(from, b)).map((s) => s.key);

describe('a query that names a place', () => {
	for (const q of ['卢浮宫', '羅浮宮', 'lufugong', 'Louvre', '卢浮', 'musee du louvre']) {
		it(`${q}: every merchant, nearest to the Louvre first, with its distance from it`, async () => {
			const list = await listPage(t.db, request(q));
			expect(list.place?.slug).toBe('musee-du-louvre');
			expect(keysOf(list)).toEqual(byDistanceFrom(LOUVRE, SHOPS));
			for (const item of list.items) {
				expect(item.distanceM).toBe(Math.round(haversineMeters(LOUVRE, item)));
			}
			// The namesake 25 km away is not promoted for its name.
			expect(keysOf(list).at(-1)).toBe('namesake');
		});
	}

	it('gives the same answer whatever map box and centre the request carries (list API = page)', async () => {
		const page = await listPage(t.db, request('卢浮宫 药店'));
		const elsewhere: BBox = [2.0, 48.9, 2.1, 49.0];
		const api = await listPage(
			t.db,
			request('卢浮宫 药店', { bbox: elsewhere, origin: { lat: 48.95, lon: 2.05 } })
		);
		expect(api).toEqual(page);
	});

	it('卢浮宫 药店: pharmacies only, the pharmacies first by distance (龍記藥房 is one), then the nearer perfumery', async () => {
		for (const q of [
			'卢浮宫 药店',
			'羅浮宮 藥房',
			'près du Louvre pharmacie',
			'lufugong yaodian'
		]) {
			const list = await listPage(t.db, request(q));
			expect(list.place?.slug, q).toBe('musee-du-louvre');
			expect(keysOf(list), q).toEqual(['pharmacy', 'traditional', 'farPharmacy', 'perfumery']);
			expect(list.queryWithoutPlace, q).not.toMatch(/卢浮|louvre|lufugong/);
		}
	});

	it('老佛爷附近 退税: tax-free shops only, nearest to the Galeries Lafayette first', async () => {
		const list = await listPage(t.db, request('老佛爷附近 退税'));
		expect(list.place?.slug).toBe('galeries-lafayette-haussmann');
		expect(keysOf(list)).toEqual(['taxFreeNearLafayette', 'taxFreeFar']);
		expect(list.items[0].distanceM).toBe(
			Math.round(
				haversineMeters(
					LAFAYETTE,
					SHOPS.find((s) => s.key === 'taxFreeNearLafayette')!
				)
			)
		);
		expect(list.queryWithoutPlace).toBe('附近 退税');
	});
});

describe('kinds of shop and names in other scripts', () => {
	it('药店 / pharmacie rank the pharmacies before the perfumery', async () => {
		for (const q of ['药店', 'pharmacie', '藥房']) {
			const keys = keysOf(await listPage(t.db, request(q)));
			expect(keys.indexOf('perfumery'), q).toBeGreaterThan(keys.indexOf('pharmacy'));
			expect(keys.indexOf('perfumery'), q).toBeGreaterThan(keys.indexOf('farPharmacy'));
		}
		const perfume = keysOf(await listPage(t.db, request('香水')));
		expect(perfume[0]).toBe('perfumery');
	});

	it('a Chinese name written in traditional characters is found in simplified, traditional and pinyin', async () => {
		for (const q of ['龙记', '龍記', 'longji']) {
			expect(keysOf(await listPage(t.db, request(q))), q).toEqual(['traditional']);
		}
	});

	it('a simplified name is found by its pinyin', async () => {
		expect(keysOf(await listPage(t.db, request('yishu')))).toEqual(['cafe']);
	});
});

describe('unknown words', () => {
	it('offer alternatives near where the visitor looks, never across the region', async () => {
		const atLouvre: BBox = [2.33, 48.855, 2.345, 48.866];
		const list = await listPage(
			t.db,
			request('zzqxw', { bbox: atLouvre, origin: { lat: 48.8606, lon: 2.3376 } })
		);
		expect(list.total).toBe(0);
		expect(list.alternatives.length).toBeGreaterThan(0);
		for (const a of list.alternatives) {
			expect(haversineMeters({ lat: 48.8606, lon: 2.3376 }, a)).toBeLessThanOrEqual(
				ALTERNATIVES_RADIUS_M
			);
		}
		// Looking at Provins, 80 km from every shop: no alternative at all.
		const provins = await listPage(
			t.db,
			request('zzqxw', { bbox: [3.28, 48.55, 3.32, 48.57], origin: { lat: 48.56, lon: 3.3 } })
		);
		expect(provins.alternatives).toEqual([]);
	});
});
