/**
 * The public listings against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
 * a small fixture of merchants in every status is inserted, and every expectation is derived
 * from that fixture.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getResolution, latLngToCell } from 'h3-js';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { queryRows } from '../db/query';
import { DEMAND_CELL_RESOLUTION, demandEvents, merchants, type NewMerchant } from '../db/schema';
import {
	approvedListings,
	inBBox,
	invalidateListings,
	listingCard,
	mapFeatures,
	recordSearch
} from './listings';
import { LIST_PAGE_SIZE, listPage, type ListPageRequest } from './list-page';
import { publicMerchant } from './public-page';
import { EMPTY_FILTERS, parseBBox, type BBox, type ListingFilters } from '../../merchants/filters';
import type { ListPage } from '../../merchants/cards';
import type { Category, ListingStatus, PaymentMethod } from '../../merchants/vocabulary';
import { makeSiret } from '../../merchants/siret';
import { haversineMeters } from '../../geo/distance';
import { IDF_BOUNDS } from '../../geo/idf';

// 2025-06-11 is an ordinary Wednesday (no public holiday); Paris is UTC+2 in June.
const NOON = new Date('2025-06-11T10:00:00Z'); // 12:00 in Paris
const NIGHT = new Date('2025-06-11T21:30:00Z'); // 23:30 in Paris
const LOUVRE = { lat: 48.8606, lon: 2.3376 };
const WHOLE_REGION: BBox = [IDF_BOUNDS.west, IDF_BOUNDS.south, IDF_BOUNDS.east, IDF_BOUNDS.north];
const CENTRAL_PARIS: BBox = [2.2, 48.8, 2.45, 48.92];
const OPERA_QUARTER: BBox = [2.32, 48.868, 2.34, 48.88];

interface Fixture {
	key: string;
	status: ListingStatus;
	nameFr: string;
	nameZh: string | null;
	category: Category;
	lat: number;
	lon: number;
	address: string;
	postalCode: string;
	communeCode: string;
	communeName: string;
	hours: string | null;
	payments: PaymentMethod[];
	taxFree: boolean;
	chineseStaff: boolean;
	/** Open at NOON / at NIGHT, by construction of `hours`. */
	openAtNoon: boolean;
	openAtNight: boolean;
}

const PARIS_1 = { postalCode: '75001', communeCode: '75101', communeName: 'Paris 1er' };
const PARIS_9 = { postalCode: '75009', communeCode: '75109', communeName: 'Paris 9e' };
const PARIS_7 = { postalCode: '75007', communeCode: '75107', communeName: 'Paris 7e' };
const ALWAYS = { hours: 'Mo-Su 00:00-24:00', openAtNoon: true, openAtNight: true };

