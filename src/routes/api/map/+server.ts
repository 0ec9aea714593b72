import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { mapFeatures } from '$lib/server/merchants/listings';
import { parseBBox, parseFilters } from '$lib/merchants/filters';

/** GET /api/map?bbox=w,s,e,n&zoom=z&<filters>: clusters and listings visible in the viewport. */
export const GET: RequestHandler = async ({ url, setHeaders }) => {
	const bbox = parseBBox(url.searchParams.get('bbox'));
	const zoom = Number(url.searchParams.get('zoom'));
	if (!bbox || !Number.isFinite(zoom) || zoom < 0 || zoom > 22) {
		error(400, 'bbox=west,south,east,north and zoom=0..22 are required');
	}
	const filters = parseFilters(url.searchParams);
	const result = await mapFeatures(await getDb(), filters, bbox, zoom, new Date());
	setHeaders({ 'cache-control': 'public, max-age=30' });
	return json({ type: 'FeatureCollection', total: result.total, features: result.features });
};
