import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { LIST_PAGE_SIZE, listPage } from '$lib/server/merchants/listings';
import { parseBBox, parseMapState } from '$lib/merchants/filters';

/** GET /api/list?bbox=w,s,e,n&<filters>&near=lat,lon&page=n: the list for the map's viewport. */
export const GET: RequestHandler = async ({ url }) => {
	const bbox = parseBBox(url.searchParams.get('bbox'));
	if (!bbox) error(400, 'bbox=west,south,east,north is required');
	const state = parseMapState(url.searchParams);
	const list = await listPage(await getDb(), {
		filters: state.filters,
		bbox,
		origin: state.near ?? { lat: (bbox[1] + bbox[3]) / 2, lon: (bbox[0] + bbox[2]) / 2 },
		originIsVisitor: state.near !== null,
		page: state.page,
		pageSize: LIST_PAGE_SIZE,
		now: new Date()
	});
	return json(list);
};