/** In insertion order (so ids grow down the list). */
const FIXTURE: Fixture[] = [
	{
		key: 'dupont',
		status: 'approved',
		nameFr: 'Maison Dupont',
		nameZh: '杜邦之家',
		category: 'luxury_fashion',
		lat: 48.864,
		lon: 2.342,
		address: '10 rue du Louvre',
		...PARIS_1,
		hours: 'Mo-Sa 10:00-19:00',
		openAtNoon: true,
		openAtNight: false,
		payments: ['alipay'],
		taxFree: false,
		chineseStaff: false
	},
	{
		key: 'pharmacy',
		status: 'approved',
		nameFr: 'Pharmacie du Louvre',
		nameZh: '卢浮宫药店',
		category: 'cosmetics_pharmacy',
		lat: 48.8625,
		lon: 2.3365,
		address: '149 rue Saint-Honoré',
		...PARIS_1,
		...ALWAYS,
		payments: ['alipay', 'wechat_pay'],
		taxFree: true,
		chineseStaff: true
	},
	{
		key: 'operaPharmacy',
		status: 'approved',
		nameFr: "Pharmacie de l'Opéra",
		nameZh: '歌剧院药房',
		category: 'cosmetics_pharmacy',
		lat: 48.8712,
		lon: 2.3325,
		address: '6 boulevard des Capucines',
		...PARIS_9,
		hours: 'Mo-Su 00:00-00:01',
		openAtNoon: false,
		openAtNight: false,
		payments: ['alipay', 'alipay_plus'],
		taxFree: true,
		chineseStaff: false
	},
	{
		key: 'hotel',
		status: 'approved',
		nameFr: 'Hôtel Opéra Élysée',
		nameZh: '歌剧院爱丽舍酒店',
		category: 'hotel',
		lat: 48.8735,
		lon: 2.324,
		address: '5 rue Tronchet',
		postalCode: '75008',
		communeCode: '75108',
		communeName: 'Paris 8e',
		...ALWAYS,
		payments: ['alipay', 'unionpay'],
		taxFree: false,
		chineseStaff: true
	},
	{
		key: 'galeries',
		status: 'approved',
		nameFr: 'Galeries Exemple',
		nameZh: '示例百货',
		category: 'department_store',
		lat: 48.876,
		lon: 2.338,
		address: '40 boulevard Haussmann',
		...PARIS_9,
		hours: 'Mo-Sa 09:30-20:00; Su 11:00-19:00',
		openAtNoon: true,
		openAtNight: false,
		payments: ['alipay', 'alipay_plus', 'wechat_pay', 'unionpay'],
		taxFree: true,
		chineseStaff: true
	},
	{
		key: 'cafe',
		status: 'approved',
		nameFr: 'Café de la Tour',
		nameZh: null,
		category: 'restaurant_cafe',
		lat: 48.8584,
		lon: 2.2945,
		address: '2 avenue Gustave Eiffel',
		...PARIS_7,
		hours: 'Mo-Su 18:00-02:00',
		openAtNoon: false,
		openAtNight: true,
		payments: ['alipay_plus', 'wechat_pay'],
		taxFree: false,
		chineseStaff: true
	},
	{
		key: 'versailles',
		status: 'approved',
		nameFr: 'Souvenirs de Versailles',
		nameZh: '凡尔赛纪念品',
		category: 'souvenirs',
		lat: 48.8049,
		lon: 2.1204,
		address: "1 place d'Armes",
		postalCode: '78000',
		communeCode: '78646',
		communeName: 'Versailles',
		hours: null,
		openAtNoon: false,
		openAtNight: false,
		payments: ['alipay', 'unionpay'],
		taxFree: true,
		chineseStaff: false
	},
	// Never public, though they match most searches and filters and sit where people look.
	{
		key: 'pending',
		status: 'pending',
		nameFr: 'Pharmacie Louvre Rivoli',
		nameZh: '卢浮宫里沃利药店',
		category: 'cosmetics_pharmacy',
		lat: 48.861,
		lon: 2.338,
		address: '1 rue de Rivoli',
		...PARIS_1,
		...ALWAYS,
		openAtNoon: false,
		openAtNight: false,
		payments: ['alipay', 'alipay_plus', 'wechat_pay', 'unionpay'],
		taxFree: true,
		chineseStaff: true
	},
	{
		key: 'suspended',
		status: 'suspended',
		nameFr: 'Parfumerie du Louvre',
		nameZh: '卢浮宫香水店',
		category: 'cosmetics_pharmacy',
		lat: 48.8725,
		lon: 2.331,
		address: '2 rue Auber',
		...PARIS_9,
		...ALWAYS,
		openAtNoon: false,
		openAtNight: false,
		payments: ['alipay', 'alipay_plus', 'wechat_pay', 'unionpay'],
		taxFree: true,
		chineseStaff: true
	},
	{
		key: 'draft',
		status: 'draft',
		nameFr: 'Hôtel du Louvre Brouillon',
		nameZh: '卢浮宫酒店',
		category: 'hotel',
		lat: 48.8607,
		lon: 2.3377,
		address: '3 place André Malraux',
		...PARIS_1,
		...ALWAYS,
		openAtNoon: false,
		openAtNight: false,
		payments: ['alipay', 'unionpay'],
		taxFree: true,
		chineseStaff: true
	},
	{
		key: 'rejected',
		status: 'rejected',
		nameFr: 'Pharmacie Refusée du Louvre',
		nameZh: null,
		category: 'cosmetics_pharmacy',
		lat: 48.8608,
		lon: 2.3374,
		address: '4 rue de Rivoli',
		...PARIS_1,
		...ALWAYS,
		openAtNoon: false,
		openAtNight: false,
		payments: ['alipay'],
		taxFree: true,
		chineseStaff: true
	}
];

/** Shops around Disneyland (Chessy), enough for three list pages, and a few pending ones. */
const ELECTRONICS_APPROVED = 47;
const ELECTRONICS_PENDING = 3;
for (let i = 0; i < ELECTRONICS_APPROVED + ELECTRONICS_PENDING; i++) {
	FIXTURE.push({
		key: `electronics${i}`,
		status: i < ELECTRONICS_APPROVED ? 'approved' : 'pending',
		nameFr: `Électronique ${i}`,
		nameZh: `数码 ${i}`,
		category: 'electronics',
		lat: 48.87 + Math.floor(i / 10) * 0.002,
		lon: 2.77 + (i % 10) * 0.002,
		address: `${i + 1} cours du Danube`,
		postalCode: '77700',
		communeCode: '77111',
		communeName: 'Chessy',
		hours: null,
		openAtNoon: false,
		openAtNight: false,
		payments: ['alipay'],
		taxFree: false,
		chineseStaff: false
	});
}

