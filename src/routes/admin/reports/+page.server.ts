import type { PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { reportedQueue } from '$lib/server/admin/reports';
import { getDb } from '$lib/server/db';

/** The "reported" queue: listings tourists' reports sent to the officials, oldest first. */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	return { rows: await reportedQueue(await getDb()) };
};
