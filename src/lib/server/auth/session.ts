/**
 * Sessions the Lucia way (lucia-auth.com/sessions): a random token lives only in the user's
 * HttpOnly cookie; the database keeps its SHA-256. Expiry slides: a session used in its last
 * half is extended to a full period again.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { sessions, users, type Session, type User } from '../db/schema';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
export const SESSION_COOKIE = 'session';

export type SessionUser = Pick<User, 'id' | 'email' | 'role' | 'locale' | 'displayName'>;
export type SessionValidation =
	{ session: Session; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Executor, token: string, userId: string): Promise<Session> {
	const session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS)
	};
	const [row] = await db.insert(sessions).values(session).returning();
	return row;
}

export async function validateSessionToken(
	db: Executor,
	token: string,
	now: Date = new Date()
): Promise<SessionValidation> {
	const id = sessionIdOf(token);
	const [row] = await db
		.select({
			session: sessions,
			user: {
				id: users.id,
				email: users.email,
				role: users.role,
				locale: users.locale,
				displayName: users.displayName
			}
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(and(eq(sessions.id, id), eq(users.active, true), isNull(users.deletedAt)));
	if (!row) return { session: null, user: null };
	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return { session: null, user: null };
	}
	if (now.getTime() >= session.expiresAt.getTime() - SESSION_LIFETIME_MS / 2) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
	}
	return { session, user };
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user: on password change or reset, and on deactivation. */
export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}