function toRow(f: Fixture, n: number): NewMerchant {
	return {
		legalName: `${f.nameFr.toUpperCase()} SAS`,
		tradeNameFr: f.nameFr,
		tradeNameZh: f.nameZh,
		category: f.category,
		siret: makeSiret(30_000_000 + n),
		address: f.address,
		postalCode: f.postalCode,
		communeCode: f.communeCode,
		communeName: f.communeName,
		departement: f.communeCode.slice(0, 2) as NewMerchant['departement'],
		latitude: f.lat,
		longitude: f.lon,
		openingHours: f.hours,
		paymentMethods: f.payments,
		taxFree: f.taxFree,
		chineseStaff: f.chineseStaff,
		status: f.status,
		acceptedSince:
			f.status === 'approved' || f.status === 'suspended' ? new Date('2025-01-02') : null,
		verifiedAt: f.status === 'approved' || f.status === 'suspended' ? new Date('2025-01-02') : null
	};
}

let t: TestDatabase;
const id: Record<string, number> = {};
const keyOf = new Map<number, string>();

beforeAll(async () => {
	t = await openTestDatabase();
	const main = FIXTURE.filter((f) => !f.key.startsWith('electronics'));
	const bulk = FIXTURE.filter((f) => f.key.startsWith('electronics'));
	// One at a time, so that ids follow the fixture's order.
	for (const [n, f] of main.entries()) {
		const [row] = await t.db.insert(merchants).values(toRow(f, n)).returning({ id: merchants.id });
		id[f.key] = row.id;
	}
	const rows = await t.db
		.insert(merchants)
		.values(bulk.map((f, n) => toRow(f, 1000 + n)))
		.returning({ id: merchants.id, name: merchants.tradeNameFr });
	for (const row of rows) id[bulk.find((f) => f.nameFr === row.name)!.key] = row.id;
	for (const [key, value] of Object.entries(id)) keyOf.set(value, key);
});
afterAll(async () => {
	await t?.close();
});
beforeEach(() => {
	invalidateListings();
});

const approved = () => FIXTURE.filter((f) => f.status === 'approved');
const notPublic = () => FIXTURE.filter((f) => f.status !== 'approved');
const keys = (fixtures: Fixture[]) => fixtures.map((f) => f.key).sort();
const keysOfIds = (ids: number[]) => ids.map((i) => keyOf.get(i) ?? `unknown id ${i}`).sort();
const filters = (change: Partial<ListingFilters> = {}): ListingFilters => ({
	...EMPTY_FILTERS,
	...change
});
const request = (change: Partial<ListPageRequest> = {}): ListPageRequest => ({
	filters: EMPTY_FILTERS,
	bbox: null,
	origin: null,
	originIsVisitor: false,
	page: 1,
	pageSize: 1000,
	now: NOON,
	...change
});
const byKey = (key: string) => FIXTURE.find((f) => f.key === key)!;

/** Every item of every page of a request. */
async function allPages(req: ListPageRequest): Promise<{ first: ListPage; ids: number[] }> {
	const first = await listPage(t.db, { ...req, page: 1 });
	const ids = first.items.map((i) => i.id);
	for (let page = 2; page <= first.pageCount; page++) {
		const next = await listPage(t.db, { ...req, page });
		ids.push(...next.items.map((i) => i.id));
	}
	return { first, ids };
}

/** Ids of a query's results on one large page, in the order given. */
async function search(change: Partial<ListPageRequest>): Promise<string[]> {
	const result = await listPage(t.db, request(change));
	return result.items.map((i) => keyOf.get(i.id)!);
}

