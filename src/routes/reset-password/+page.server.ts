import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';

/** Links are /reset-password/<token>; a token in the query is moved there, no token means "ask for one". */
export const load: PageServerLoad = ({ url }) => {
	const token = url.searchParams.get('token');
	redirect(
		303,
		localizeHref(token ? `/reset-password/${encodeURIComponent(token)}` : '/forgot-password')
	);
};
