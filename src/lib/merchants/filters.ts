/**
 * The tourist map's state as it lives in the URL, so that it can be shared and the back
 * button works: search text, filters, map position, the visitor's position (only when they
 * asked for it) and the list page. This module reads it back from a URL, every parameter
 * validated; the state itself and how it is written are in ./map-state, re-exported here.
 *   ?q=药店&cat=hotel&cat=souvenirs&pay=wechat_pay&open=1&taxfree=1&zh=1&map=14/48.8606/2.3376&near=48.86,2.34&page=2
 */
import * as v from 'valibot';
import { CATEGORIES, PAYMENT_METHODS } from './vocabulary';
import { IDF_BOUNDS, isInIdf } from '../geo/idf';
import { flag, format, integer, list, param, parseQuery, text } from '../query';
import {
	MAX_ZOOM,
	MIN_ZOOM,
	mapStateToParams,
	type BBox,
	type LatLon,
	type ListingFilters,
	type MapState,
	type MapView
} from './map-state';

export * from './map-state';

const MAX_QUERY_LENGTH = 100;

function pickAll<T extends string>(values: string[], allowed: readonly T[]): T[] {
	return allowed.filter((a) => values.includes(a));
}

/** `map=zoom/lat/lon`, as on openstreetmap.org; ignored unless inside Île-de-France. */
export function parseView(value: string | null): MapView | null {
	const parts = (value ?? '').split('/').map(Number);
	if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
	const [zoom, lat, lon] = parts;
	if (!isInIdf(lat, lon)) return null;
	return { zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom * 10) / 10)), lat, lon };
}

export function parseLatLon(value: string | null): LatLon | null {
	const parts = (value ?? '').split(',').map(Number);
	if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return null;
	const [lat, lon] = parts;
	return isInIdf(lat, lon) ? { lat, lon } : null;
}

/** The filters' parameters, for the query schemas of the pages and endpoints that take them. */
export const FILTER_PARAMS = {
	q: param(text(MAX_QUERY_LENGTH), ''),
	cat: list(CATEGORIES),
	pay: list(PAYMENT_METHODS),
	open: flag,
	taxfree: flag,
	zh: flag
};

/** The whole map state's parameters. */
export const MAP_STATE_PARAMS = {
	...FILTER_PARAMS,
	map: param(format(parseView), null),
	near: param(format(parseLatLon), null),
	page: param(integer(1, 1000), 1)
};

const filtersSchema = v.object(FILTER_PARAMS);
const mapStateSchema = v.object(MAP_STATE_PARAMS);

export function filtersOf(values: v.InferOutput<typeof filtersSchema>): ListingFilters {
	return {
		q: values.q,
		categories: values.cat,
		paymentMethods: values.pay,
		openNow: values.open,
		taxFree: values.taxfree,
		chineseStaff: values.zh
	};
}

export function mapStateOf(values: v.InferOutput<typeof mapStateSchema>): MapState {
	return { filters: filtersOf(values), view: values.map, near: values.near, page: values.page };
}

export function parseFilters(params: URLSearchParams): ListingFilters {
	return filtersOf(parseQuery(filtersSchema, params).values);
}

export function parseMapState(params: URLSearchParams): MapState {
	return mapStateOf(parseQuery(mapStateSchema, params).values);
}

/** A stable key for caching results of the same filters (whatever the order of the lists). */
export function filtersKey(f: ListingFilters): string {
	const canonical: ListingFilters = {
		...f,
		categories: pickAll(f.categories, CATEGORIES),
		paymentMethods: pickAll(f.paymentMethods, PAYMENT_METHODS)
	};
	return mapStateToParams({ filters: canonical }).toString();
}

export function inBBox(l: { lat: number; lon: number }, [w, s, e, n]: BBox): boolean {
	return l.lon >= w && l.lon <= e && l.lat >= s && l.lat <= n;
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/**
 * Parses `bbox=west,south,east,north`, clamped to the region; null when malformed. Every
 * coordinate is clamped, so a box wholly outside the region (the map may show up to half a
 * degree around it) becomes an empty strip along its edge, never an inverted box (which
 * supercluster would read as crossing the antimeridian: every listing of the latitude band).
 */
export function parseBBox(value: string | null): BBox | null {
	const parts = (value ?? '').split(',').map(Number);
	if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
	const [w, s, e, n] = parts;
	if (w >= e || s >= n) return null;
	const { west, south, east, north } = IDF_BOUNDS;
	return [
		clamp(w, west, east),
		clamp(s, south, north),
		clamp(e, west, east),
		clamp(n, south, north)
	];
}

/** The box a map of `width`×`height` CSS pixels shows around a view (Web Mercator, 512 px tiles). */
export function bboxOfView(view: MapView, width: number, height: number): BBox {
	const scale = 512 * 2 ** view.zoom;
	const x = ((view.lon + 180) / 360) * scale;
	const sin = Math.sin((view.lat * Math.PI) / 180);
	const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
	const lon = (px: number) => (px / scale) * 360 - 180;
	const lat = (py: number) => {
		const n = Math.PI - (2 * Math.PI * py) / scale;
		return (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
	};
	return [lon(x - width / 2), lat(y + height / 2), lon(x + width / 2), lat(y - height / 2)];
}