describe('only approved merchants are public', () => {
	it('the index holds exactly the approved merchants', async () => {
		const listings = await approvedListings(t.db);
		expect(keysOfIds(listings.map((l) => l.id))).toEqual(keys(approved()));
	});

	it('the list, page after page, shows each approved merchant once', async () => {
		const { first, ids } = await allPages(request({ pageSize: LIST_PAGE_SIZE }));
		expect(first.total).toBe(approved().length);
		expect(ids).toHaveLength(new Set(ids).size);
		expect(keysOfIds(ids)).toEqual(keys(approved()));
	});

	it('the map, at every zoom, counts only approved merchants', async () => {
		for (const zoom of [8, 10, 12, 14, 17]) {
			const { features, total } = await mapFeatures(t.db, EMPTY_FILTERS, WHOLE_REGION, zoom, NOON);
			expect(total, `zoom ${zoom}`).toBe(approved().length);
			const pointIds = features.flatMap((f) => (f.properties.cluster ? [] : [f.properties.id]));
			for (const f of notPublic()) expect(pointIds, `zoom ${zoom}`).not.toContain(id[f.key]);
		}
	});

	it('listingCard and publicMerchant give null for every other status, and for unknown ids', async () => {
		for (const f of notPublic()) {
			expect(await listingCard(t.db, id[f.key], NOON, null), f.key).toBeNull();
			expect(await publicMerchant(t.db, id[f.key]), f.key).toBeNull();
		}
		const unknown = Math.max(...Object.values(id)) + 1;
		expect(await listingCard(t.db, unknown, NOON, null)).toBeNull();
		expect(await publicMerchant(t.db, unknown)).toBeNull();
	});

	it('listingCard and publicMerchant give an approved merchant as inserted', async () => {
		const f = byKey('pharmacy');
		const card = await listingCard(t.db, id.pharmacy, NOON, LOUVRE);
		expect(card).toMatchObject({
			id: id.pharmacy,
			slug: 'pharmacie-du-louvre',
			nameFr: f.nameFr,
			nameZh: f.nameZh,
			category: f.category,
			lat: f.lat,
			lon: f.lon,
			openNow: true,
			paymentMethods: f.payments,
			taxFree: true,
			chineseStaff: true,
			distanceM: Math.round(haversineMeters(LOUVRE, f))
		});
		const page = await publicMerchant(t.db, id.pharmacy);
		expect(page).toMatchObject({
			id: id.pharmacy,
			tradeNameFr: f.nameFr,
			tradeNameZh: f.nameZh,
			lat: f.lat,
			lon: f.lon,
			openingHours: f.hours,
			paymentMethods: f.payments
		});
	});

	it('a search that only non-public merchants would match finds nothing', async () => {
		// Words found only in the names or addresses of the pending, suspended, draft and
		// rejected merchants.
		for (const q of ['Rivoli', '里沃利', 'auber', 'brouillon', 'malraux', 'refusee']) {
			expect(await search({ filters: filters({ q }) }), q).toEqual([]);
		}
	});
});

describe('viewport', () => {
	it('the list of a box holds exactly the approved merchants inside it', async () => {
		for (const bbox of [OPERA_QUARTER, CENTRAL_PARIS]) {
			const inside = approved().filter((f) => inBBox(f, bbox));
			expect(inside.length).toBeGreaterThan(0);
			const { first, ids } = await allPages(request({ bbox, pageSize: LIST_PAGE_SIZE }));
			expect(first.total).toBe(inside.length);
			expect(keysOfIds(ids)).toEqual(keys(inside));
		}
	});

	it('at a low zoom, clusters whose counts add up to the matching merchants of the box', async () => {
		const cases: [BBox, ListingFilters][] = [
			[WHOLE_REGION, EMPTY_FILTERS],
			[WHOLE_REGION, filters({ categories: ['electronics'] })],
			[CENTRAL_PARIS, EMPTY_FILTERS],
			[CENTRAL_PARIS, filters({ paymentMethods: ['alipay'] })]
		];
		for (const [bbox, f] of cases) {
			const wanted = approved().filter(
				(x) =>
					inBBox(x, bbox) &&
					(!f.categories.length || f.categories.includes(x.category)) &&
					f.paymentMethods.every((p) => x.payments.includes(p))
			);
			const { features, total } = await mapFeatures(t.db, f, bbox, 9, NOON);
			const clusters = features.filter((x) => x.properties.cluster);
			expect(clusters.length).toBeGreaterThan(0);
			const sum = features.reduce((n, x) => n + (x.properties.cluster ? x.properties.count : 1), 0);
			expect(sum).toBe(wanted.length);
			expect(total).toBe(wanted.length);
			expect(features.length).toBeLessThan(wanted.length);
		}
	});

	it('at a high zoom, one point per matching merchant of the box', async () => {
		for (const bbox of [OPERA_QUARTER, CENTRAL_PARIS, WHOLE_REGION]) {
			const { features, total } = await mapFeatures(t.db, EMPTY_FILTERS, bbox, 17, NOON);
			expect(features.every((f) => !f.properties.cluster)).toBe(true);
			const ids = features.map((f) => (f.properties.cluster ? -1 : f.properties.id));
			const inside = approved().filter((f) => inBBox(f, bbox));
			expect(keysOfIds(ids)).toEqual(keys(inside));
			expect(total).toBe(inside.length);
			for (const feature of features) {
				const f = byKey(keyOf.get(feature.id)!);
				const [lon, lat] = feature.geometry.coordinates;
				expect(lon).toBeCloseTo(f.lon, 9);
				expect(lat).toBeCloseTo(f.lat, 9);
				expect(feature.properties).toMatchObject({ category: f.category });
			}
		}
	});

	it('a viewport wholly east of the region (the map allows half a degree) shows nothing', async () => {
		// Same latitudes as central Paris; before parseBBox clamped every edge, the box came out
		// inverted and supercluster read it as crossing the antimeridian: all of Paris.
		const bbox = parseBBox('3.7,48.8,3.9,48.92');
		expect(bbox).not.toBeNull();
		const { features, total } = await mapFeatures(t.db, EMPTY_FILTERS, bbox!, 14, NOON);
		expect(features).toEqual([]);
		expect(total).toBe(0);
		const list = await listPage(t.db, request({ bbox }));
		expect(list.total).toBe(0);
	});
});

