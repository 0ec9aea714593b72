import type { LayoutServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { hasDemoData } from '$lib/server/merchants/overview';
import { landingPath } from '$lib/server/auth/accounts';

export const load: LayoutServerLoad = async ({ locals }) => {
	return {
		demo: await hasDemoData(await getDb()),
		user: locals.user
			? {
					email: locals.user.email,
					role: locals.user.role,
					space: landingPath(locals.user.role)
				}
			: null
	};
};
