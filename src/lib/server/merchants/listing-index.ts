/**
 * The approved listings, held in memory as the tourist map, the list and the merchant pages
 * read them, so that a request costs what its viewport holds, not what the region holds:
 * - the listings in Morton (Z-order) order of their Web Mercator position, so that every map
 *   grid cell at every zoom is a run of consecutive listings (listing-map.ts);
 * - a static k-d tree of their positions (kdbush) for boxes and nearest listings;
 * - typed arrays of what the filters test (category, tax-free, Chinese staff, wallets) and of
 *   each listing's opening-hours value, compiled once per value and week (hours/compiled.ts).
 *
 * Consistency between processes: every VERSION_CHECK_MS at most, a request asks the database
 * for a fingerprint of the approved listings (count, sum of ids, sum of row versions, latest
 * change). Every change of a listing goes through the state machine, which bumps its version:
 * an approval, a suspension, an edit, a reconfirmation all change the fingerprint, so a decision
 * in one process reaches the others within VERSION_CHECK_MS. The process that made it calls
 * invalidateListings() and sees it at once. A reload reads (id, version, change time) of every
 * approved listing and fetches only the rows that are new or changed; the others, with their
 * prepared search texts, are kept.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import KDBush from 'kdbush';
import type { Executor } from '../db/client';
import { merchants } from '../db/schema';
import { queryRows } from '../db/query';
import { CATEGORIES, PAYMENT_METHODS } from '../../merchants/vocabulary';
import type { Category, PaymentMethod } from '../../merchants/vocabulary';
import { prepareFields, type PreparedFields } from '../../search/score';
import { shopKindsOfNames } from '../../search/keyword-index';
import type { ShopKind } from '../../search/keywords';
import { merchantSlug } from '../../merchants/slug';
import { CompiledHours } from '../../hours/compiled';

export interface IndexedListing {
	id: number;
	slug: string;
	lat: number;
	lon: number;
	category: Category;
	nameFr: string;
	nameZh: string | null;
	descriptionFr: string | null;
	descriptionZh: string | null;
	address: string | null;
	postalCode: string | null;
	communeName: string | null;
	/** INSEE code of the commune (open data). */
	communeCode: string | null;
	openingHours: string | null;
	paymentMethods: PaymentMethod[];
	taxFree: boolean;
	chineseStaff: boolean;
	phone: string | null;
	website: string | null;
	/** When the listing was last confirmed true (approval, reconfirmation, an official's check). */
	verifiedAt: Date | null;
	/** Tourists' reports wait for an official (an open listing_reports row): cards show a caution. */
	reported: boolean;
	/** Names and place, normalised once for search. */
	search: PreparedFields;
	/** Kinds of shop its name says it is ('Pharmacie …' → pharmacy), for ranking. */
	kinds: ShopKind[];
	/** The row's version and change time: a reload refetches the row when either differs. */
	version: number;
	updatedAt: number;
}

/**
 * Half the 5 s within which a decision must reach every process: the check (one aggregate
 * query) plus a reload of the changed rows fit in what is left.
 */
export const VERSION_CHECK_MS = 2_500;
/** Web Mercator positions are kept as integers of this many bits per axis. */
export const MERCATOR_BITS = 24;
export const FLAG_TAX_FREE = 1;
export const FLAG_CHINESE_STAFF = 2;

const MERCATOR_SCALE = 2 ** MERCATOR_BITS;

/** Web Mercator x and y of a position, as integers in [0, 2^MERCATOR_BITS). */
export function mercator(lon: number, lat: number): [number, number] {
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
	const clamp = (v: number) => Math.min(MERCATOR_SCALE - 1, Math.max(0, Math.floor(v)));
	return [clamp(((lon + 180) / 360) * MERCATOR_SCALE), clamp(y * MERCATOR_SCALE)];
}

/** The Z-order code of a Mercator position: cells of every level are runs of codes. */
function mortonCode(x: number, y: number): number {
	let code = 0;
	for (let bit = MERCATOR_BITS - 1; bit >= 0; bit--) {
		code = code * 4 + ((x >>> bit) & 1) * 2 + ((y >>> bit) & 1);
	}
	return code;
}

