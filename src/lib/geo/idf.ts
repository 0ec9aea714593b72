import { oneOf } from '../vocabulary';

/** Île-de-France: its bounding box, its départements and the kinds of places tourists visit. */

/** WGS84 bounding box of the region; every merchant and attraction lies inside it. */
export const IDF_BOUNDS = { west: 1.44, south: 48.12, east: 3.56, north: 49.24 } as const;

export const DEPARTEMENTS = ['75', '77', '78', '91', '92', '93', '94', '95'] as const;
export type Departement = (typeof DEPARTEMENTS)[number];

export const ATTRACTION_KINDS = [
	'museum',
	'monument',
	'shopping',
	'district',
	'park',
	'theme_park',
	'airport',
	'stadium',
	'business_district'
] as const;
export type AttractionKind = (typeof ATTRACTION_KINDS)[number];

export function isInIdf(lat: number, lon: number): boolean {
	return (
		Number.isFinite(lat) &&
		Number.isFinite(lon) &&
		lat >= IDF_BOUNDS.south &&
		lat <= IDF_BOUNDS.north &&
		lon >= IDF_BOUNDS.west &&
		lon <= IDF_BOUNDS.east
	);
}

export const isDepartement = oneOf(DEPARTEMENTS);

/** The département of an INSEE commune code (Île-de-France codes all start with it). */
export function departementOfCommune(code: string): Departement | null {
	const d = code.slice(0, 2);
	return isDepartement(d) ? d : null;
}
