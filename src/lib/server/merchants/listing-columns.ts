/**
 * The approved listings as columns: one typed array per number or flag, one array per text
 * field, and the prepared search texts joined in a few strings (search/score.ts), instead of
 * one object per listing with its own arrays: at 100,000 listings the objects and their search
 * arrays were 120 MB of heap, the columns are a fraction of it. A listing object is made only
 * for what shows it (a card, a merchant page, the open-data files).
 */
import { CATEGORIES, PAYMENT_METHODS } from '../../merchants/vocabulary';
import type { Category, PaymentMethod } from '../../merchants/vocabulary';
import { SearchTexts, type PreparedFields } from '../../search/score';
import { SHOP_KINDS, type ShopKind } from '../../search/keywords';
import { shopKindsOfNames } from '../../search/keyword-index';
import { merchantSlug } from '../../merchants/slug';

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
}

/** A listing as read from the database, with its search texts prepared (names, pinyin, places). */
export type ListingRow = Omit<IndexedListing, 'slug'> & { search: PreparedFields };

/** Web Mercator positions are kept as integers of this many bits per axis. */
export const MERCATOR_BITS = 24;
export const FLAG_TAX_FREE = 1;
export const FLAG_CHINESE_STAFF = 2;
export const FLAG_REPORTED = 4;

const MERCATOR_SCALE = 2 ** MERCATOR_BITS;

/** Web Mercator x and y of a position, as integers in [0, 2^MERCATOR_BITS). */
export function mercator(lon: number, lat: number): [number, number] {
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
	const clamp = (v: number) => Math.min(MERCATOR_SCALE - 1, Math.max(0, Math.floor(v)));
	return [clamp(((lon + 180) / 360) * MERCATOR_SCALE), clamp(y * MERCATOR_SCALE)];
}

const KIND_ORDER = Object.keys(SHOP_KINDS) as ShopKind[];

/** Bits of shop kinds (by SHOP_KINDS order), as the index holds them per listing. */
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

/** One frozen wallet list per combination of bits, shared by the listings that have it. */
const walletLists = new Map<number, PaymentMethod[]>();
function walletsOf(bits: number): PaymentMethod[] {
	let found = walletLists.get(bits);
	if (!found) {
		found = Object.freeze(PAYMENT_METHODS.filter((_, k) => bits & (1 << k))) as PaymentMethod[];
		walletLists.set(bits, found);
	}
	return found;
}

