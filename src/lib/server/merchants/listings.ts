/**
 * The public listings as the tourist map needs them: approved merchants only, filtered,
 * searched, ranked, paged and clustered on the server, so the browser never downloads the
 * whole table.
 *
 * The approved listings are held in memory (a few hundred bytes each: 100,000 fit in ~40 MB),
 * reloaded when the database says they changed (checked at most every few seconds, or at once
 * after a decision in this process). Searching, open-now and distances are then computed here;
 * clusters are built with supercluster and cached per filter set.
 */
import { and, count, eq, max, sql } from 'drizzle-orm';
import Supercluster from 'supercluster';
import { latLngToCell } from 'h3-js';
import type { Executor } from '../db/client';
import { DEMAND_CELL_RESOLUTION, demandEvents, merchants } from '../db/schema';
import { parisIsoDate } from '../../i18n/format';
import type { Category, PaymentMethod } from '../../merchants/vocabulary';
import type { BBox, LatLon, ListingFilters } from '../../merchants/filters';
import { filtersKey } from '../../merchants/filters';
import { interpretQuery, type InterpretedQuery } from '../../search/interpret';
import type { NamedPlace } from '../../search/places';
import { shopKindsOfNames } from '../../search/keyword-index';
import type { ShopKind } from '../../search/keywords';
import { placeIndex, type Place } from '../reference/places';
import {
	matchPrepared,
	prepareFields,
	prepareQuery,
	type PreparedFields
} from '../../search/score';
import { isOpenAt, todaysIntervals } from '../../hours/open-now';
import { haversineMeters } from '../../geo/distance';
import { merchantSlug } from '../../merchants/slug';
import { isStale } from '../../merchants/freshness';
import type { ListingCard, MapFeature } from '../../merchants/cards';

export interface IndexedListing {
	id: number;
	slug: string;
	lat: number;
	lon: number;
	category: Category;
	nameFr: string;
	nameZh: string | null;
	address: string | null;
	postalCode: string | null;
	communeName: string | null;
	/** INSEE code of the commune (open data). */
	communeCode: string | null;
	openingHours: string | null;
	paymentMethods: PaymentMethod[];
	taxFree: boolean;
	chineseStaff: boolean;
	/** When the listing was last confirmed true (approval, reconfirmation, an official's check). */
	verifiedAt: Date | null;
	/** Tourists' reports wait for an official (an open listing_reports row): cards show a caution. */
	reported: boolean;
	/** Names and place, normalised once for search. */
	search: PreparedFields;
	/** Kinds of shop its name says it is ('Pharmacie …' → pharmacy), for ranking. */
	kinds: ShopKind[];
}

const VERSION_CHECK_MS = 5_000;

interface IndexState {
	listings: IndexedListing[];
	version: string;
	checkedAt: number;
	clusters: Map<string, Supercluster<PointProps>>;
}
let state: IndexState | undefined;
let loading: Promise<IndexState> | undefined;

async function listingsVersion(db: Executor): Promise<string> {
	const [row] = await db
		.select({ n: count(), last: max(merchants.updatedAt) })
		.from(merchants)
		.where(eq(merchants.status, 'approved'));
	return `${row.n}:${row.last?.getTime() ?? 0}`;
}

async function loadListings(db: Executor): Promise<IndexedListing[]> {
	const rows = await db
		.select({
			id: merchants.id,
			lat: merchants.latitude,
			lon: merchants.longitude,
			category: merchants.category,
			nameFr: merchants.tradeNameFr,
			nameZh: merchants.tradeNameZh,
			address: merchants.address,
			postalCode: merchants.postalCode,
			communeName: merchants.communeName,
			communeCode: merchants.communeCode,
			openingHours: merchants.openingHours,
			paymentMethods: merchants.paymentMethods,
			taxFree: merchants.taxFree,
			chineseStaff: merchants.chineseStaff,
			verifiedAt: merchants.verifiedAt,
			// Qualified by hand: in a subquery, an unqualified "id" would be the report's.
			reported: sql<boolean>`EXISTS (SELECT 1 FROM listing_reports r WHERE r.merchant_id = "merchants"."id" AND r.resolved_at IS NULL)`
		})
		.from(merchants)
		.where(and(eq(merchants.status, 'approved'), sql`${merchants.latitude} IS NOT NULL`));
	return rows.map((r) => {
		const search = prepareFields({
			nameFr: r.nameFr,
			nameZh: r.nameZh,
			address: r.address,
			commune: `${r.postalCode ?? ''} ${r.communeName ?? ''}`
		});
		return {
			...r,
			reported: Boolean(r.reported),
			lat: r.lat!,
			lon: r.lon!,
			slug: merchantSlug(r.nameFr),
			search,
			kinds: shopKindsOfNames(search.names)
		};
	});
}

