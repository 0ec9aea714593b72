/**
 * Devices that have signed in to an account. Each successful sign-in leaves a long-lived cookie
 * with a random token on the browser (only its SHA-256 is stored); a later password guess that
 * carries it is counted against that device alone, so an attacker's failures elsewhere never lock
 * the owner out of a browser they already use. A device unused for a year is forgotten.
 */
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { knownDevices, users } from '../db/schema';
import { generateSessionToken, sessionIdOf } from './session';

export const DEVICE_COOKIE = 'device';
export const KNOWN_DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/** The device's token if it has signed in to the live account of this e-mail address before. */
export async function knownDeviceFor(
	db: Executor,
	token: string | undefined,
	email: string,
	now: Date = new Date()
): Promise<string | null> {
	if (!token || token.length > 64) return null;
	const [row] = await db
		.select({ id: knownDevices.id })
		.from(knownDevices)
		.innerJoin(users, eq(users.id, knownDevices.userId))
		.where(
			and(
				eq(knownDevices.id, sessionIdOf(token)),
				sql`lower(${users.email}) = ${email.trim().toLowerCase()}`,
				eq(users.active, true),
				isNull(users.deletedAt),
				sql`${knownDevices.lastUsedAt} > ${new Date(now.getTime() - KNOWN_DEVICE_LIFETIME_MS).toISOString()}::timestamptz`
			)
		);
	return row ? token : null;
}

/**
 * Records that this browser signed in to the account (a new token, or the one it already holds
 * for the account, refreshed) and returns the token for the cookie.
 */
export async function rememberDevice(
	db: Executor,
	userId: string,
	current: string | undefined,
	now: Date = new Date()
): Promise<string> {
	await db
		.delete(knownDevices)
		.where(
			and(
				eq(knownDevices.userId, userId),
				lt(knownDevices.lastUsedAt, new Date(now.getTime() - KNOWN_DEVICE_LIFETIME_MS))
			)
		);
	if (current && current.length <= 64) {
		const refreshed = await db
			.update(knownDevices)
			.set({ lastUsedAt: now })
			.where(and(eq(knownDevices.id, sessionIdOf(current)), eq(knownDevices.userId, userId)))
			.returning({ id: knownDevices.id });
		if (refreshed.length) return current;
	}
	const token = generateSessionToken();
	await db
		.insert(knownDevices)
		.values({ id: sessionIdOf(token), userId, createdAt: now, lastUsedAt: now });
	return token;
}
