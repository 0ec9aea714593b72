/** Opening and closing the browser's session: the session row and its cookie together. */
import type { RequestEvent } from '@sveltejs/kit';
import type { Executor } from '../db/client';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { createSession, generateSessionToken, invalidateSession } from './session';

export async function signIn(event: RequestEvent, db: Executor, userId: string): Promise<void> {
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionCookie(event, token, session.expiresAt);
	event.locals.session = session;
}

export async function signOut(event: RequestEvent, db: Executor): Promise<void> {
	if (event.locals.session) await invalidateSession(db, event.locals.session.id);
	clearSessionCookie(event);
	event.locals.session = null;
	event.locals.user = null;
}
