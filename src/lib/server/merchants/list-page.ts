/**
 * The list beside the map: the listings that pass the filters and the search, ranked, paged,
 * as cards; and when nothing matches, the nearest alternatives around where the visitor is
 * looking.
 *
 * Ranking, in this order:
 * - a kind-of-shop word ('药店', 'parfumerie') puts the listings of that kind first;
 * - a named place ('卢浮宫'): nearest to the place first (the map's box does not limit the list,
 *   the place does; each card shows its distance from the place);
 * - name words: best match first, then nearest to the visitor;
 * - nothing to match: open shops first, then nearest to the visitor or the map centre (where the
 *   map opens when the request has no viewport: the whole region is then listed).
 *
 * Only the first pages are sorted. With no words in a viewport, the nearest open listings and then
 * the nearest others are found in growing circles (or, when they are few, in the kept set of
 * open or passing listings), so a request reads about what its pages hold; for a named place,
 * the nearest to it the same way. Otherwise the listings of the viewport (from the k-d tree, or
 * from the selection when it is small) are scanned once, keeping the best `page × pageSize`.
 */
import type { Executor } from '../db/client';
import type { BBox, LatLon, ListingFilters } from '../../merchants/filters';
import type { ListPage, ListingCard } from '../../merchants/cards';
import { boundingBoxAround } from '../../geo/distance';
import { DEFAULT_VIEW } from '../../merchants/map-state';
import { CATEGORIES } from '../../merchants/vocabulary';
import { placeCard } from '../reference/places';
import { kindBits, listingIndex, type ListingIndex } from './listing-index';
import {
	criteriaOf,
	openPositions,
	readQuery,
	remember,
	selectionOf,
	type SearchQuery,
	type Selection
} from './listing-search';
import { countInBox } from './listing-map';
import { toCard } from './listing-cards';
import { nearestInTree } from './nearest';

export const LIST_PAGE_SIZE = 20;
/** Alternatives are only offered this close to where the visitor is looking. */
export const ALTERNATIVES_RADIUS_M = 3_000;
/** Where the map opens (the Louvre – Opéra area) when nothing else says where to look. */
const DEFAULT_CENTRE: LatLon = { lat: DEFAULT_VIEW.lat, lon: DEFAULT_VIEW.lon };

export interface ListPageRequest {
	filters: ListingFilters;
	/** The search box read once for the whole request (readQuery(filters.q) when absent). */
	query?: SearchQuery;
	/** Only listings in this box (the map's viewport), when known. */
	bbox: BBox | null;
	/** Sort by distance from here (the visitor's position, else the map centre). */
	origin: LatLon | null;
	/** Whether `origin` is the visitor's own position (distances are then shown). */
	originIsVisitor: boolean;
	page: number;
	pageSize: number;
	now: Date;
}

/**
 * The best `limit` candidates by the module header's order, best first, and how many there
 * were: each candidate's sort keys are computed once, and a candidate is kept only if it beats
 * the worst kept one.
 */
function rankTop(
	index: ListingIndex,
	candidates: Iterable<number>,
	keysOf: (i: number, out: Float64Array) => void,
	limit: number
): { total: number; best: number[] } {
	const best: { i: number; keys: Float64Array; id: number }[] = [];
	const before = (a: Float64Array, aId: number, b: Float64Array, bId: number) => {
		for (let k = 0; k < 3; k++) if (a[k] !== b[k]) return a[k] < b[k];
		return aId < bId;
	};
	let total = 0;
	let keys = new Float64Array(3);
	for (const i of candidates) {
		total++;
		if (limit === 0) continue;
		keysOf(i, keys);
		const id = index.id[i];
		const worst = best[best.length - 1];
		if (best.length === limit && !before(keys, id, worst.keys, worst.id)) continue;
		let lo = 0;
		let hi = best.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (before(best[mid].keys, best[mid].id, keys, id)) lo = mid + 1;
			else hi = mid;
		}
		best.splice(lo, 0, { i, keys, id });
		if (best.length > limit) best.pop();
		keys = new Float64Array(3);
	}
	return { total, best: best.map((b) => b.i) };
}

