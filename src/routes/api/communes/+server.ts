import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { communesByPostalCode } from '$lib/server/geo/communes';

/** The communes of an Île-de-France postal code, for the wizard's address step as it is typed. */
export const GET: RequestHandler = (event) => {
	requireUser(event, ['merchant']);
	const postalCode = event.url.searchParams.get('postalCode') ?? '';
	const communes = /^[0-9]{5}$/.test(postalCode) ? communesByPostalCode(postalCode) : [];
	return json(
		communes.map((c) => ({ code: c.code, name: c.name, departement: c.departement })),
		{ headers: { 'cache-control': 'private, max-age=86400' } }
	);
};
