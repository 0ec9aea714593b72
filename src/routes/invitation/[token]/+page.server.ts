import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';
import { getDb } from '$lib/server/db';
import { acceptInvitation, invitationAccount } from '$lib/server/admin/team';
import { signIn } from '$lib/server/auth/sign-in';
import { readForm, refused, textField } from '$lib/server/forms';

/** An official's invitation: they choose their password here, then land in the back-office. */
export const load: PageServerLoad = async ({ params }) => {
	const account = await invitationAccount(await getDb(), params.token);
	return { account: account ? { email: account.email, displayName: account.displayName } : null };
};

export const actions: Actions = {
	default: async (event) => {
		const data = await readForm(event);
		const db = await getDb();
		const result = await acceptInvitation(db, {
			token: event.params.token,
			password: textField(data, 'password'),
			passwordConfirm: textField(data, 'passwordConfirm')
		});
		if (!result.ok) return refused(result, {});
		await signIn(event, db, result.userId);
		redirect(303, localizeHref('/admin'));
	}
};
