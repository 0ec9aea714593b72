import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listingIndex } from '$lib/server/merchants/listing-index';
import { readQuery } from '$lib/server/merchants/listing-search';
import { searchCounts } from '$lib/server/merchants/search-counts';
import { LIST_PAGE_SIZE, listPage } from '$lib/server/merchants/list-page';
import {
	DEFAULT_VIEW,
	bboxOfView,
	inBBox,
	parseMapState,
	type MapView
} from '$lib/merchants/filters';
import { OFFLINE_COPY_HEADER } from '$lib/pwa/policy';

/** The size the server assumes for the map when it renders the list before any JavaScript runs. */
const ASSUMED_MAP_PX = { width: 390, height: 420 };
/** A view at least this close in already shows the place it contains. */
const PLACE_SHOWN_ZOOM = 14;

/** Whether a view already shows a place, close up (then a reload keeps the visitor's view). */
function showsPlace(view: MapView | null, place: { lat: number; lon: number }): boolean {
	if (!view || view.zoom < PLACE_SHOWN_ZOOM) return false;
	return inBBox(place, bboxOfView(view, ASSUMED_MAP_PX.width, ASSUMED_MAP_PX.height));
}

export const load: PageServerLoad = async ({ url, request }) => {
	const db = await getDb();
	const state = parseMapState(url.searchParams);
	const now = new Date();
	// A query that names a place moves the map there, unless the view in the URL is already
	// around it (the visitor moved the map, or came back to this list).
	const query = readQuery(state.filters.q);
	const place = query.place;
	const view =
		place && !showsPlace(state.view, place)
			? { zoom: place.zoom, lat: place.lat, lon: place.lon }
			: (state.view ?? (state.near ? { zoom: 15, ...state.near } : DEFAULT_VIEW));
	const bbox = state.view
		? bboxOfView(state.view, ASSUMED_MAP_PX.width, ASSUMED_MAP_PX.height)
		: null;
	const list = await listPage(db, {
		filters: state.filters,
		query,
		bbox,
		origin: state.near ?? (state.view ? { lat: view.lat, lon: view.lon } : null),
		originIsVisitor: state.near !== null,
		page: state.page,
		pageSize: LIST_PAGE_SIZE,
		now
	});
	// A search (text or category) counts, anonymously, towards the partnership's demand metrics
	// (not when the service worker only fetches the page to keep an offline copy): in memory,
	// written in batches, so the page writes nothing to the database.
	const category = state.filters.categories[0] ?? query.categories[0] ?? null;
	const counted = !request.headers.has(OFFLINE_COPY_HEADER);
	if (counted && state.page === 1 && (query.text || category)) {
		searchCounts.count({
			category,
			center: state.near ?? { lat: view.lat, lon: view.lon },
			resultCount: list.total,
			now
		});
	}
	return {
		state,
		view,
		list,
		inView: bbox !== null && !place,
		approved: (await listingIndex(db)).size
	};
};
