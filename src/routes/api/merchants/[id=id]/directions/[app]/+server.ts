import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { publicMerchant } from '$lib/server/merchants/public-page';
import { audienceCounts } from '$lib/server/merchants/audience';
import { DIRECTIONS_APPS, directionsLinks } from '$lib/geo/directions';

/**
 * GET /api/merchants/{id}/directions/{app}: counts one direction click (anonymously) and
 * sends the visitor on to the maps app. Works without JavaScript.
 */
export const GET: RequestHandler = async ({ params }) => {
	const id = Number(params.id);
	const db = await getDb();
	const merchant = await publicMerchant(db, id);
	if (!merchant) error(404, 'Not found');
	const link = directionsLinks({
		lat: merchant.lat,
		lon: merchant.lon,
		name: merchant.tradeNameFr,
		address: merchant.address
	}).find((l) => l.app === params.app);
	if (!link) error(404, 'Not found');
	audienceCounts.count(id, 'direction_click');
	redirect(303, link.url);
};

/**
 * POST /api/merchants/{id}/directions/{app}: counts one direction click that opened the app
 * itself (the merchant page tried the app's own link first, with JavaScript).
 */
export const POST: RequestHandler = async ({ params }) => {
	const id = Number(params.id);
	const known = (DIRECTIONS_APPS as readonly string[]).includes(params.app);
	if (!known || !(await publicMerchant(await getDb(), id))) error(404, 'Not found');
	audienceCounts.count(id, 'direction_click');
	return new Response(null, { status: 204 });
};
