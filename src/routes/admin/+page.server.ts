import type { PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { backOfficeOverview } from '$lib/server/admin/overview';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	return { overview: await backOfficeOverview(await getDb()) };
};
