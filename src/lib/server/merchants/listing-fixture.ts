/**
 * The fixture of the listing engine's db tests (listing-*.db.test.ts, list-page.db.test.ts):
 * a small set of merchants in every status, inserted into a real database (PGlite, or
 * PostgreSQL with TEST_DATABASE_URL); every expectation is derived from it.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { merchants, type NewMerchant } from '../db/schema';
import { invalidateListings } from './listing-index';
import { listPage, type ListPageRequest } from './list-page';
import { EMPTY_FILTERS, type BBox, type ListingFilters } from '../../merchants/filters';
import type { ListPage } from '../../merchants/cards';
import type { Category, ListingStatus, PaymentMethod } from '../../merchants/vocabulary';
import { makeSiret } from '../../merchants/siret';
import { IDF_BOUNDS } from '../../geo/idf';

// 2025-06-11 is an ordinary Wednesday (no public holiday); Paris is UTC+2 in June.
export const NOON = new Date('2025-06-11T10:00:00Z'); // 12:00 in Paris
export const NIGHT = new Date('2025-06-11T21:30:00Z'); // 23:30 in Paris
export const LOUVRE = { lat: 48.8606, lon: 2.3376 };
export const WHOLE_REGION: BBox = [
	IDF_BOUNDS.west,
	IDF_BOUNDS.south,
	IDF_BOUNDS.east,
	IDF_BOUNDS.north
];
export const CENTRAL_PARIS: BBox = [2.2, 48.8, 2.45, 48.92];
export const OPERA_QUARTER: BBox = [2.32, 48.868, 2.34, 48.88];

export interface Fixture {
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
export const FIXTURE: Fixture[] = [
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
export const ELECTRONICS_APPROVED = 47;
export const ELECTRONICS_PENDING = 3;
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

export function toRow(f: Fixture, n: number): NewMerchant {
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

export let t: TestDatabase;
export const id: Record<string, number> = {};
export const keyOf = new Map<number, string>();

/** Inserts the fixture before the file's tests, and makes each test check the index anew. */
export function useListingFixture(): void {
	beforeAll(async () => {
		t = await openTestDatabase();
		const main = FIXTURE.filter((f) => !f.key.startsWith('electronics'));
		const bulk = FIXTURE.filter((f) => f.key.startsWith('electronics'));
		// One at a time, so that ids follow the fixture's order.
		for (const [n, f] of main.entries()) {
			const [row] = await t.db
				.insert(merchants)
				.values(toRow(f, n))
				.returning({ id: merchants.id });
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
}

export const approved = () => FIXTURE.filter((f) => f.status === 'approved');
export const notPublic = () => FIXTURE.filter((f) => f.status !== 'approved');
export const keys = (fixtures: Fixture[]) => fixtures.map((f) => f.key).sort();
export const keysOfIds = (ids: number[]) =>
	ids.map((i) => keyOf.get(i) ?? `unknown id ${i}`).sort();
export const filters = (change: Partial<ListingFilters> = {}): ListingFilters => ({
	...EMPTY_FILTERS,
	...change
});
export const request = (change: Partial<ListPageRequest> = {}): ListPageRequest => ({
	filters: EMPTY_FILTERS,
	bbox: null,
	origin: null,
	originIsVisitor: false,
	page: 1,
	pageSize: 1000,
	now: NOON,
	...change
});
export const byKey = (key: string) => FIXTURE.find((f) => f.key === key)!;

/** Every item of every page of a request. */
export async function allPages(req: ListPageRequest): Promise<{ first: ListPage; ids: number[] }> {
	const first = await listPage(t.db, { ...req, page: 1 });
	const ids = first.items.map((i) => i.id);
	for (let page = 2; page <= first.pageCount; page++) {
		const next = await listPage(t.db, { ...req, page });
		ids.push(...next.items.map((i) => i.id));
	}
	return { first, ids };
}

/** Ids of a query's results on one large page, in the order given. */
export async function search(change: Partial<ListPageRequest>): Promise<string[]> {
	const result = await listPage(t.db, request(change));
	return result.items.map((i) => keyOf.get(i.id)!);
}
