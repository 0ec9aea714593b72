import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { communesByPostalCode } from '$lib/server/geo/communes';
import { param, parseQuery } from '$lib/query';

const communesQuery = v.object({
	postalCode: param(v.pipe(v.string(), v.regex(/^[0-9]{5}$/)), null)
});

/** The communes of an Île-de-France postal code, for the wizard's address step as it is typed. */
export const GET: RequestHandler = (event) => {
	requireUser(event, ['merchant']);
	const { postalCode } = parseQuery(communesQuery, event.url.searchParams).values;
	const communes = postalCode ? communesByPostalCode(postalCode) : [];
	return json(
		communes.map((c) => ({ code: c.code, name: c.name, departement: c.departement })),
		{ headers: { 'cache-control': 'private, max-age=86400' } }
	);
};
