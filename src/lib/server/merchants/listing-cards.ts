/** A listing as the list and the map's popup show it (a card), and one card by id. */
import type { Executor } from '../db/client';
import { parisIsoDate } from '../../i18n/format';
import type { LatLon } from '../../merchants/filters';
import type { ListingCard } from '../../merchants/cards';
import { isOpenAt, todaysIntervals, type HoursInterval } from '../../hours/open-now';
import { haversineMeters } from '../../geo/distance';
import { isStale } from '../../merchants/freshness';
import { listingIndex, type IndexedListing } from './listing-index';

/** What a card needs of a listing (a preview of an application has no search texts). */
export type CardListing = Pick<
	IndexedListing,
	| 'id'
	| 'slug'
	| 'lat'
	| 'lon'
	| 'category'
	| 'nameFr'
	| 'nameZh'
	| 'address'
	| 'postalCode'
	| 'communeName'
	| 'openingHours'
	| 'paymentMethods'
	| 'taxFree'
	| 'chineseStaff'
	| 'verifiedAt'
	| 'reported'
>;

/** How hours are read: the index's compiled hours, or the library itself. */
export interface HoursReader {
	isOpenAt(value: string, instant: Date): boolean | null;
	todaysIntervals(value: string, instant: Date): HoursInterval[];
}

const LIBRARY_HOURS: HoursReader = { isOpenAt, todaysIntervals };

export function toCard(
	listing: CardListing,
	now: Date,
	from: LatLon | null,
	hours: HoursReader = LIBRARY_HOURS
): ListingCard {
	const value = listing.openingHours;
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
		openNow: value ? hours.isOpenAt(value, now) : null,
		todayHours: value ? hours.todaysIntervals(value, now) : [],
		paymentMethods: listing.paymentMethods,
		taxFree: listing.taxFree,
		chineseStaff: listing.chineseStaff,
		verifiedOn,
		stale: verifiedOn !== null && isStale(verifiedOn, parisIsoDate(now)),
		reported: listing.reported,
		distanceM: from ? Math.round(haversineMeters(from, listing)) : null
	};
}

/** One listing card by id (approved only), for the map's popup. */
export async function listingCard(
	db: Executor,
	id: number,
	now: Date,
	from: LatLon | null
): Promise<ListingCard | null> {
	const index = await listingIndex(db);
	const listing = index.get(id);
	return listing ? toCard(listing, now, from, index.hours) : null;
}
