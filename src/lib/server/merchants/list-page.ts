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
 * - nothing to match: open shops first, then nearest to the visitor or the map centre.
 */
import type { Executor } from '../db/client';
import type { BBox, LatLon, ListingFilters } from '../../merchants/filters';
import type { ListPage, ListingCard } from '../../merchants/cards';
import { haversineMeters } from '../../geo/distance';
import { placeCard } from '../reference/places';
import {
	approvedListings,
	filterListings,
	inBBox,
	openNowEvaluator,
	readQuery,
	toCard,
	type IndexedListing,
	type Match,
	type SearchQuery
} from './listings';

export const LIST_PAGE_SIZE = 20;
/** Alternatives are only offered this close to where the visitor is looking. */
export const ALTERNATIVES_RADIUS_M = 3_000;
/** Where the map opens (the Louvre – Opéra area) when nothing else says where to look. */
const DEFAULT_CENTRE: LatLon = { lat: 48.8655, lon: 2.3367 };

export interface ListPageRequest {
	filters: ListingFilters;
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

/** Sorts matches in place as the module's header says. */
function rank(
	matches: Match[],
	query: SearchQuery,
	origin: LatLon | null,
	originIsVisitor: boolean,
	now: Date
): void {
	const kinds = query.shopKinds;
	const ofKind = (m: Match) =>
		kinds.length > 0 && m.listing.kinds.some((k) => kinds.includes(k)) ? 0 : 1;
	const distance = origin ? (l: IndexedListing) => haversineMeters(origin, l) : () => 0;
	const openNow = openNowEvaluator(now);
	const closed = (m: Match) => (openNow(m.listing.openingHours) === true ? 0 : 1);
	const keyed = matches.map((m) => ({
		m,
		keys: query.place
			? [ofKind(m), distance(m.listing)]
			: query.rest.length
				? [ofKind(m), -m.score, originIsVisitor ? distance(m.listing) : 0]
				: [ofKind(m), closed(m), distance(m.listing)]
	}));
	keyed.sort((a, b) => {
		for (let i = 0; i < a.keys.length; i++) {
			if (a.keys[i] !== b.keys[i]) return a.keys[i] - b.keys[i];
		}
		return a.m.listing.id - b.m.listing.id;
	});
	keyed.forEach((k, i) => (matches[i] = k.m));
}

export async function listPage(db: Executor, req: ListPageRequest): Promise<ListPage> {
	const listings = await approvedListings(db);
	const query = readQuery(req.filters.q);
	const place = query.place;
	let matches = filterListings(listings, req.filters, req.now, query);
	if (req.bbox && !place) matches = matches.filter((m) => inBBox(m.listing, req.bbox!));
	const origin = place ? { lat: place.lat, lon: place.lon } : req.origin;
	rank(matches, query, origin, req.originIsVisitor, req.now);
	const total = matches.length;
	const pageCount = Math.max(1, Math.ceil(total / req.pageSize));
	const page = Math.min(req.page, pageCount);
	const distanceFrom = place || req.originIsVisitor ? origin : null;
	const items = matches
		.slice((page - 1) * req.pageSize, page * req.pageSize)
		.map((m) => toCard(m.listing, req.now, distanceFrom));
	const lookingAt = origin ?? (req.bbox ? centreOf(req.bbox) : DEFAULT_CENTRE);
	const alternatives =
		total === 0 ? nearestAlternatives(listings, req, query, lookingAt, distanceFrom) : [];
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

function centreOf([w, s, e, n]: BBox): LatLon {
	return { lat: (s + n) / 2, lon: (w + e) / 2 };
}

/**
 * Nothing matched: the five nearest listings within ALTERNATIVES_RADIUS_M of where the visitor
 * is looking, of the categories asked for if that finds some, else of any category. Never
 * listings from across the region: none at all is the honest answer there.
 */
function nearestAlternatives(
	listings: IndexedListing[],
	req: ListPageRequest,
	query: SearchQuery,
	lookingAt: LatLon,
	distanceFrom: LatLon | null
): ListingCard[] {
	const categories = [...req.filters.categories, ...query.categories];
	const near = listings
		.map((l) => ({ l, d: haversineMeters(lookingAt, l) }))
		.filter((x) => x.d <= ALTERNATIVES_RADIUS_M);
	let pool = categories.length ? near.filter((x) => categories.includes(x.l.category)) : [];
	if (!pool.length) pool = near;
	return pool
		.sort((a, b) => a.d - b.d || a.l.id - b.l.id)
		.slice(0, 5)
		.map(({ l }) => toCard(l, req.now, distanceFrom));
}
