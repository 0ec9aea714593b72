import type { PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { freshnessQueue } from '$lib/server/admin/freshness';
import { getDb } from '$lib/server/db';
import { parseFreshnessFilters } from '$lib/admin/freshness-filters';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const { state, page } = parseFreshnessFilters(event.url.searchParams);
	return { filter: state, queue: await freshnessQueue(await getDb(), state, page) };
};
