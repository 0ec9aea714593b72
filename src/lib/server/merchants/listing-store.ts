/**
 * The in-memory index of approved listings itself (built by listing-index.ts from the database):
 * the listings in Morton order of their Web Mercator position, a static k-d tree of positions,
 * and typed arrays of what the filters test, for the map, list and merchant pages.
 */
import KDBush from 'kdbush';
import { CATEGORIES, PAYMENT_METHODS } from '../../merchants/vocabulary';
import type { Category, PaymentMethod } from '../../merchants/vocabulary';
import type { PreparedFields } from '../../search/score';
import { SHOP_KINDS, type ShopKind } from '../../search/keywords';
import { CompiledHours } from '../../hours/compiled';
import { haversineMeters, type LatLon } from '../../geo/distance';

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
}

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
	/** The kinds of shop its name says it is (kindBits). */
	readonly kinds: Uint16Array;
	readonly hoursGroup: Int32Array;
	readonly mx: Uint32Array;
	readonly my: Uint32Array;
	/** Positions in degrees, for the loops over many listings (no object read). */
	readonly lon: Float64Array;
	readonly lat: Float64Array;
	readonly hours: CompiledHours;
	/** Per-filter results kept for this version of the listings (see listing-search.ts). */
	readonly memo = new Map<string, unknown>();

	/** `listings` must be new objects or kept ones; the array is sorted here. */
	/** `previous`: the index this one replaces (its compiled opening hours are kept). */
	constructor(
		readonly listings: IndexedListing[],
		readonly version: string,
		previous?: ListingIndex
	) {
		const n = (this.size = listings.length);
		// Typed arrays and no tuples: a rebuild after a decision must be quick at 100,000.
		const xs = new Uint32Array(n);
		const ys = new Uint32Array(n);
		const codes = new Float64Array(n);
		const order = new Array<number>(n);
		for (let i = 0; i < n; i++) {
			const [x, y] = mercator(listings[i].lon, listings[i].lat);
			xs[i] = x;
			ys[i] = y;
			codes[i] = mortonCode(x, y);
			order[i] = i;
		}
		order.sort((a, b) => codes[a] - codes[b] || listings[a].id - listings[b].id);
		const sorted = order.map((i) => listings[i]);
		for (let i = 0; i < n; i++) listings[i] = sorted[i];
		this.category = new Uint8Array(n);
		this.flags = new Uint8Array(n);
		this.payments = new Uint8Array(n);
		this.kinds = new Uint16Array(n);
		this.hoursGroup = new Int32Array(n);
		this.mx = new Uint32Array(n);
		this.my = new Uint32Array(n);
		this.lon = new Float64Array(n);
		this.lat = new Float64Array(n);
		this.tree = new KDBush(Math.max(1, n));
		const groups = new Map<string, number>();
		for (let i = 0; i < n; i++) {
			const l = listings[i];
			this.positionOf.set(l.id, i);
			this.category[i] = CATEGORIES.indexOf(l.category);
			this.flags[i] = (l.taxFree ? FLAG_TAX_FREE : 0) | (l.chineseStaff ? FLAG_CHINESE_STAFF : 0);
			this.payments[i] = paymentBits(l.paymentMethods);
			this.kinds[i] = kindBits(l.kinds);
			let group = -1;
			if (l.openingHours) {
				group = groups.get(l.openingHours) ?? groups.size;
				groups.set(l.openingHours, group);
			}
			this.hoursGroup[i] = group;
			this.mx[i] = xs[order[i]];
			this.my[i] = ys[order[i]];
			this.lon[i] = l.lon;
			this.lat[i] = l.lat;
			this.tree.add(l.lon, l.lat);
		}
		if (n === 0) this.tree.add(-999, -999);
		this.tree.finish();
		this.hours = new CompiledHours([...groups.keys()], previous?.hours);
	}

	get(id: number): IndexedListing | null {
		const at = this.positionOf.get(id);
		return at === undefined ? null : this.listings[at];
	}

	/** Positions of the listings inside a [west, south, east, north] box. */
	inBox([w, s, e, n]: [number, number, number, number]): number[] {
		return this.size ? this.tree.range(w, s, e, n) : [];
	}

	/** Whether the listing at a position lies in a [west, south, east, north] box. */
	isInBox(i: number, [w, s, e, n]: readonly number[]): boolean {
		const lon = this.lon[i];
		const lat = this.lat[i];
		return lon >= w && lon <= e && lat >= s && lat <= n;
	}

	/** Metres from a point to the listing at a position. */
	distance(from: LatLon, i: number): number {
		return haversineMeters(from, { lat: this.lat[i], lon: this.lon[i] });
	}

	/** Open-now by position at one instant (null: no hours, or unknown). */
	openAt(instant: Date): (position: number) => boolean | null {
		const byGroup = this.hours.at(instant);
		return (position) => byGroup(this.hoursGroup[position]);
	}
}

const KIND_ORDER = Object.keys(SHOP_KINDS) as ShopKind[];

/** Bits of shop kinds (by SHOP_KINDS order), as `kindBits` holds them per listing. */
export function kindBits(kinds: readonly ShopKind[]): number {
	let bits = 0;
	for (const k of kinds) bits |= 1 << KIND_ORDER.indexOf(k);
	return bits;
}

export function paymentBits(methods: readonly PaymentMethod[]): number {
	let bits = 0;
	for (const m of methods) bits |= 1 << PAYMENT_METHODS.indexOf(m);
	return bits;
}