/** The in-memory approved listings, reloaded when the database changed. */
export async function approvedListings(db: Executor): Promise<IndexedListing[]> {
	const now = Date.now();
	if (state && now - state.checkedAt < VERSION_CHECK_MS) return state.listings;
	loading ??= (async () => {
		const version = await listingsVersion(db);
		if (state && state.version === version) {
			state.checkedAt = Date.now();
			return state;
		}
		const listings = await loadListings(db);
		state = { listings, version, checkedAt: Date.now(), clusters: new Map() };
		return state;
	})().finally(() => (loading = undefined));
	return (await loading).listings;
}

/** Call after a listing was approved, changed or removed, so the next request reloads. */
export function invalidateListings(): void {
	if (state) state.checkedAt = 0;
}

/** Open-now for a whole result set: each distinct hours string is evaluated once. */
export function openNowEvaluator(now: Date) {
	const memo = new Map<string, boolean | null>();
	return (hours: string | null): boolean | null => {
		if (!hours) return null;
		if (!memo.has(hours)) memo.set(hours, isOpenAt(hours, now));
		return memo.get(hours)!;
	};
}

export interface Match {
	listing: IndexedListing;
	score: number;
}

/** Reads a search box, with the places of the reference list. */
export function readQuery(q: string): SearchQuery {
	return interpretQuery(q, placeIndex);
}

export type SearchQuery = InterpretedQuery<Place & NamedPlace>;

/**
 * The listings that pass the filters and the search, unsorted. The place a query names is not
 * a filter: it only orders the list (see list-page.ts).
 */
export function filterListings(
	listings: IndexedListing[],
	filters: ListingFilters,
	now: Date,
	query: SearchQuery = readQuery(filters.q)
): Match[] {
	const categories = new Set<Category>([...filters.categories, ...query.categories]);
	const payments = [...new Set([...filters.paymentMethods, ...query.paymentMethods])];
	const taxFree = filters.taxFree || query.taxFree;
	const chineseStaff = filters.chineseStaff || query.chineseStaff;
	const openNow = openNowEvaluator(now);
	const queryTokens = prepareQuery(query.rest);
	const out: Match[] = [];
	for (const listing of listings) {
		if (categories.size && !categories.has(listing.category)) continue;
		if (taxFree && !listing.taxFree) continue;
		if (chineseStaff && !listing.chineseStaff) continue;
		if (payments.length && !payments.every((p) => listing.paymentMethods.includes(p))) continue;
		let score = 1;
		if (query.rest.length) {
			score = matchPrepared(queryTokens, listing.search);
			if (score <= 0) continue;
		}
		if (filters.openNow && openNow(listing.openingHours) !== true) continue;
		out.push({ listing, score });
	}
	return out;
}

export function inBBox(l: { lat: number; lon: number }, [w, s, e, n]: BBox): boolean {
	return l.lon >= w && l.lon <= e && l.lat >= s && l.lat <= n;
}

