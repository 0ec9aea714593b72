import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { sessions, users } from '../db/schema';
import {
	SESSION_LIFETIME_MS,
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionIdOf,
	validateSessionToken
} from './session';
import { hashPassword, verifyPassword } from './password';

let t: TestDatabase;
let userId: string;
beforeAll(async () => {
	t = await openTestDatabase();
	const [u] = await t.db
		.insert(users)
		.values({
			email: 'session@example.fr',
			passwordHash: await hashPassword('un mot de passe solide')
		})
		.returning();
	userId = u.id;
});
afterAll(async () => {
	await t?.close();
});

describe('sessions (Lucia way)', () => {
	it('stores only the SHA-256 of the token', async () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const session = await createSession(t.db, token, userId);
		expect(session.id).toBe(sessionIdOf(token));
		expect(session.id).not.toContain(token);
		const stored = await t.db.select().from(sessions).where(eq(sessions.userId, userId));
		expect(stored.map((s) => s.id)).toContain(sessionIdOf(token));
		expect(stored.some((s) => s.id === token)).toBe(false);
	});

	it('validates a live token and returns the user', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, userId);
		const { session, user } = await validateSessionToken(t.db, token);
		expect(session?.userId).toBe(userId);
		expect(user?.email).toBe('session@example.fr');
		expect((await validateSessionToken(t.db, generateSessionToken())).session).toBeNull();
	});

	it('extends a session used in the second half of its life', async () => {
		const token = generateSessionToken();
		const created = await createSession(t.db, token, userId);
		const later = new Date(created.expiresAt.getTime() - SESSION_LIFETIME_MS / 4);
		const { session } = await validateSessionToken(t.db, token, later);
		expect(session!.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);
		const [stored] = await t.db
			.select()
			.from(sessions)
			.where(eq(sessions.id, sessionIdOf(token)));
		expect(stored.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);
	});

	it('refuses and deletes an expired session', async () => {
		const token = generateSessionToken();
		const created = await createSession(t.db, token, userId);
		const after = new Date(created.expiresAt.getTime() + 1000);
		expect((await validateSessionToken(t.db, token, after)).session).toBeNull();
		expect(
			await t.db
				.select()
				.from(sessions)
				.where(eq(sessions.id, sessionIdOf(token)))
		).toEqual([]);
	});

	it('ends one session, or all of a user (password change, deactivation)', async () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		const sa = await createSession(t.db, a, userId);
		await createSession(t.db, b, userId);
		await invalidateSession(t.db, sa.id);
		expect((await validateSessionToken(t.db, a)).session).toBeNull();
		expect((await validateSessionToken(t.db, b)).session).not.toBeNull();
		await invalidateUserSessions(t.db, userId);
		expect((await validateSessionToken(t.db, b)).session).toBeNull();
	});

	it('refuses the session of a deactivated account', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, userId);
		await t.db.update(users).set({ active: false }).where(eq(users.id, userId));
		expect((await validateSessionToken(t.db, token)).user).toBeNull();
		await t.db.update(users).set({ active: true }).where(eq(users.id, userId));
	});
});

describe('passwords', () => {
	it('hashes with argon2id and verifies', async () => {
		const hashed = await hashPassword('correct horse battery');
		expect(hashed).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(hashed, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hashed, 'wrong horse battery')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
	});
});
