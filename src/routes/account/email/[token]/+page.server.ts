import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { confirmEmailChange, emailChangeLink } from '$lib/server/auth/email-change';

/**
 * The link e-mailed to a new address shows a button: a mail scanner that opens links must not
 * confirm. It works signed in or not (the link itself proves the address), and sets no cookie.
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'referrer-policy': 'same-origin' });
	return { link: await emailChangeLink(await getDb(), params.token) };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const result = await confirmEmailChange(await getDb(), params.token);
		return result.ok ? { changedTo: result.email } : { refused: result.errors.form };
	}
};
