import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';
import { getDb } from '$lib/server/db';
import { completeRegistration, registrationAccount } from '$lib/server/auth/registration';
import { signIn } from '$lib/server/auth/sign-in';
import { readForm, refused, textField } from '$lib/server/forms';

/** The e-mailed link of a registration: the new merchant chooses a password, then is signed in. */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	// The token is in the address: never send it on to another site ('same-origin', not
	// 'no-referrer', which makes browsers post the form with Origin: null, refused as cross-site).
	setHeaders({ 'referrer-policy': 'same-origin' });
	const account = await registrationAccount(await getDb(), params.token);
	return { email: account?.email ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await readForm(event);
		const db = await getDb();
		const result = await completeRegistration(db, {
			token: event.params.token,
			password: textField(data, 'password'),
			passwordConfirm: textField(data, 'passwordConfirm')
		});
		if (!result.ok) return refused(result, {});
		await signIn(event, db, result.userId);
		redirect(303, localizeHref('/merchant', { locale: result.locale }));
	}
};
