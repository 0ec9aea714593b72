/** Great-circle distances between WGS84 points, how to show them, and boxes around a point. */

/** A WGS84 position in decimal degrees. */
export interface LatLon {
	lat: number;
	lon: number;
}

/** A WGS84 box, in the same shape as IDF_BOUNDS. */
export interface Bounds {
	west: number;
	south: number;
	east: number;
	north: number;
}

/** Mean Earth radius (IUGG), in metres. */
export const EARTH_RADIUS_METERS = 6_371_008.8;

const RAD = Math.PI / 180;

/** Distance in metres between two points along the Earth's surface (haversine formula). */
export function haversineMeters(a: LatLon, b: LatLon): number {
	const dLat = (b.lat - a.lat) * RAD;
	const dLon = (b.lon - a.lon) * RAD;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A distance for people: under 1 km rounded to 10 m ('850 m' / '850 米'); up to 10 km with one
 * decimal ('1,2 km' in French, '1.2 公里' in Chinese); beyond, whole kilometres ('12 km').
 * Negative values count as 0; a non-finite value gives ''.
 */
export function formatDistance(meters: number, locale: 'zh' | 'fr'): string {
	if (!Number.isFinite(meters)) return '';
	const m = Math.round(Math.max(0, meters) / 10) * 10;
	if (m < 1000) return locale === 'zh' ? `${m} 米` : `${m} m`;
	const tenths = Math.round(m / 100) / 10;
	const km = tenths < 10 ? tenths.toFixed(1) : String(Math.round(m / 1000));
	return locale === 'zh' ? `${km} 公里` : `${km.replace('.', ',')} km`;
}

/**
 * The smallest latitude/longitude box holding every point within `radiusMeters` of `center`
 * (exact on the sphere, so a circle never pokes out of it). Near a pole the box spans all
 * longitudes; it does not wrap around the antimeridian (irrelevant in Île-de-France).
 */
export function boundingBoxAround(center: LatLon, radiusMeters: number): Bounds {
	const angle = Math.max(0, radiusMeters) / EARTH_RADIUS_METERS;
	const dLat = angle / RAD;
	const ratio = Math.sin(angle) / Math.cos(center.lat * RAD);
	const dLon = ratio >= 1 || angle >= Math.PI / 2 ? 180 : Math.asin(ratio) / RAD;
	return {
		west: Math.max(-180, center.lon - dLon),
		south: Math.max(-90, center.lat - dLat),
		east: Math.min(180, center.lon + dLon),
		north: Math.min(90, center.lat + dLat)
	};
}
