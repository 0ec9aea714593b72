/**
 * Walking-directions links to a merchant for the map apps Chinese tourists use, each built as
 * its maker documents it (docs/directions.md quotes the pages and what each parameter means):
 *
 * - web links (`directionsLinks`), that work in any browser without JavaScript and hand over
 *   to the app where the page itself can: Amap's uri.amap.com with `callnative=1`, Baidu's web
 *   marker page (its web *direction* page requires an `origin`, which a visitor's browser
 *   cannot fill in for us; the marker page needs none and offers "到这里去"), Apple, Google and
 *   OpenStreetMap;
 * - app links (`appSchemeLinks`) for Amap and Baidu on iOS and Android, that the merchant
 *   page tries first when JavaScript runs, falling back to the web link when the app does not
 *   open. Both apps start from the visitor's own position when no origin is given.
 *
 * Coordinates: in mainland China, Amap works in GCJ-02 and Baidu in BD-09, and both shift
 * WGS-84 input unless told otherwise. The stored coordinates are WGS-84, and every link says
 * so: `coordinate=wgs84` (Amap web), `dev=1` (Amap app: "needs the national encryption", i.e.
 * the input is raw GPS), `coord_type=wgs84` (Baidu web and app). Outside China (Paris) the
 * conversions are the identity, so the pin lands where the shop is either way.
 */

export const DIRECTIONS_APPS = ['amap', 'baidu', 'apple', 'google', 'osm'] as const;
export type DirectionsApp = (typeof DIRECTIONS_APPS)[number];
/** The apps that have an app scheme worth trying before their web page. */
export type SchemeApp = 'amap' | 'baidu';
export type MobilePlatform = 'ios' | 'android';

export interface DirectionsTarget {
	lat: number;
	lon: number;
	/** Label shown in the app: the name on the shop front. */
	name: string;
	/** Used as the label when the name is empty. */
	address?: string | null;
}

export interface DirectionsLink {
	app: DirectionsApp;
	url: string;
}

/** Identifies the site to Amap (src / sourceApplication). */
const AMAP_SOURCE = 'cashless-paris';
/** Baidu's src is "<platform>.<company>.<app>": webapp. on the web, ios. / andr. in the apps. */
const BAIDU_SOURCE = {
	web: 'webapp.cashless-paris.web',
	ios: 'ios.cashless-paris.web',
	android: 'andr.cashless-paris.web'
} as const;

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

/** Amap web: to=lon,lat,name (longitude first), walking, WGS-84, opens the app if installed. */
function amapUrl(t: DirectionsTarget): string {
	const to = `${coord(t.lon)},${coord(t.lat)},${label(t, /,/g)}`;
	return `https://uri.amap.com/navigation?${query([
		['to', to],
		['mode', 'walk'],
		['coordinate', 'wgs84'],
		['callnative', '1'],
		['src', AMAP_SOURCE]
	])}`;
}

/** Baidu web marker: location=lat,lon (latitude first), title and content, WGS-84. */
function baiduUrl(t: DirectionsTarget): string {
	return `https://api.map.baidu.com/marker?${query([
		['location', `${coord(t.lat)},${coord(t.lon)}`],
		['title', label(t)],
		['content', t.address?.trim() || label(t)],
		['coord_type', 'wgs84'],
		['output', 'html'],
		['src', BAIDU_SOURCE.web]
	])}`;
}

/** Apple Maps: daddr=lat,lon (directions from the current location), walking (dirflg=w). */
function appleUrl(t: DirectionsTarget): string {
	return `https://maps.apple.com/?${query([
		['daddr', `${coord(t.lat)},${coord(t.lon)}`],
		['dirflg', 'w']
	])}`;
}

/** Google Maps URLs: api=1, destination=lat,lon, walking (origin: the current location). */
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

/**
 * Amap's app route planning (iosamap://path, amapuri://route/plan/): d-lat/lon/name of the
 * destination, no start (the visitor's position), t=2 walking, dev=1 (WGS-84 input).
 */
function amapScheme(t: DirectionsTarget, platform: MobilePlatform): string {
	const base = platform === 'ios' ? 'iosamap://path' : 'amapuri://route/plan/';
	return `${base}?${query([
		['sourceApplication', AMAP_SOURCE],
		['dlat', coord(t.lat)],
		['dlon', coord(t.lon)],
		['dname', label(t)],
		['dev', '1'],
		['t', '2']
	])}`;
}

/**
 * Baidu's app directions (baidumap://map/direction on iOS; bdapp://map/direction, the scheme
 * Baidu documents for web pages, on Android): destination latlng:lat,lon|name:…, no origin
 * (the visitor's position), walking, WGS-84.
 */
function baiduScheme(t: DirectionsTarget, platform: MobilePlatform): string {
	const base = platform === 'ios' ? 'baidumap://map/direction' : 'bdapp://map/direction';
	return `${base}?${query([
		['destination', `latlng:${coord(t.lat)},${coord(t.lon)}|name:${label(t, /[|:]/g)}`],
		['coord_type', 'wgs84'],
		['mode', 'walking'],
		['src', BAIDU_SOURCE[platform]]
	])}`;
}

/** The app link of Amap or Baidu on a phone platform. */
export function appSchemeLink(
	app: SchemeApp,
	t: DirectionsTarget,
	platform: MobilePlatform
): string {
	return app === 'amap' ? amapScheme(t, platform) : baiduScheme(t, platform);
}

/** The phone platform a browser's user agent names, if any (iPadOS may pass for a Mac: none). */
export function mobilePlatform(userAgent: string): MobilePlatform | null {
	if (/iPhone|iPad|iPod/.test(userAgent)) return 'ios';
	if (/Android/.test(userAgent)) return 'android';
	return null;
}
