import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { unlockLinkIsLive, useUnlockLink } from '$lib/server/auth/account-unlock';

/** The e-mailed link shows a button: a mail scanner that opens links must not unlock. */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'referrer-policy': 'same-origin' });
	return { live: await unlockLinkIsLive(await getDb(), params.token) };
};

export const actions: Actions = {
	default: async ({ params }) => ({ unlocked: await useUnlockLink(await getDb(), params.token) })
};