export class ListingIndex {
	readonly size: number;
	readonly tree: KDBush;
	readonly positionOf = new Map<number, number>();
	/** Per listing (by position): index in CATEGORIES, FLAG_* bits, wallet bits, hours value. */
	readonly category: Uint8Array;
	readonly flags: Uint8Array;
	readonly payments: Uint8Array;
	readonly hoursGroup: Int32Array;
	readonly mx: Uint32Array;
	readonly my: Uint32Array;
	readonly hours: CompiledHours;
	/** Per-filter results kept for this version of the listings (see listing-search.ts). */
	readonly memo = new Map<string, unknown>();

	/** `listings` must be new objects or kept ones; the array is sorted here. */
	constructor(
		readonly listings: IndexedListing[],
		readonly version: string
	) {
		const n = (this.size = listings.length);
		const xy = listings.map((l) => mercator(l.lon, l.lat));
		const order = listings.map((_, i) => i);
		const codes = xy.map(([x, y]) => mortonCode(x, y));
		order.sort((a, b) => codes[a] - codes[b] || listings[a].id - listings[b].id);
		const sorted = order.map((i) => listings[i]);
		for (let i = 0; i < n; i++) listings[i] = sorted[i];
		this.category = new Uint8Array(n);
		this.flags = new Uint8Array(n);
		this.payments = new Uint8Array(n);
		this.hoursGroup = new Int32Array(n);
		this.mx = new Uint32Array(n);
		this.my = new Uint32Array(n);
		this.tree = new KDBush(Math.max(1, n));
		const groups = new Map<string, number>();
		for (let i = 0; i < n; i++) {
			const l = listings[i];
			this.positionOf.set(l.id, i);
			this.category[i] = CATEGORIES.indexOf(l.category);
			this.flags[i] = (l.taxFree ? FLAG_TAX_FREE : 0) | (l.chineseStaff ? FLAG_CHINESE_STAFF : 0);
			this.payments[i] = paymentBits(l.paymentMethods);
			let group = -1;
			if (l.openingHours) {
				group = groups.get(l.openingHours) ?? groups.size;
				groups.set(l.openingHours, group);
			}
			this.hoursGroup[i] = group;
			[this.mx[i], this.my[i]] = xy[order[i]];
			this.tree.add(l.lon, l.lat);
		}
		if (n === 0) this.tree.add(-999, -999);
		this.tree.finish();
		this.hours = new CompiledHours([...groups.keys()]);
	}

	get(id: number): IndexedListing | null {
		const at = this.positionOf.get(id);
		return at === undefined ? null : this.listings[at];
	}

	/** Positions of the listings inside a [west, south, east, north] box. */
	inBox([w, s, e, n]: [number, number, number, number]): number[] {
		return this.size ? this.tree.range(w, s, e, n) : [];
	}

	/** Open-now by position at one instant (null: no hours, or unknown). */
	openAt(instant: Date): (position: number) => boolean | null {
		const byGroup = this.hours.at(instant);
		return (position) => byGroup(this.hoursGroup[position]);
	}
}

export function paymentBits(methods: readonly PaymentMethod[]): number {
	let bits = 0;
	for (const m of methods) bits |= 1 << PAYMENT_METHODS.indexOf(m);
	return bits;
}

/** A fingerprint of the approved listings that any change of one of them changes. */
async function listingsVersion(db: Executor): Promise<string> {
	const [row] = await queryRows<Record<string, unknown>>(
		db,
		sql`SELECT count(*)::text AS n, coalesce(sum(${merchants.id}), 0)::text AS ids,
			coalesce(sum(${merchants.version}), 0)::text AS versions,
			coalesce(max(${merchants.updatedAt})::text, '') AS last
			FROM ${merchants}
			WHERE ${merchants.status} = 'approved' AND ${merchants.latitude} IS NOT NULL`
	);
	return `${row.n}:${row.ids}:${row.versions}:${row.last}`;
}

const listingColumns = {
	id: merchants.id,
	lat: merchants.latitude,
	lon: merchants.longitude,
	category: merchants.category,
	nameFr: merchants.tradeNameFr,
	nameZh: merchants.tradeNameZh,
	descriptionFr: merchants.descriptionFr,
	descriptionZh: merchants.descriptionZh,
	address: merchants.address,
	postalCode: merchants.postalCode,
	communeName: merchants.communeName,
	communeCode: merchants.communeCode,
	openingHours: merchants.openingHours,
	paymentMethods: merchants.paymentMethods,
	taxFree: merchants.taxFree,
	chineseStaff: merchants.chineseStaff,
	phone: merchants.phone,
	website: merchants.website,
	verifiedAt: merchants.verifiedAt,
	// Qualified by hand: in a subquery, an unqualified "id" would be the report's. Opening a
	// report touches the listing's updated_at, resolving it goes through the state machine, so
	// either is seen by the version check.
	reported: sql<boolean>`EXISTS (SELECT 1 FROM listing_reports r WHERE r.merchant_id = "merchants"."id" AND r.resolved_at IS NULL)`,
	version: merchants.version,
	updatedAt: merchants.updatedAt
};