describe('filters', () => {
	const cases: [string, ListingFilters, (f: Fixture) => boolean][] = [
		[
			'category',
			filters({ categories: ['cosmetics_pharmacy'] }),
			(f) => f.category === 'cosmetics_pharmacy'
		],
		[
			'two categories',
			filters({ categories: ['hotel', 'souvenirs'] }),
			(f) => f.category === 'hotel' || f.category === 'souvenirs'
		],
		['UnionPay', filters({ paymentMethods: ['unionpay'] }), (f) => f.payments.includes('unionpay')],
		[
			'Alipay+ and WeChat Pay (both)',
			filters({ paymentMethods: ['alipay_plus', 'wechat_pay'] }),
			(f) => f.payments.includes('alipay_plus') && f.payments.includes('wechat_pay')
		],
		['tax-free', filters({ taxFree: true }), (f) => f.taxFree],
		['Chinese staff', filters({ chineseStaff: true }), (f) => f.chineseStaff],
		[
			'tax-free and Chinese staff',
			filters({ taxFree: true, chineseStaff: true }),
			(f) => f.taxFree && f.chineseStaff
		],
		['tax-free, typed in Chinese', filters({ q: '退税' }), (f) => f.taxFree],
		['Chinese staff, typed in Chinese', filters({ q: '中文服务' }), (f) => f.chineseStaff]
	];

	it.each(cases)('%s', async (_name, f, wanted) => {
		const expected = keys(approved().filter(wanted));
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(approved().length);
		expect((await search({ filters: f })).sort()).toEqual(expected);
		const { features } = await mapFeatures(t.db, f, WHOLE_REGION, 17, NOON);
		expect(keysOfIds(features.map((x) => x.id))).toEqual(expected);
	});

	it('open now, at noon and at night (Paris time)', async () => {
		for (const [now, wanted] of [
			[NOON, (f: Fixture) => f.openAtNoon],
			[NIGHT, (f: Fixture) => f.openAtNight]
		] as const) {
			const expected = keys(approved().filter(wanted));
			expect(expected.length).toBeGreaterThan(0);
			const list = await listPage(t.db, request({ filters: filters({ openNow: true }), now }));
			expect(keysOfIds(list.items.map((i) => i.id))).toEqual(expected);
			expect(list.items.every((i) => i.openNow === true)).toBe(true);
			const { features } = await mapFeatures(
				t.db,
				filters({ openNow: true }),
				WHOLE_REGION,
				17,
				now
			);
			expect(keysOfIds(features.map((x) => x.id))).toEqual(expected);
		}
		expect(keys(approved().filter((f) => f.openAtNoon))).not.toEqual(
			keys(approved().filter((f) => f.openAtNight))
		);
	});

	it('a merchant without hours is never "open now", and its card says unknown', async () => {
		const card = await listingCard(t.db, id.versailles, NOON, null);
		expect(card?.openNow).toBeNull();
		expect(card?.todayHours).toEqual([]);
		// 'versailles' names the château: the list is sorted by distance from it.
		expect(await search({ filters: filters({ openNow: true, q: 'versailles' }) })).not.toContain(
			'versailles'
		);
		expect((await search({ filters: filters({ q: 'versailles' }) }))[0]).toBe('versailles');
	});

	it('the map marks each point open or closed at the given time', async () => {
		for (const now of [NOON, NIGHT]) {
			const { features } = await mapFeatures(t.db, EMPTY_FILTERS, CENTRAL_PARIS, 17, now);
			expect(features.length).toBeGreaterThan(0);
			for (const feature of features) {
				if (feature.properties.cluster) continue;
				const f = byKey(keyOf.get(feature.id)!);
				const open = now === NOON ? f.openAtNoon : f.openAtNight;
				expect(feature.properties.open, f.key).toBe(f.hours ? open : null);
			}
		}
	});
});

