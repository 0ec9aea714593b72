import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';
import { integer, param, parseQuery } from '$lib/query';

/** How many listings the erasure unpublished, for the page to say so. */
const deletedQuery = v.object({ unpublished: param(integer(0, 100_000), 0) });

/** Where an erased account lands, signed out. Someone still signed in has nothing to read here. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, localizeHref('/account'));
	return { unpublished: parseQuery(deletedQuery, url.searchParams).values.unpublished };
};
