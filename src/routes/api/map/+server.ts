import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { mapFeatures } from '$lib/server/merchants/listing-map';
import { FILTER_PARAMS, filtersOf, parseBBox } from '$lib/merchants/filters';
import { decimal, format, param, parseQuery } from '$lib/query';

const mapQuery = v.object({
	...FILTER_PARAMS,
	bbox: param(format(parseBBox), null),
	zoom: param(decimal(0, 22), null)
});

/** GET /api/map?bbox=w,s,e,n&zoom=z&<filters>: clusters and listings visible in the viewport. */
export const GET: RequestHandler = async ({ url, setHeaders }) => {
	const { values } = parseQuery(mapQuery, url.searchParams);
	if (!values.bbox || values.zoom === null) {
		error(400, 'bbox=west,south,east,north and zoom=0..22 are required');
	}
	const db = await getDb();
	const result = await mapFeatures(db, filtersOf(values), values.bbox, values.zoom, new Date());
	setHeaders({ 'cache-control': 'public, max-age=30' });
	return json({ type: 'FeatureCollection', total: result.total, features: result.features });
};
