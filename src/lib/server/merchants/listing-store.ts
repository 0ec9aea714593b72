/**
 * The in-memory index of approved listings itself (built by listing-index.ts from the database):
 * the listings as columns (listing-columns.ts) in Morton order of their Web Mercator position, a
 * static k-d tree of positions, and what the filters test, for the map, list and merchant pages.
 * A change that keeps every changed listing in its place (same position) patches a copy of the
 * columns and keeps the tree; any other change re-sorts.
 */
import KDBush from 'kdbush';
import { CompiledHours } from '../../hours/compiled';
import { haversineMeters, type LatLon } from '../../geo/distance';
import {
	MERCATOR_BITS,
	ListingColumns,
	type IndexedListing,
	type ListingRow
} from './listing-columns';
export { ListingColumns } from './listing-columns';

export {
	FLAG_CHINESE_STAFF,
	FLAG_REPORTED,
	FLAG_TAX_FREE,
	MERCATOR_BITS,
	kindBits,
	mercator,
	paymentBits,
	type IndexedListing,
	type ListingRow
} from './listing-columns';

/** The Z-order code of a Mercator position: cells of every level are runs of codes. */
function mortonCode(x: number, y: number): number {
	let code = 0;
	for (let bit = MERCATOR_BITS - 1; bit >= 0; bit--) {
		code = code * 4 + ((x >>> bit) & 1) * 2 + ((y >>> bit) & 1);
	}
	return code;
}

/** The columns sorted by Morton code (then id). */
function sortedColumns(parts: ListingColumns[], picks: Int32Array): ListingColumns {
	const n = picks.length;
	const codes = new Float64Array(n);
	const ids = new Int32Array(n);
	for (let k = 0; k < n; k++) {
		let pick = picks[k];
		let p = 0;
		while (pick >= parts[p].size) pick -= parts[p++].size;
		codes[k] = mortonCode(parts[p].mx[pick], parts[p].my[pick]);
		ids[k] = parts[p].id[pick];
	}
	const order = Array.from({ length: n }, (_, k) => k);
	order.sort((a, b) => codes[a] - codes[b] || ids[a] - ids[b]);
	return ListingColumns.gather(
		parts,
		Int32Array.from(order, (k) => picks[k])
	);
}

export class ListingIndex {
	readonly size: number;
	readonly tree: KDBush;
	readonly positionOf: Map<number, number>;
	/** Per listing (by position), from the columns: see ListingColumns. */
	readonly id: Int32Array;
	readonly category: Uint8Array;
	readonly flags: Uint8Array;
	readonly payments: Uint8Array;
	readonly kinds: Uint16Array;
	readonly mx: Uint32Array;
	readonly my: Uint32Array;
	readonly lon: Float64Array;
	readonly lat: Float64Array;
	/** The smallest [west, south, east, north] box holding every listing. */
	readonly extent: [number, number, number, number];
	/** Per listing, its opening-hours value's number in `hours` (-1: none). */
	readonly hoursGroup: Int32Array;
	readonly hours: CompiledHours;
	/** Per-filter results kept for this version of the listings (see listing-search.ts). */
	readonly memo = new Map<string, unknown>();

	/**
	 * `columns` in Morton order; `previous`: the index this one replaces (its compiled opening
	 * hours are kept, and its tree when the positions are the same).
	 */
	private constructor(
		readonly columns: ListingColumns,
		readonly version: string,
		previous?: ListingIndex,
		samePlaces = false
	) {
		const n = (this.size = columns.size);
		({
			id: this.id,
			category: this.category,
			flags: this.flags,
			payments: this.payments,
			kinds: this.kinds,
			mx: this.mx,
			my: this.my,
			lon: this.lon,
			lat: this.lat
		} = columns);
		if (samePlaces && previous) {
			this.tree = previous.tree;
			this.positionOf = previous.positionOf;
		} else {
			this.tree = new KDBush(Math.max(1, n));
			this.positionOf = new Map();
			for (let i = 0; i < n; i++) {
				this.positionOf.set(this.id[i], i);
				this.tree.add(this.lon[i], this.lat[i]);
			}
			if (n === 0) this.tree.add(-999, -999);
			this.tree.finish();
		}
		let [w, s, e, north] = [Infinity, Infinity, -Infinity, -Infinity];
		for (let i = 0; i < n; i++) {
			w = Math.min(w, this.lon[i]);
			e = Math.max(e, this.lon[i]);
			s = Math.min(s, this.lat[i]);
			north = Math.max(north, this.lat[i]);
		}
		this.extent = n ? [w, s, e, north] : [0, 0, 0, 0];
		this.hoursGroup = new Int32Array(n);
		const groups = new Map<string, number>();
		const values = columns.texts.openingHours;
		for (let i = 0; i < n; i++) {
			const value = values[i];
			let group = -1;
			if (value) {
				group = groups.get(value) ?? groups.size;
				groups.set(value, group);
			}
			this.hoursGroup[i] = group;
		}
		this.hours = new CompiledHours([...groups.keys()], previous?.hours);
	}

	/** The index of these listings (columns read in parts, in any order). */
	static of(parts: ListingColumns[], version: string): ListingIndex {
		const count = parts.reduce((sum, p) => sum + p.size, 0);
		return new ListingIndex(
			sortedColumns(
				parts,
				Int32Array.from({ length: count }, (_, k) => k)
			),
			version
		);
	}

	/**
	 * This index with the listings of `changed` ids replaced by `rows` (an id absent from rows
	 * leaves; a row whose id is new enters). Patched in place (no sort, same tree) when every
	 * changed listing stays, at the same position, and none enters.
	 */
	withChanges(changed: ReadonlySet<number>, rows: readonly ListingRow[], version: string) {
		const positions: number[] = [];
		for (const r of rows) {
			const at = this.positionOf.get(r.id);
			if (at === undefined || this.lon[at] !== r.lon || this.lat[at] !== r.lat) break;
			positions.push(at);
		}
		if (positions.length === rows.length && rows.length === changed.size) {
			return new ListingIndex(this.columns.patched(positions, rows), version, this, true);
		}
		const kept: number[] = [];
		for (let i = 0; i < this.size; i++) if (!changed.has(this.id[i])) kept.push(i);
		for (let k = 0; k < rows.length; k++) kept.push(this.size + k);
		const fresh = ListingColumns.fromRows(rows);
		const columns = sortedColumns([this.columns, fresh], Int32Array.from(kept));
		return new ListingIndex(columns, version, this);
	}

	/** The listing at a position, as an object (for a card or a page). */
	listing(i: number): IndexedListing {
		return this.columns.listing(i);
	}

	/** Every listing as an object, in index order (an object each: for tests and tools). */
	all(): IndexedListing[] {
		return Array.from({ length: this.size }, (_, i) => this.listing(i));
	}

	get(id: number): IndexedListing | null {
		const at = this.positionOf.get(id);
		return at === undefined ? null : this.listing(at);
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
