import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { registerMerchant } from '$lib/server/auth/registration';
import { afterLogin } from '$lib/server/auth/guard';
import { checkboxField, readForm, refused, textField } from '$lib/server/forms';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, afterLogin(locals.user, url));
};

/**
 * Asks for a merchant account (the only kind anyone can create). The answer is the same whether
 * the address already has an account or not: an e-mail goes out either way (registration.ts).
 */
export const actions: Actions = {
	default: async (event) => {
		const data = await readForm(event);
		const values = {
			email: textField(data, 'email'),
			locale: textField(data, 'locale'),
			consent: checkboxField(data, 'consent') ? 'on' : ''
		};
		const result = await registerMerchant(await getDb(), {
			email: values.email,
			locale: values.locale,
			consent: values.consent === 'on',
			ip: event.getClientAddress()
		});
		if (!result.ok) return refused(result, values);
		return { sent: true, email: values.email.trim() };
	}
};