export async function listPage(db: Executor, req: ListPageRequest): Promise<ListPage> {
	const index = await listingIndex(db);
	const query = req.query ?? readQuery(req.filters.q);
	const place = query.place;
	const criteria = criteriaOf(req.filters, query);
	const selection = selectionOf(index, criteria);
	const openNow = index.openAt(req.now);
	const passes = (i: number) =>
		selection.scores[i] > 0 && (!criteria.openNow || openNow(i) === true);
	// Without a viewport or a place (a first visit, no JavaScript yet): the whole region, nearest
	// first to where the map opens.
	const origin = place ? { lat: place.lat, lon: place.lon } : (req.origin ?? DEFAULT_CENTRE);
	const area = req.bbox ?? index.extent;
	const wanted = Math.max(1, req.page) * req.pageSize;
	const kinds = query.shopKinds;

	// No name words, a viewport and a large selection: in the order of the module header (the
	// kind asked for, then open ones, each group nearest first), each group from growing circles.
	let ranked: { total: number; best: number[] } | null = null;
	const kindMask = kindBits(kinds);
	const ofKind = (i: number) => (index.kinds[i] & kindMask ? 0 : 1);
	if (!place && !query.rest.length) {
		const passing = openPositions(index, selection, criteria, req.now);
		const openHere = openPositions(index, selection, { ...criteria, openNow: true }, req.now);
		const best: number[] = [];
		for (const kind of kinds.length ? [0, 1] : [null]) {
			for (const open of [true, false]) {
				const test = (i: number) =>
					passes(i) && (openNow(i) === true) === open && (kind === null || ofKind(i) === kind);
				const few = (open ? smallest(index, openHere) : null) ?? smallest(index, selection);
				best.push(...nearest(index, origin, area, wanted - best.length, few, test));
			}
		}
		ranked = { total: countInBox(index, passing, area), best };
	}
	// A named place: the kind asked for first, each group nearest to the place, from circles.
	if (place) {
		const passing = openPositions(index, selection, criteria, req.now);
		const few = smallest(index, passing);
		const best: number[] = [];
		for (const kind of kinds.length ? [0, 1] : [null]) {
			const test = (i: number) => passes(i) && (kind === null || ofKind(i) === kind);
			best.push(...nearest(index, origin, index.extent, wanted - best.length, few, test));
		}
		ranked = { total: passing.positions.length, best };
	}
	// Name words, ranked without distance: the selection's ranking is kept for this version of
	// the index, and read in order until the page is full, when the viewport holds enough of it.
	if (!ranked && req.bbox && !req.originIsVisitor) {
		const passing = openPositions(index, selection, criteria, req.now);
		const total = countInBox(index, passing, req.bbox);
		if (total === 0) ranked = { total, best: [] };
		else if ((wanted * passing.positions.length) / total <= WALK_SHARE * total) {
			const best: number[] = [];
			for (const i of keptRanking(index, selection, kindMask)) {
				if (index.isInBox(i, req.bbox) && passes(i) && best.push(i) === wanted) break;
			}
			ranked = { total, best };
		}
	}
	if (!ranked) {
		const small = smallest(index, selection);
		const candidates = req.bbox
			? small
				? inBoxOf(index, small, req.bbox).filter(passes)
				: index.inBox(req.bbox).filter(passes)
			: criteria.openNow
				? selection.positions.filter(passes)
				: selection.positions;
		const distance = (i: number) => index.distance(origin, i);
		const keysOf = (i: number, out: Float64Array) => {
			out[0] = ofKind(i);
			if (query.rest.length) {
				out[1] = -selection.scores[i];
				out[2] = req.originIsVisitor ? distance(i) : 0;
			} else {
				out[1] = openNow(i) === true ? 0 : 1;
				out[2] = distance(i);
			}
		};
		ranked = rankTop(index, candidates, keysOf, wanted);
	}
	const { total, best } = ranked;
	const pageCount = Math.max(1, Math.ceil(total / req.pageSize));
	const page = Math.min(req.page, pageCount);
	const distanceFrom = place || req.originIsVisitor ? origin : null;
	const items = best
		.slice((page - 1) * req.pageSize, page * req.pageSize)
		.map((i) => toCard(index.listing(i), req.now, distanceFrom, index.hours));
	const lookingAt = req.origin || place ? origin : req.bbox ? centreOf(req.bbox) : DEFAULT_CENTRE;
	const alternatives =
		total === 0 ? nearestAlternatives(index, req, query, lookingAt, distanceFrom) : [];
	return {
		place: place ? placeCard(place) : null,
		queryWithoutPlace: place ? query.withoutPlace : req.filters.q,
		total,
		page,
		pageCount,
		items,
		alternatives
	};
}

