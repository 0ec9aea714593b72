import type { RequestEvent } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { SESSION_COOKIE } from './session';

/** HttpOnly, SameSite=Lax, Secure outside development; expires with the session. */
export function setSessionCookie(event: RequestEvent, token: string, expiresAt: Date): void {
	event.cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: !dev && event.url.protocol === 'https:',
		expires: expiresAt,
		path: '/'
	});
}

export function clearSessionCookie(event: RequestEvent): void {
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
}
