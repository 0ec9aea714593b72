/** Opening and closing the browser's session: the session row and its cookie together. */
import type { RequestEvent } from '@sveltejs/kit';
import type { Executor } from '../db/client';
import { clearSessionCookie, setDeviceCookie, setSessionCookie } from './cookies';
import { DEVICE_COOKIE, rememberDevice } from './known-devices';
import { SESSION_COOKIE, createSession, generateSessionToken, invalidateSession } from './session';

export async function signIn(event: RequestEvent, db: Executor, userId: string): Promise<void> {
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionCookie(event, token, session.expiresAt);
	event.locals.session = session;
	// This browser now knows the password: a lock set by someone else's guesses will not refuse it.
	setDeviceCookie(event, await rememberDevice(db, userId, event.cookies.get(DEVICE_COOKIE)));
}

export async function signOut(event: RequestEvent, db: Executor): Promise<void> {
	if (event.locals.session) await invalidateSession(db, event.locals.session.id);
	// Only a browser that holds a session cookie is told to forget it: an anonymous visitor gets
	// no Set-Cookie at all (privacy, issue 15).
	if (event.cookies.get(SESSION_COOKIE)) clearSessionCookie(event);
	event.locals.session = null;
	event.locals.user = null;
}
