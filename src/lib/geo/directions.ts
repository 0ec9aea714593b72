/**
 * Walking-directions links to a merchant for the map apps Chinese tourists use. Each is an
 * https link that works in any browser and hands over to the app when it is installed.
 *
 * Coordinates: in mainland China, Amap (高德) works in GCJ-02 and Baidu in BD-09, and both
 * shift WGS-84 input. Outside China both use plain WGS-84, and Paris is outside China: the
 * stored WGS-84 coordinates are passed unchanged, and each link says so (`coordinate=wgs84`,
 * `coord_type=wgs84`) so that no conversion is applied.
 */

export type DirectionsApp = 'amap' | 'baidu' | 'apple' | 'google' | 'osm';

export interface DirectionsTarget {
	lat: number;
	lon: number;
	/** Label shown in the app (the Chinese name is best for Amap and Baidu). */
	name: string;
	/** Used as the label when the name is empty. */
	address?: string | null;
}

export interface DirectionsLink {
	app: DirectionsApp;
	url: string;
}

/** Identifies the site to Amap and Baidu (Baidu asks for webapp.<company>.<app>). */
const SOURCE = 'cashless-paris';
const BAIDU_SOURCE = 'webapp.cashless-paris.web';

/** A coordinate with at most 6 decimals (about 10 cm), as the map APIs ask. */
function coord(value: number): string {
	return String(Number(value.toFixed(6)));
}

/** A query string from ordered pairs, every value percent-encoded (spaces as %20, not +). */
function query(params: [string, string][]): string {
	return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** The label: the name, else the address, else the coordinates; without `separators`. */
function label(target: DirectionsTarget, separators?: RegExp): string {
	const text = target.name.trim() || target.address?.trim() || `${target.lat},${target.lon}`;
	return (separators ? text.replace(separators, ' ') : text).replace(/\s+/g, ' ').trim();
}

/** Amap: to=lon,lat,name (longitude first), walking, WGS-84, open the app if installed. */
function amapUrl(t: DirectionsTarget): string {
	const to = `${coord(t.lon)},${coord(t.lat)},${label(t, /,/g)}`;
	return `https://uri.amap.com/navigation?${query([
		['to', to],
		['mode', 'walk'],
		['coordinate', 'wgs84'],
		['callnative', '1'],
		['src', SOURCE]
	])}`;
}

/** Baidu: destination=latlng:lat,lon|name:name (latitude first), walking, WGS-84. */
function baiduUrl(t: DirectionsTarget): string {
	const destination = `latlng:${coord(t.lat)},${coord(t.lon)}|name:${label(t, /[|:]/g)}`;
	return `https://api.map.baidu.com/direction?${query([
		['destination', destination],
		['region', '巴黎'],
		['coord_type', 'wgs84'],
		['mode', 'walking'],
		['output', 'html'],
		['src', BAIDU_SOURCE]
	])}`;
}

/** Apple Maps: daddr=lat,lon with q as the label, walking (dirflg=w). */
function appleUrl(t: DirectionsTarget): string {
	return `https://maps.apple.com/?${query([
		['daddr', `${coord(t.lat)},${coord(t.lon)}`],
		['q', label(t)],
		['dirflg', 'w']
	])}`;
}

/** Google Maps URLs API: destination=lat,lon, walking. */
function googleUrl(t: DirectionsTarget): string {
	return `https://www.google.com/maps/dir/?${query([
		['api', '1'],
		['destination', `${coord(t.lat)},${coord(t.lon)}`],
		['travelmode', 'walking']
	])}`;
}

/** openstreetmap.org: to=lat,lon with the FOSSGIS OSRM foot engine, map centred on the target. */
function osmUrl(t: DirectionsTarget): string {
	const [lat, lon] = [coord(t.lat), coord(t.lon)];
	const params = query([
		['engine', 'fossgis_osrm_foot'],
		['to', `${lat},${lon}`]
	]);
	return `https://www.openstreetmap.org/directions?${params}#map=17/${lat}/${lon}`;
}

/** Directions links to a merchant, in the order Amap, Baidu, Apple, Google, OpenStreetMap. */
export function directionsLinks(target: DirectionsTarget): DirectionsLink[] {
	return [
		{ app: 'amap', url: amapUrl(target) },
		{ app: 'baidu', url: baiduUrl(target) },
		{ app: 'apple', url: appleUrl(target) },
		{ app: 'google', url: googleUrl(target) },
		{ app: 'osm', url: osmUrl(target) }
	];
}
