import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { publicOverview } from '$lib/server/merchants/overview';

export const load: PageServerLoad = async () => {
	return { overview: await publicOverview(await getDb()) };
};
