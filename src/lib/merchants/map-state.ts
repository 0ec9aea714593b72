/**
 * The tourist map's state (search text, filters, map position, the visitor's position, the list
 * page) and how it is written in the URL. Reading it back from a URL, which validates every
 * parameter, is in ./filters (which re-exports this module): the home page's script needs only
 * this part, without the validation library.
 */
import type { Category, PaymentMethod } from './vocabulary';

export interface ListingFilters {
	q: string;
	categories: Category[];
	paymentMethods: PaymentMethod[];
	openNow: boolean;
	taxFree: boolean;
	chineseStaff: boolean;
}

export interface MapView {
	zoom: number;
	lat: number;
	lon: number;
}

export interface LatLon {
	lat: number;
	lon: number;
}

export interface MapState {
	filters: ListingFilters;
	view: MapView | null;
	near: LatLon | null;
	page: number;
}

/** [west, south, east, north] in WGS84 degrees. */
export type BBox = [number, number, number, number];

export const DEFAULT_VIEW: MapView = { zoom: 12, lat: 48.8655, lon: 2.3367 };
export const MIN_ZOOM = 8;
export const MAX_ZOOM = 19;

export const EMPTY_FILTERS: ListingFilters = {
	q: '',
	categories: [],
	paymentMethods: [],
	openNow: false,
	taxFree: false,
	chineseStaff: false
};

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/** The query string for a state; empty parts are left out so that URLs stay short. */
export function mapStateToParams(state: Partial<MapState>): URLSearchParams {
	const params = new URLSearchParams();
	const f = state.filters ?? EMPTY_FILTERS;
	if (f.q) params.set('q', f.q);
	for (const c of f.categories) params.append('cat', c);
	for (const p of f.paymentMethods) params.append('pay', p);
	if (f.openNow) params.set('open', '1');
	if (f.taxFree) params.set('taxfree', '1');
	if (f.chineseStaff) params.set('zh', '1');
	if (state.view)
		params.set(
			'map',
			`${round(state.view.zoom, 1)}/${round(state.view.lat, 5)}/${round(state.view.lon, 5)}`
		);
	if (state.near) params.set('near', `${round(state.near.lat, 5)},${round(state.near.lon, 5)}`);
	if (state.page && state.page > 1) params.set('page', String(state.page));
	return params;
}

/** The same as a query string, with `/` and `,` left readable (both are legal in a query). */
export function mapStateToQuery(state: Partial<MapState>): string {
	return mapStateToParams(state).toString().replace(/%2F/g, '/').replace(/%2C/g, ',');
}

export function hasActiveFilters(f: ListingFilters): boolean {
	return (
		f.q !== '' ||
		f.categories.length > 0 ||
		f.paymentMethods.length > 0 ||
		f.openNow ||
		f.taxFree ||
		f.chineseStaff
	);
}
