import * as v from 'valibot';
import type { PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { supportSearch } from '$lib/server/admin/search';
import { getDb } from '$lib/server/db';
import { LISTING_STATUSES } from '$lib/merchants/vocabulary';
import { param, parseQuery, text } from '$lib/query';

const searchQuery = v.object({
	q: param(text(200), ''),
	status: param(v.picklist(LISTING_STATUSES), null)
});

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const { q, status } = parseQuery(searchQuery, event.url.searchParams).values;
	return { q, status, results: await supportSearch(await getDb(), q, status) };
};
