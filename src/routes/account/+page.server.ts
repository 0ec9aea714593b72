import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';
import { getDb } from '$lib/server/db';
import {
	accountProfile,
	changePassword,
	isAccountLocale,
	setLocalePreference
} from '$lib/server/auth/accounts';
import { requireUser } from '$lib/server/auth/guard';
import { deleteAccount } from '$lib/server/auth/personal-data';
import { requestEmailChange } from '$lib/server/auth/email-change';
import { passwordContext } from '$lib/server/auth/cookies';
import { signIn, signOut } from '$lib/server/auth/sign-in';
import { readForm, refused, textField } from '$lib/server/forms';

/** The signed-in user's own account, whatever their role. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const profile = await accountProfile(await getDb(), user.id);
	if (!profile) error(404);
	return {
		profile,
		space: user.role === 'merchant' ? ('merchant' as const) : ('back-office' as const),
		saved: event.url.searchParams.get('saved') === 'locale'
	};
};

export const actions: Actions = {
	/** New password: every session ends, this browser gets a fresh one. */
	password: async (event) => {
		const user = requireUser(event);
		const data = await readForm(event);
		const db = await getDb();
		const result = await changePassword(db, user, {
			current: textField(data, 'current'),
			password: textField(data, 'password'),
			passwordConfirm: textField(data, 'passwordConfirm'),
			...passwordContext(event)
		});
		if (!result.ok) return refused(result, {}, { action: 'password' as const });
		await signIn(event, db, user.id);
		return { action: 'password' as const, done: true };
	},

	/** New e-mail address: a link to confirm it goes there; the address changes once it is followed. */
	email: async (event) => {
		const user = requireUser(event);
		const data = await readForm(event);
		const newEmail = textField(data, 'newEmail');
		const result = await requestEmailChange(await getDb(), user, {
			newEmail,
			password: textField(data, 'emailPassword'),
			...passwordContext(event)
		});
		if (!result.ok) return refused(result, { newEmail }, { action: 'email' as const });
		return { action: 'email' as const, sentTo: result.email };
	},

	/** Interface and e-mail language; the page then reloads in it. */
	locale: async (event) => {
		const user = requireUser(event);
		const data = await readForm(event);
		const locale = textField(data, 'locale');
		const result = await setLocalePreference(await getDb(), user.id, locale);
		if (!result.ok || !isAccountLocale(locale)) {
			return refused(
				result.ok ? { ok: false, errors: { locale: 'locale_invalid' } } : result,
				{
					locale
				},
				{ action: 'locale' as const }
			);
		}
		redirect(303, localizeHref('/account?saved=locale', { locale }));
	},

	/** Erasure (GDPR): asks for the password, then the domain unpublishes and erases; signed out after. */
	delete: async (event) => {
		const user = requireUser(event);
		const data = await readForm(event);
		const db = await getDb();
		const result = await deleteAccount(db, user, {
			// Named apart from the password change's fields: both forms are on one page.
			password: textField(data, 'deletePassword'),
			...passwordContext(event)
		});
		if (!result.ok) return refused(result, {}, { action: 'delete' as const });
		await signOut(event, db);
		redirect(303, localizeHref(`/account/deleted?unpublished=${result.unpublished}`));
	}
};
