import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';
import { getDb } from '$lib/server/db';
import { resetPassword, resetTokenAccount } from '$lib/server/auth/password-reset';
import { readForm, refused, textField } from '$lib/server/forms';

/** An unused link less than an hour old shows the form; any other shows how to ask again. */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	// The token is in the address: never send it on to another site ('same-origin', not
	// 'no-referrer', which makes browsers post the form with Origin: null, refused as cross-site).
	setHeaders({ 'referrer-policy': 'same-origin' });
	const account = await resetTokenAccount(await getDb(), params.token);
	return { email: account?.email ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await readForm(event);
		const result = await resetPassword(await getDb(), {
			token: event.params.token,
			password: textField(data, 'password'),
			passwordConfirm: textField(data, 'passwordConfirm')
		});
		if (!result.ok) return refused(result, {});
		// Every session of the account has ended; the user logs in again with the new password.
		redirect(303, localizeHref('/login?reset=done'));
	}
};
