import type { PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { isListingStatus, supportSearch } from '$lib/server/admin/search';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
	const rawStatus = event.url.searchParams.get('status');
	const status = isListingStatus(rawStatus) ? rawStatus : null;
	return { q, status, results: await supportSearch(await getDb(), q, status) };
};