export function toCard(
	listing: Omit<IndexedListing, 'search' | 'communeCode' | 'kinds'>,
	now: Date,
	from: LatLon | null
): ListingCard {
	const hours = listing.openingHours;
	const verifiedOn = listing.verifiedAt ? parisIsoDate(listing.verifiedAt) : null;
	return {
		id: listing.id,
		slug: listing.slug,
		nameFr: listing.nameFr,
		nameZh: listing.nameZh,
		category: listing.category,
		address: listing.address,
		postalCode: listing.postalCode,
		communeName: listing.communeName,
		lat: listing.lat,
		lon: listing.lon,
		openNow: hours ? isOpenAt(hours, now) : null,
		todayHours: hours ? todaysIntervals(hours, now) : [],
		paymentMethods: listing.paymentMethods,
		taxFree: listing.taxFree,
		chineseStaff: listing.chineseStaff,
		verifiedOn,
		stale: verifiedOn !== null && isStale(verifiedOn, parisIsoDate(now)),
		reported: listing.reported,
		distanceM: from ? Math.round(haversineMeters(from, listing)) : null
	};
}

interface PointProps {
	id: number;
	category: Category;
	open: boolean | null;
}

const MAX_CLUSTER_CACHE = 24;

/** Clusters and single listings visible in a box at a zoom, for the map. */
export async function mapFeatures(
	db: Executor,
	filters: ListingFilters,
	bbox: BBox,
	zoom: number,
	now: Date
): Promise<{ features: MapFeature[]; total: number }> {
	const listings = await approvedListings(db);
	const current = state!;
	// Every point carries its open-now state, which changes with time: cluster sets are
	// rebuilt every five minutes, whatever the filters.
	const key = `${filtersKey(filters)}|${Math.floor(now.getTime() / 300_000)}`;
	let index = current.clusters.get(key);
	let total: number;
	if (!index) {
		const openNow = openNowEvaluator(now);
		const matches = filterListings(listings, filters, now);
		index = new Supercluster<PointProps>({ radius: 60, maxZoom: 16, minPoints: 3 });
		index.load(
			matches.map(({ listing: l }) => ({
				type: 'Feature' as const,
				geometry: { type: 'Point' as const, coordinates: [l.lon, l.lat] },
				properties: { id: l.id, category: l.category, open: openNow(l.openingHours) }
			}))
		);
		if (current.clusters.size >= MAX_CLUSTER_CACHE) {
			current.clusters.delete(current.clusters.keys().next().value!);
		}
		current.clusters.set(key, index);
	}
	total = 0;
	const z = Math.max(0, Math.min(20, Math.floor(zoom)));
	const features = index.getClusters(bbox, z).map((f): MapFeature => {
		const [lon, lat] = f.geometry.coordinates as [number, number];
		const coordinates: [number, number] = [lon, lat];
		if ('cluster' in f.properties && f.properties.cluster) {
			const clusterId = f.properties.cluster_id;
			total += f.properties.point_count;
			return {
				type: 'Feature',
				id: clusterId,
				geometry: { type: 'Point', coordinates },
				properties: {
					cluster: true,
					count: f.properties.point_count,
					expansionZoom: Math.min(index!.getClusterExpansionZoom(clusterId), 18)
				}
			};
		}
		const p = f.properties as PointProps;
		total += 1;
		return {
			type: 'Feature',
			id: p.id,
			geometry: { type: 'Point', coordinates },
			properties: { cluster: false, id: p.id, category: p.category, open: p.open }
		};
	});
	return { features, total };
}

/** One listing card by id (approved only), for the map's popup. */
export async function listingCard(
	db: Executor,
	id: number,
	now: Date,
	from: LatLon | null
): Promise<ListingCard | null> {
	const listing = (await approvedListings(db)).find((l) => l.id === id);
	return listing ? toCard(listing, now, from) : null;
}

/**
 * Records one search for the partnership's demand metrics: the day, the category looked
 * for, a coarse H3 cell of where the visitor was looking and the number of results.
 * Never an IP address, a session or a precise position.
 */
export async function recordSearch(
	db: Executor,
	search: { category: Category | null; center: LatLon | null; resultCount: number; now: Date }
): Promise<void> {
	await db.insert(demandEvents).values({
		day: parisIsoDate(search.now),
		category: search.category,
		areaCell: search.center
			? latLngToCell(search.center.lat, search.center.lon, DEMAND_CELL_RESOLUTION)
			: null,
		resultCount: search.resultCount
	});
}
