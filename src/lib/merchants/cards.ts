/** What the server sends the browser about public listings: list rows, map cards, map features. */
import type { Category, PaymentMethod } from './vocabulary';

export interface ListingCard {
	id: number;
	slug: string;
	nameFr: string;
	nameZh: string | null;
	category: Category;
	address: string | null;
	postalCode: string | null;
	communeName: string | null;
	lat: number;
	lon: number;
	openNow: boolean | null;
	todayHours: { from: string; to: string }[];
	paymentMethods: PaymentMethod[];
	taxFree: boolean;
	chineseStaff: boolean;
	/** The Paris day it was last verified (YYYY-MM-DD), null for a preview never verified. */
	verifiedOn: string | null;
	/** Not verified for 12 months or more: tourists are told to check at the till. */
	stale: boolean;
	/** Tourists' reports wait for an official: tourists are told to ask at the till. */
	reported: boolean;
	distanceM: number | null;
}

/** A place a query named ('卢浮宫'): the list is sorted by distance from it. */
export interface PlaceCard {
	slug: string;
	/** French name with its article ('le Louvre'). */
	fr: string;
	zhHans: string;
	zhHant: string;
	en: string;
	lat: number;
	lon: number;
	/** Map zoom that shows the place with the shops around it. */
	zoom: number;
}

export interface ListPage {
	/** The place the query named, if any: items are sorted by distance from it. */
	place: PlaceCard | null;
	/** The query without the place's words (what the place chip's × leaves). */
	queryWithoutPlace: string;
	total: number;
	page: number;
	pageCount: number;
	items: ListingCard[];
	/** When nothing matched: the nearest listings that match a looser search. */
	alternatives: ListingCard[];
}

type Point = { type: 'Point'; coordinates: [number, number] };

export type MapFeature =
	| {
			type: 'Feature';
			id: number;
			geometry: Point;
			properties: { cluster: true; count: number; expansionZoom: number };
	  }
	| {
			type: 'Feature';
			id: number;
			geometry: Point;
			properties: { cluster: false; id: number; category: Category; open: boolean | null };
	  };
