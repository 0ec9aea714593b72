import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { logIn } from '$lib/server/auth/accounts';
import { afterLogin } from '$lib/server/auth/guard';
import { passwordContext } from '$lib/server/auth/cookies';
import { signIn } from '$lib/server/auth/sign-in';
import { readForm, refused, textField } from '$lib/server/forms';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, afterLogin(locals.user, url));
	return {
		askedForPage: url.searchParams.has('next'),
		passwordReset: url.searchParams.get('reset') === 'done'
	};
};

export const actions: Actions = {
	default: async (event) => {
		const data = await readForm(event);
		const email = textField(data, 'email');
		const db = await getDb();
		const result = await logIn(db, {
			email,
			password: textField(data, 'password'),
			...passwordContext(event)
		});
		if (!result.ok) return refused(result, { email });
		await signIn(event, db, result.user.id);
		redirect(303, afterLogin(result.user, event.url));
	}
};
