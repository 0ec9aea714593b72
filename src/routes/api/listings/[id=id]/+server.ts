import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { listingCard } from '$lib/server/merchants/listings';
import { parseLatLon } from '$lib/merchants/filters';

/** GET /api/listings/{id}[?near=lat,lon]: the card of one approved listing, for the map popup. */
export const GET: RequestHandler = async ({ params, url, setHeaders }) => {
	const near = parseLatLon(url.searchParams.get('near'));
	const card = await listingCard(await getDb(), Number(params.id), new Date(), near);
	if (!card) error(404, 'Not found');
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return json(card);
};