/**
 * The kept ranking is read when about this many of its listings per listing of the viewport's
 * set are enough to fill the page (otherwise the viewport's listings are ranked).
 */
const WALK_SHARE = 4;

/** The selection by rank (the kind asked for, best score, then id), kept with the index. */
function keptRanking(index: ListingIndex, selection: Selection, kindMask: number): Int32Array {
	return remember(index, `ranking:${selection.key}|${kindMask}`, () => {
		const ofKind = (i: number) => (index.kinds[i] & kindMask ? 0 : 1);
		const { scores } = selection;
		return Int32Array.from(selection.positions).sort(
			(a, b) => ofKind(a) - ofKind(b) || scores[b] - scores[a] || index.id[a] - index.id[b]
		);
	});
}

/** What visiting a listing in the tree costs, in scans of a listing of a set. */
const TREE_COST = 4;
/** A set of listings this much smaller than the index is scanned rather than searched by area. */
const SMALL_SHARE = 8;

/** The positions when they are few enough to scan, else null (search the k-d tree instead). */
function smallest(index: ListingIndex, set: { positions: Int32Array }): Int32Array | null {
	return set.positions.length * SMALL_SHARE <= index.size ? set.positions : null;
}

function inBoxOf(index: ListingIndex, positions: Int32Array, bbox: BBox): number[] {
	const inside: number[] = [];
	for (const i of positions) if (index.isInBox(i, bbox)) inside.push(i);
	return inside;
}

/**
 * The `limit` listings of the box nearest to the origin that pass `test`, nearest first (ties by
 * id). From `few` (a small set holding every passing listing, scanned once) when it is tiny;
 * else from the k-d tree, nearest first (nearest.ts), so that a request reads about what its
 * first page needs.
 */
function nearest(
	index: ListingIndex,
	origin: LatLon,
	bbox: BBox,
	limit: number,
	few: Int32Array | null,
	test: (i: number) => boolean
): number[] {
	if (limit <= 0) return [];
	// The tree visits about limit × (index / few) listings to find `limit` of a set spread
	// like the index (each visit costs a few scans): scanning the set is cheaper when it is tiny.
	if (!few || few.length ** 2 > TREE_COST * limit * index.size) {
		return nearestInTree(index.tree, origin, bbox, limit, test);
	}
	const found: { i: number; d: number }[] = [];
	for (const i of few) {
		if (index.isInBox(i, bbox) && test(i)) found.push({ i, d: index.distance(origin, i) });
	}
	return found
		.sort((a, b) => a.d - b.d || index.id[a.i] - index.id[b.i])
		.slice(0, limit)
		.map((f) => f.i);
}

function centreOf([w, s, e, n]: BBox): LatLon {
	return { lat: (s + n) / 2, lon: (w + e) / 2 };
}

/**
 * Nothing matched: the five nearest listings within ALTERNATIVES_RADIUS_M of where the visitor
 * is looking, of the categories asked for if that finds some, else of any category. Never
 * listings from across the region: none at all is the honest answer there.
 */
function nearestAlternatives(
	index: ListingIndex,
	req: ListPageRequest,
	query: SearchQuery,
	lookingAt: LatLon,
	distanceFrom: LatLon | null
): ListingCard[] {
	const categories = [...req.filters.categories, ...query.categories];
	const box = boundingBoxAround(lookingAt, ALTERNATIVES_RADIUS_M);
	const near = index
		.inBox([box.west, box.south, box.east, box.north])
		.map((i) => ({ i, d: index.distance(lookingAt, i) }))
		.filter((x) => x.d <= ALTERNATIVES_RADIUS_M);
	const asked = new Set(categories.map((c) => CATEGORIES.indexOf(c)));
	let pool = near.filter((x) => asked.has(index.category[x.i]));
	if (!pool.length) pool = near;
	return pool
		.sort((a, b) => a.d - b.d || index.id[a.i] - index.id[b.i])
		.slice(0, 5)
		.map(({ i }) => toCard(index.listing(i), req.now, distanceFrom, index.hours));
}
