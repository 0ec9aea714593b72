import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { LIST_PAGE_SIZE, listPage } from '$lib/server/merchants/list-page';
import { MAP_STATE_PARAMS, mapStateOf, parseBBox } from '$lib/merchants/filters';
import { format, param, parseQuery } from '$lib/query';

const listQuery = v.object({ ...MAP_STATE_PARAMS, bbox: param(format(parseBBox), null) });

/** GET /api/list?bbox=w,s,e,n&<filters>&near=lat,lon&page=n: the list for the map's viewport. */
export const GET: RequestHandler = async ({ url }) => {
	const { values } = parseQuery(listQuery, url.searchParams);
	const bbox = values.bbox;
	if (!bbox) error(400, 'bbox=west,south,east,north is required');
	const state = mapStateOf(values);
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