const publicRow = and(eq(merchants.status, 'approved'), sql`${merchants.latitude} IS NOT NULL`);

async function fetchListings(db: Executor, ids: number[] | null): Promise<IndexedListing[]> {
	const where = ids ? and(publicRow, inArray(merchants.id, ids)) : publicRow;
	const rows = await db.select(listingColumns).from(merchants).where(where);
	return rows.map((r) => {
		const search = prepareFields({
			nameFr: r.nameFr,
			nameZh: r.nameZh,
			address: r.address,
			commune: `${r.postalCode ?? ''} ${r.communeName ?? ''}`
		});
		return {
			...r,
			lat: r.lat!,
			lon: r.lon!,
			slug: merchantSlug(r.nameFr),
			search,
			kinds: shopKindsOfNames(search.names),
			reported: Boolean(r.reported),
			updatedAt: r.updatedAt.getTime()
		};
	});
}

/** Above this share of changed rows, a reload fetches everything at once. */
const FULL_RELOAD_SHARE = 0.2;
const FETCH_CHUNK = 5_000;

/** The listings now, reusing the unchanged ones of `previous`. */
async function loadListings(
	db: Executor,
	previous: ListingIndex | null
): Promise<IndexedListing[]> {
	if (!previous || previous.size === 0) return fetchListings(db, null);
	const heads = await db
		.select({ id: merchants.id, version: merchants.version, updatedAt: merchants.updatedAt })
		.from(merchants)
		.where(publicRow);
	const kept: IndexedListing[] = [];
	const changed: number[] = [];
	for (const h of heads) {
		const old = previous.get(h.id);
		if (old && old.version === h.version && old.updatedAt === h.updatedAt.getTime()) kept.push(old);
		else changed.push(h.id);
	}
	if (changed.length > heads.length * FULL_RELOAD_SHARE) return fetchListings(db, null);
	for (let i = 0; i < changed.length; i += FETCH_CHUNK) {
		kept.push(...(await fetchListings(db, changed.slice(i, i + FETCH_CHUNK))));
	}
	return kept;
}

/**
 * The in-memory index of approved listings of one database, reloaded when the database changed.
 * A server has one (below); tests make others to play several processes.
 */
export class ListingCache {
	private current: { index: ListingIndex; checkedAt: number } | undefined;
	private loading: Promise<ListingIndex> | undefined;

	/** `clock`: milliseconds now (tests move it on instead of waiting). */
	constructor(private readonly clock: () => number = Date.now) {}

	async index(db: Executor): Promise<ListingIndex> {
		const now = this.clock();
		if (this.current && now - this.current.checkedAt < VERSION_CHECK_MS) {
			return this.current.index;
		}
		this.loading ??= this.check(db).finally(() => (this.loading = undefined));
		return this.loading;
	}

	private async check(db: Executor): Promise<ListingIndex> {
		const version = await listingsVersion(db);
		if (this.current && this.current.index.version === version) {
			this.current.checkedAt = this.clock();
			return this.current.index;
		}
		const listings = await loadListings(db, this.current?.index ?? null);
		const index = new ListingIndex(listings, version);
		this.current = { index, checkedAt: this.clock() };
		return index;
	}

	/** The next request checks the database again (after a decision in this process). */
	invalidate(): void {
		if (this.current) this.current.checkedAt = 0;
	}
}

const shared = new ListingCache();

/** This process's index of approved listings. */
export function listingIndex(db: Executor): Promise<ListingIndex> {
	return shared.index(db);
}

/** The approved listings (a new array whenever they change). */
export async function approvedListings(db: Executor): Promise<IndexedListing[]> {
	return (await listingIndex(db)).listings;
}

/** Call after a listing was approved, changed or removed, so the next request checks. */
export function invalidateListings(): void {
	shared.invalidate();
}