describe('search', () => {
	const pharmacies = () => keys(approved().filter((f) => f.category === 'cosmetics_pharmacy'));

	it.each(['药店', '附近的药店', 'pharmacie', 'PHARMACIE', 'Pharmacies'])(
		'%s finds the approved pharmacies and only them',
		async (q) => {
			const found = await search({ filters: filters({ q }) });
			expect(found.sort()).toEqual(pharmacies());
			expect(found).toContain('pharmacy');
		}
	);

	it.each(['卢浮宫', '卢浮宫药店', 'louvre pharmacie', 'LOUVRE'])(
		'%s puts the Pharmacie du Louvre first',
		async (q) => {
			const found = await search({ filters: filters({ q }) });
			expect(found[0]).toBe('pharmacy');
		}
	);

	it('ranks a name match before an address match (whatever the ids)', async () => {
		// Maison Dupont was inserted first; 'capucines' is only in the Opéra pharmacy's address,
		// 'dupont' in a name: a name match scores more than an address match.
		expect(id.dupont).toBeLessThan(id.pharmacy);
		expect(await search({ filters: filters({ q: 'capucines' }) })).toEqual(['operaPharmacy']);
		expect(await search({ filters: filters({ q: 'dupont' }) })).toEqual(['dupont']);
	});

	it('ignores accents, case and apostrophes', async () => {
		for (const q of ['elysee', 'Élysée', 'ÉLYSÉE', 'élysee']) {
			expect(await search({ filters: filters({ q }) }), q).toEqual(['hotel']);
		}
		// 'opera' names the Opéra: the pharmacies, nearest to it first.
		expect((await search({ filters: filters({ q: 'pharmacie de l’opera' }) }))[0]).toBe(
			'operaPharmacy'
		);
		expect(await search({ filters: filters({ q: 'CAPUCINES' }) })).toEqual(['operaPharmacy']);
		expect(await search({ filters: filters({ q: 'cafe de la tour' }) })).toEqual(['cafe']);
	});

	it('combines a category word with a name: "hotel opera" is the hotel, not the pharmacy', async () => {
		expect(await search({ filters: filters({ q: 'hotel opera' }) })).toEqual(['hotel']);
		expect((await search({ filters: filters({ q: 'pharmacie opera' }) }))[0]).toBe('operaPharmacy');
	});

	it('finds nothing for an unknown word, and then offers the five nearest approved merchants', async () => {
		const result = await listPage(
			t.db,
			request({ filters: filters({ q: 'zzqxw' }), origin: LOUVRE, originIsVisitor: true })
		);
		expect(result.total).toBe(0);
		expect(result.items).toEqual([]);
		const nearest = approved()
			.map((f) => ({ f, d: haversineMeters(LOUVRE, f) }))
			.sort((a, b) => a.d - b.d)
			.slice(0, 5);
		expect(result.alternatives.map((a) => keyOf.get(a.id))).toEqual(nearest.map((n) => n.f.key));
		expect(result.alternatives.map((a) => a.distanceM)).toEqual(
			nearest.map((n) => Math.round(n.d))
		);
	});

	it('keeps the category in the alternatives when it finds some', async () => {
		const result = await listPage(
			t.db,
			request({ filters: filters({ q: 'zzqxw', categories: ['hotel'] }), origin: LOUVRE })
		);
		expect(result.total).toBe(0);
		expect(result.alternatives.map((a) => keyOf.get(a.id))).toEqual(
			keys(approved().filter((f) => f.category === 'hotel'))
		);
	});

	it('drops the category in the alternatives when it has no approved merchant at all', async () => {
		const result = await listPage(
			t.db,
			request({ filters: filters({ categories: ['kids_baby'] }), bbox: OPERA_QUARTER })
		);
		expect(result.total).toBe(0);
		// Without an origin: the nearest to the centre of the box, whatever their category.
		const centre = {
			lat: (OPERA_QUARTER[1] + OPERA_QUARTER[3]) / 2,
			lon: (OPERA_QUARTER[0] + OPERA_QUARTER[2]) / 2
		};
		const nearest = approved()
			.map((f) => ({ key: f.key, d: haversineMeters(centre, f) }))
			.sort((a, b) => a.d - b.d)
			.slice(0, 5)
			.map((x) => x.key);
		expect(result.alternatives.map((a) => keyOf.get(a.id))).toEqual(nearest);
		expect(result.alternatives.every((a) => a.distanceM === null)).toBe(true);
	});
});