const TEXT_FIELDS = [
	'nameFr',
	'nameZh',
	'descriptionFr',
	'descriptionZh',
	'address',
	'postalCode',
	'communeName',
	'communeCode',
	'openingHours',
	'phone',
	'website'
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Texts = Record<TextField, (string | null)[]>;

const NUMBER_FIELDS = ['id', 'mx', 'my', 'lon', 'lat', 'verifiedAt'] as const;
const BYTE_FIELDS = ['category', 'flags', 'payments', 'kinds'] as const;

export class ListingColumns {
	private constructor(
		readonly size: number,
		readonly id: Int32Array,
		/** Web Mercator position (see mercator()). */
		readonly mx: Uint32Array,
		readonly my: Uint32Array,
		/** Position in degrees. */
		readonly lon: Float64Array,
		readonly lat: Float64Array,
		/** Milliseconds, NaN when never verified. */
		readonly verifiedAt: Float64Array,
		/** Index in CATEGORIES; FLAG_* bits; wallet bits; shop kind bits (kindBits). */
		readonly category: Uint8Array,
		readonly flags: Uint8Array,
		readonly payments: Uint8Array,
		readonly kinds: Uint16Array,
		readonly texts: Texts,
		readonly search: SearchTexts
	) {}

	static fromRows(rows: readonly ListingRow[]): ListingColumns {
		const n = rows.length;
		const c = ListingColumns.empty(n, SearchTexts.of(rows.map((r) => r.search)));
		for (let i = 0; i < n; i++) c.set(i, rows[i]);
		return c;
	}

	/** Columns of `size` listings with these search texts, to be filled. */
	private static empty(size: number, search: SearchTexts): ListingColumns {
		const texts = {} as Texts;
		for (const f of TEXT_FIELDS) texts[f] = new Array<string | null>(size).fill(null);
		return new ListingColumns(
			size,
			new Int32Array(size),
			new Uint32Array(size),
			new Uint32Array(size),
			new Float64Array(size),
			new Float64Array(size),
			new Float64Array(size),
			new Uint8Array(size),
			new Uint8Array(size),
			new Uint8Array(size),
			new Uint16Array(size),
			texts,
			search
		);
	}

	/** Writes a row at a position (its search texts are written by the caller). */
	private set(i: number, r: ListingRow): void {
		this.id[i] = r.id;
		[this.mx[i], this.my[i]] = mercator(r.lon, r.lat);
		this.lon[i] = r.lon;
		this.lat[i] = r.lat;
		this.verifiedAt[i] = r.verifiedAt ? r.verifiedAt.getTime() : NaN;
		this.category[i] = CATEGORIES.indexOf(r.category);
		this.flags[i] =
			(r.taxFree ? FLAG_TAX_FREE : 0) |
			(r.chineseStaff ? FLAG_CHINESE_STAFF : 0) |
			(r.reported ? FLAG_REPORTED : 0);
		this.payments[i] = paymentBits(r.paymentMethods);
		this.kinds[i] = kindBits(shopKindsOfNames(r.search.names));
		for (const f of TEXT_FIELDS) this.texts[f][i] = r[f];
	}

	/**
	 * The listings `picks` names, in that order, from `parts` taken end to end (a pick of
	 * parts[0].size + 2 is the third listing of parts[1]): a re-sorted or merged copy.
	 */
	static gather(parts: readonly ListingColumns[], picks: Int32Array): ListingColumns {
		const n = picks.length;
		const partOf = new Uint8Array(n);
		const at = new Int32Array(n);
		for (let k = 0; k < n; k++) {
			let pick = picks[k];
			let p = 0;
			while (pick >= parts[p].size) pick -= parts[p++].size;
			partOf[k] = p;
			at[k] = pick;
		}
		const search = SearchTexts.gather(
			parts.map((p) => p.search),
			partOf,
			at
		);
		const c = ListingColumns.empty(n, search);
		for (const f of [...NUMBER_FIELDS, ...BYTE_FIELDS]) {
			const to = c[f];
			for (let k = 0; k < n; k++) to[k] = parts[partOf[k]][f][at[k]];
		}
		for (const f of TEXT_FIELDS) {
			const to = c.texts[f];
			for (let k = 0; k < n; k++) to[k] = parts[partOf[k]].texts[f][at[k]];
		}
		return c;
	}

	/**
	 * A copy with the listings at `positions` replaced by `rows` (same order): for changes that
	 * keep each listing's place in the index (no re-sort, no new tree).
	 */
	patched(positions: readonly number[], rows: readonly ListingRow[]): ListingColumns {
		const replaced = new Map<number, PreparedFields>();
		positions.forEach((p, k) => replaced.set(p, rows[k].search));
		const texts = {} as Texts;
		for (const f of TEXT_FIELDS) texts[f] = this.texts[f].slice();
		const c = new ListingColumns(
			this.size,
			this.id.slice(),
			this.mx.slice(),
			this.my.slice(),
			this.lon.slice(),
			this.lat.slice(),
			this.verifiedAt.slice(),
			this.category.slice(),
			this.flags.slice(),
			this.payments.slice(),
			this.kinds.slice(),
			texts,
			this.search.replaced(replaced)
		);
		positions.forEach((p, k) => c.set(p, rows[k]));
		return c;
	}

	/** The listing at a position, as an object (for what shows one). */
	listing(i: number): IndexedListing {
		const t = this.texts;
		const flags = this.flags[i];
		const verified = this.verifiedAt[i];
		return {
			id: this.id[i],
			slug: merchantSlug(t.nameFr[i]!),
			lat: this.lat[i],
			lon: this.lon[i],
			category: CATEGORIES[this.category[i]],
			nameFr: t.nameFr[i]!,
			nameZh: t.nameZh[i],
			descriptionFr: t.descriptionFr[i],
			descriptionZh: t.descriptionZh[i],
			address: t.address[i],
			postalCode: t.postalCode[i],
			communeName: t.communeName[i],
			communeCode: t.communeCode[i],
			openingHours: t.openingHours[i],
			paymentMethods: walletsOf(this.payments[i]),
			taxFree: (flags & FLAG_TAX_FREE) !== 0,
			chineseStaff: (flags & FLAG_CHINESE_STAFF) !== 0,
			phone: t.phone[i],
			website: t.website[i],
			verifiedAt: Number.isNaN(verified) ? null : new Date(verified),
			reported: (flags & FLAG_REPORTED) !== 0
		};
	}
}
