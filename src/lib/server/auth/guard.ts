/**
 * Role checks for pages, form actions and endpoints: every one of them calls these on the
 * server (hiding a link is not protection).
 */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/paths';
import * as m from '$lib/paraglide/messages';
import type { SessionUser } from './session';
import { landingPath } from './accounts';
import { sameOriginPath } from '../../auth/next-path';

export type Role = SessionUser['role'];

/**
 * The signed-in user, or a redirect to the login page that comes back here afterwards.
 * With `roles`, a signed-in user without one of them gets a 403 in the page's language.
 */
export function requireUser(event: RequestEvent, roles?: readonly Role[]): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, localizeHref(`/login?next=${encodeURIComponent(next)}`));
	}
	if (roles && !roles.includes(user.role)) error(403, m.error_forbidden());
	return user;
}

/**
 * Where to go once logged in: the page that asked for it (`next`, when it is a path of this
 * site), else the user's own home (merchant space or back-office) in the language of their account.
 */
export function afterLogin(user: SessionUser, url: URL): string {
	return sameOriginPath(
		url.searchParams.get('next'),
		localizeHref(landingPath(user.role), { locale: user.locale })
	);
}