describe('distance from an origin', () => {
	it('with no query: open shops first, each part by increasing distance from the visitor', async () => {
		const { ids } = await allPages(
			request({ origin: LOUVRE, originIsVisitor: true, pageSize: LIST_PAGE_SIZE })
		);
		expect(keysOfIds(ids)).toEqual(keys(approved()));
		const list = await listPage(t.db, request({ origin: LOUVRE, originIsVisitor: true }));
		const distances = list.items.map((i) => i.distanceM!);
		expect(distances.every((d) => typeof d === 'number')).toBe(true);
		const open = list.items.filter((i) => i.openNow === true);
		expect(list.items.slice(0, open.length)).toEqual(open);
		for (const part of [open, list.items.slice(open.length)]) {
			const d = part.map((i) => i.distanceM!);
			expect(d).toEqual([...d].sort((a, b) => a - b));
		}
		for (const item of list.items) {
			const f = byKey(keyOf.get(item.id)!);
			expect(item.distanceM).toBe(Math.round(haversineMeters(LOUVRE, f)));
		}
		const expectedOrder = approved()
			.map((f) => ({
				key: f.key,
				d: haversineMeters(LOUVRE, f),
				closed: f.hours && f.openAtNoon ? 0 : 1
			}))
			.sort((a, b) => a.closed - b.closed || a.d - b.d)
			.slice(0, 7)
			.map((x) => x.key);
		expect(list.items.slice(0, 7).map((i) => keyOf.get(i.id))).toEqual(expectedOrder);
	});

	it('from elsewhere too (Versailles), and with filters', async () => {
		const origin = { lat: 48.8049, lon: 2.1204 };
		const list = await listPage(
			t.db,
			request({ origin, originIsVisitor: true, filters: filters({ paymentMethods: ['unionpay'] }) })
		);
		const expected = approved()
			.filter((f) => f.payments.includes('unionpay'))
			.map((f) => ({
				key: f.key,
				d: haversineMeters(origin, f),
				closed: f.hours && f.openAtNoon ? 0 : 1
			}))
			.sort((a, b) => a.closed - b.closed || a.d - b.d)
			.map((x) => x.key);
		expect(list.items.map((i) => keyOf.get(i.id))).toEqual(expected);
	});

	it('gives no distance when the origin is only the map centre', async () => {
		const list = await listPage(t.db, request({ origin: LOUVRE, originIsVisitor: false }));
		expect(list.items.every((i) => i.distanceM === null)).toBe(true);
		expect(keyOf.get(list.items[0].id)).toBe('pharmacy');
	});
});

describe('pagination', () => {
	const electronics = filters({ categories: ['electronics'] });

	it(`has pages of LIST_PAGE_SIZE (${LIST_PAGE_SIZE}) and the right page count`, async () => {
		const n = approved().filter((f) => f.category === 'electronics').length;
		expect(n).toBe(ELECTRONICS_APPROVED);
		expect(n).toBeGreaterThan(2 * LIST_PAGE_SIZE);
		const pageCount = Math.ceil(n / LIST_PAGE_SIZE);
		const seen: number[] = [];
		for (let page = 1; page <= pageCount; page++) {
			const result = await listPage(
				t.db,
				request({ filters: electronics, page, pageSize: LIST_PAGE_SIZE })
			);
			expect(result.total).toBe(n);
			expect(result.pageCount).toBe(pageCount);
			expect(result.page).toBe(page);
			expect(result.items).toHaveLength(
				page < pageCount ? LIST_PAGE_SIZE : n - (pageCount - 1) * LIST_PAGE_SIZE
			);
			seen.push(...result.items.map((i) => i.id));
		}
		expect(new Set(seen).size).toBe(n);
		expect(keysOfIds(seen)).toEqual(keys(approved().filter((f) => f.category === 'electronics')));
	});

	it('gives the last page for a page beyond it', async () => {
		const last = await listPage(
			t.db,
			request({ filters: electronics, page: 3, pageSize: LIST_PAGE_SIZE })
		);
		const beyond = await listPage(
			t.db,
			request({ filters: electronics, page: 99, pageSize: LIST_PAGE_SIZE })
		);
		expect(beyond.page).toBe(last.pageCount);
		expect(beyond.items.map((i) => i.id)).toEqual(last.items.map((i) => i.id));
	});

	it('has one (empty) page when nothing matches', async () => {
		const result = await listPage(
			t.db,
			request({ filters: filters({ q: 'zzqxw' }), page: 2, pageSize: LIST_PAGE_SIZE })
		);
		expect(result).toMatchObject({ total: 0, page: 1, pageCount: 1, items: [] });
	});

	it('pages a list sorted by distance without repeating or losing anyone', async () => {
		const origin = { lat: 48.875, lon: 2.78 };
		const { first, ids } = await allPages(
			request({ filters: electronics, origin, originIsVisitor: true, pageSize: LIST_PAGE_SIZE })
		);
		expect(first.pageCount).toBe(Math.ceil(ELECTRONICS_APPROVED / LIST_PAGE_SIZE));
		expect(new Set(ids).size).toBe(ELECTRONICS_APPROVED);
	});
});

