import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import {
	LIST_PAGE_SIZE,
	approvedListings,
	listPage,
	recordSearch
} from '$lib/server/merchants/listings';
import { interpretQuery } from '$lib/search/interpret';
import { DEFAULT_VIEW, bboxOfView, parseMapState } from '$lib/merchants/filters';
import { OFFLINE_COPY_HEADER } from '$lib/pwa/policy';

/** The size the server assumes for the map when it renders the list before any JavaScript runs. */
const ASSUMED_MAP_PX = { width: 390, height: 420 };

export const load: PageServerLoad = async ({ url, request }) => {
	const db = await getDb();
	const state = parseMapState(url.searchParams);
	const now = new Date();
	const view = state.view ?? (state.near ? { zoom: 15, ...state.near } : DEFAULT_VIEW);
	const bbox = state.view
		? bboxOfView(state.view, ASSUMED_MAP_PX.width, ASSUMED_MAP_PX.height)
		: null;
	const list = await listPage(db, {
		filters: state.filters,
		bbox,
		origin: state.near ?? (state.view ? { lat: view.lat, lon: view.lon } : null),
		originIsVisitor: state.near !== null,
		page: state.page,
		pageSize: LIST_PAGE_SIZE,
		now
	});
	// A search (text or category) counts, anonymously, towards the partnership's demand metrics
	// (not when the service worker only fetches the page to keep an offline copy).
	const query = interpretQuery(state.filters.q);
	const category = state.filters.categories[0] ?? query.categories[0] ?? null;
	const counted = !request.headers.has(OFFLINE_COPY_HEADER);
	if (counted && state.page === 1 && (query.text || category)) {
		await recordSearch(db, {
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
		inView: bbox !== null,
		approved: (await approvedListings(db)).length
	};
};
