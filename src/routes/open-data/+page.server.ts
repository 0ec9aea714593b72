import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { listingIndex } from '$lib/server/merchants/listing-index';

/** The open-data page: how many shops the files hold now (from the in-memory index). */
export const load: PageServerLoad = async () => {
	return { count: (await listingIndex(await getDb())).size };
};