describe('the in-memory index follows the database', () => {
	async function setStatus(key: string, status: ListingStatus) {
		await t.db
			.update(merchants)
			.set({
				status,
				acceptedSince: new Date('2025-06-01'),
				verifiedAt: new Date('2025-06-01'),
				updatedAt: sql`now()`
			})
			.where(eq(merchants.id, id[key]));
	}

	it('shows a pending merchant once approved, everywhere', async () => {
		const q = filters({ q: 'rivoli' });
		expect(await search({ filters: q })).toEqual([]);
		await setStatus('pending', 'approved');
		try {
			invalidateListings();
			expect(await search({ filters: q })).toEqual(['pending']);
			expect(await listingCard(t.db, id.pending, NOON, null)).not.toBeNull();
			expect(await publicMerchant(t.db, id.pending)).not.toBeNull();
			const { features } = await mapFeatures(t.db, EMPTY_FILTERS, CENTRAL_PARIS, 17, NOON);
			expect(features.map((f) => f.id)).toContain(id.pending);
		} finally {
			await setStatus('pending', 'pending');
			invalidateListings();
		}
		expect(await search({ filters: q })).toEqual([]);
		const { features } = await mapFeatures(t.db, EMPTY_FILTERS, CENTRAL_PARIS, 17, NOON);
		expect(features.map((f) => f.id)).not.toContain(id.pending);
	});

	it('hides a suspended merchant at once after invalidateListings()', async () => {
		await approvedListings(t.db);
		await setStatus('pharmacy', 'suspended');
		try {
			invalidateListings();
			expect(await search({ filters: filters({ q: '卢浮宫' }) })).not.toContain('pharmacy');
			expect(await listingCard(t.db, id.pharmacy, NOON, null)).toBeNull();
			expect(await publicMerchant(t.db, id.pharmacy)).toBeNull();
			const { features } = await mapFeatures(t.db, EMPTY_FILTERS, CENTRAL_PARIS, 17, NOON);
			expect(features.map((f) => f.id)).not.toContain(id.pharmacy);
		} finally {
			await setStatus('pharmacy', 'approved');
			invalidateListings();
		}
		expect(await search({ filters: filters({ q: '卢浮宫' }) })).toContain('pharmacy');
	});

	it('sees a changed name of an approved merchant (same count of approved merchants)', async () => {
		await t.db
			.update(merchants)
			.set({ tradeNameFr: 'Maison Durand', updatedAt: sql`now()` })
			.where(eq(merchants.id, id.dupont));
		try {
			invalidateListings();
			expect(await search({ filters: filters({ q: 'durand' }) })).toEqual(['dupont']);
			expect((await listingCard(t.db, id.dupont, NOON, null))?.slug).toBe('maison-durand');
		} finally {
			await t.db
				.update(merchants)
				.set({ tradeNameFr: 'Maison Dupont', updatedAt: sql`now()` })
				.where(eq(merchants.id, id.dupont));
			invalidateListings();
		}
		expect(await search({ filters: filters({ q: 'durand' }) })).toEqual([]);
	});

	it('without invalidateListings(), keeps serving the index it checked moments ago', async () => {
		await approvedListings(t.db);
		await setStatus('pending', 'approved');
		try {
			expect(await search({ filters: filters({ q: 'rivoli' }) })).toEqual([]);
		} finally {
			await setStatus('pending', 'pending');
			invalidateListings();
		}
	});
});

describe('anonymous counters', () => {
	it('recordSearch writes one demand event: day in Paris, category, coarse cell, count', async () => {
		const late = new Date('2025-06-11T22:30:00Z'); // already 12 June in Paris
		const before = await t.db.select().from(demandEvents);
		await recordSearch(t.db, {
			category: 'cosmetics_pharmacy',
			center: LOUVRE,
			resultCount: 3,
			now: late
		});
		const after = await t.db.select().from(demandEvents);
		expect(after).toHaveLength(before.length + 1);
		const row = after.find((r) => !before.some((b) => b.id === r.id))!;
		expect(row).toMatchObject({
			day: '2025-06-12',
			category: 'cosmetics_pharmacy',
			resultCount: 3,
			isDemo: false
		});
		expect(row.areaCell).toBe(latLngToCell(LOUVRE.lat, LOUVRE.lon, DEMAND_CELL_RESOLUTION));
		expect(getResolution(row.areaCell!)).toBe(7);
		// Coarse: a point 300 m away falls in the same cell (for this position).
		expect(latLngToCell(LOUVRE.lat + 0.0027, LOUVRE.lon, DEMAND_CELL_RESOLUTION)).toBe(
			row.areaCell
		);
	});

	it('recordSearch stores no position when there is none, and nothing else', async () => {
		await recordSearch(t.db, { category: null, center: null, resultCount: 0, now: NOON });
		const rows = await t.db
			.select()
			.from(demandEvents)
			.where(and(eq(demandEvents.day, '2025-06-11'), eq(demandEvents.resultCount, 0)));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ category: null, areaCell: null });
		const columns = await queryRows<{ column_name: string }>(
			t.db,
			sql`SELECT column_name FROM information_schema.columns
			    WHERE table_schema = 'public' AND table_name = 'demand_events' ORDER BY column_name`
		);
		// No IP address, session, user, user agent or exact position.
		expect(columns.map((c) => c.column_name)).toEqual([
			'area_cell',
			'category',
			'day',
			'id',
			'is_demo',
			'result_count'
		]);
	});
});
