import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';
import { getDb } from '$lib/server/db';
import { signOut } from '$lib/server/auth/sign-in';

/** GET /logout only offers the button (a link must never sign anyone out); POST does it. */
export const load: PageServerLoad = ({ locals }) => {
	return { email: locals.user?.email ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		await signOut(event, await getDb());
		redirect(303, localizeHref('/'));
	}
};
