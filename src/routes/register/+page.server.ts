import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { registerMerchant } from '$lib/server/auth/accounts';
import { afterLogin } from '$lib/server/auth/guard';
import { signIn } from '$lib/server/auth/sign-in';
import { checkboxField, refused, textField } from '$lib/server/forms';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, afterLogin(locals.user, url));
};

/** Creates a merchant account (the only kind anyone can create), signs it in, opens its space. */
export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const values = {
			email: textField(data, 'email'),
			locale: textField(data, 'locale'),
			consent: checkboxField(data, 'consent') ? 'on' : ''
		};
		const db = await getDb();
		const result = await registerMerchant(db, {
			email: values.email,
			password: textField(data, 'password'),
			passwordConfirm: textField(data, 'passwordConfirm'),
			locale: values.locale,
			consent: values.consent === 'on'
		});
		if (!result.ok) return refused(result, values);
		await signIn(event, db, result.user.id);
		redirect(303, afterLogin(result.user, event.url));
	}
};
