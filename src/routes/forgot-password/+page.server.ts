import type { Actions } from './$types';
import { getDb } from '$lib/server/db';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { readForm, refused, textField } from '$lib/server/forms';

/**
 * Asks for a reset link. The answer is the same whether the address has an account or not
 * (the link goes out in the background); only a malformed address or too many requests differ.
 */
export const actions: Actions = {
	default: async (event) => {
		const data = await readForm(event);
		const email = textField(data, 'email');
		const result = await requestPasswordReset(await getDb(), {
			email,
			ip: event.getClientAddress()
		});
		if (!result.ok) return refused(result, { email });
		return { sent: true, email: email.trim() };
	}
};
