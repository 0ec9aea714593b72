import type { RequestEvent } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { DEVICE_COOKIE, KNOWN_DEVICE_LIFETIME_MS } from './known-devices';
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

/** HttpOnly, SameSite=Lax, Secure over https, for a year; set only after a successful sign-in. */
export function setDeviceCookie(event: RequestEvent, token: string): void {
	event.cookies.set(DEVICE_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: !dev && event.url.protocol === 'https:',
		maxAge: KNOWN_DEVICE_LIFETIME_MS / 1000,
		path: '/'
	});
}

/** What a password check needs to know of the request (see accounts.ts PasswordContext). */
export function passwordContext(event: RequestEvent) {
	return {
		ip: event.getClientAddress(),
		device: event.cookies.get(DEVICE_COOKIE)
	};
}
