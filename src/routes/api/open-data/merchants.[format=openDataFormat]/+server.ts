import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { openDataResponse } from '$lib/server/merchants/open-data';

/**
 * GET /api/open-data/merchants.geojson and /api/open-data/merchants.csv: every publicly listed
 * shop (described on /{lang}/open-data).
 */
export const GET: RequestHandler = async ({ params, request }) =>
	openDataResponse(await getDb(), params.format, request.headers.get('if-none-match'));
