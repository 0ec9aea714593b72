import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { listingCard } from '$lib/server/merchants/listing-cards';
import { MAP_STATE_PARAMS } from '$lib/merchants/filters';
import { parseQuery } from '$lib/query';

const cardQuery = v.object({ near: MAP_STATE_PARAMS.near });

/** GET /api/listings/{id}[?near=lat,lon]: the card of one approved listing, for the map popup. */
export const GET: RequestHandler = async ({ params, url, setHeaders }) => {
	const { near } = parseQuery(cardQuery, url.searchParams).values;
	const card = await listingCard(await getDb(), Number(params.id), new Date(), near);
	if (!card) error(404, 'Not found');
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return json(card);
};
