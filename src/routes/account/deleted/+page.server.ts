import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime';

/** Where an erased account lands, signed out. Someone still signed in has nothing to read here. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, localizeHref('/account'));
	const unpublished = Number(url.searchParams.get('unpublished'));
	return { unpublished: Number.isInteger(unpublished) && unpublished > 0 ? unpublished : 0 };
};
