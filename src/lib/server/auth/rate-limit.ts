/**
 * Rate limiting of password guesses and reset e-mails, per account and per IP address, with
 * fixed-window counters in the `rate_limits` table, so every app server sees the same counts.
 *
 * An attempt is counted before the password is checked (one atomic upsert per key), so parallel
 * guesses cannot slip past the limit; a successful login then clears the account's counter and
 * gives its attempt back to the IP. Keys hold SHA-256 digests, never an address or an e-mail,
 * and rows older than an hour are purged.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Executor } from '../db/client';
import { rateLimits } from '../db/schema';

export interface RateLimitPolicy {
	/** Prefix of the counters' keys. */
	name: string;
	windowMs: number;
	perAccount: number;
	perIp: number;
}

const MINUTE = 60_000;
/** Password checks: login, and the current password asked to change it or delete the account. */
export const PASSWORD_ATTEMPTS: RateLimitPolicy = {
	name: 'password',
	windowMs: 15 * MINUTE,
	perAccount: 10,
	perIp: 50
};
/** Password-reset e-mails asked for, and reset links tried. */
export const RESET_REQUESTS: RateLimitPolicy = {
	name: 'reset',
	windowMs: 15 * MINUTE,
	perAccount: 5,
	perIp: 50
};
/** Counters are kept at most this long (the privacy notice says so). */
export const RATE_LIMIT_RETENTION_MS = 60 * MINUTE;

export interface Counter {
	windowStart: Date;
	count: number;
}

/** Whole minutes until the window that holds `windowStart` ends (at least 1). */
export function minutesToWait(windowStart: Date, windowMs: number, now: Date): number {
	const left = windowStart.getTime() + windowMs - now.getTime();
	return Math.max(1, Math.ceil(left / MINUTE));
}

export const digest = (value: string) =>
	encodeHexLowerCase(sha256(new TextEncoder().encode(value)));
export const accountKey = (policy: RateLimitPolicy, email: string) =>
	`${policy.name}:account:${digest(email.trim().toLowerCase())}`;
export const ipKey = (policy: RateLimitPolicy, ip: string) => `${policy.name}:ip:${digest(ip)}`;

/**
 * Counts one attempt on a key, atomically: a window that ended starts again at `now` with 1.
 * Returns the counter after this attempt.
 */
export async function countAttempt(
	db: Executor,
	key: string,
	windowMs: number,
	now: Date
): Promise<Counter> {
	const at = sql`${now.toISOString()}::timestamptz`;
	const expired = sql`${rateLimits.windowStart} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStart: now, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				windowStart: sql`CASE WHEN ${expired} THEN ${at} ELSE ${rateLimits.windowStart} END`,
				count: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateLimits.count} + 1 END`
			}
		})
		.returning({ windowStart: rateLimits.windowStart, count: rateLimits.count });
	return row;
}

export type AttemptVerdict =
	{ allowed: true; succeeded(): Promise<void> } | { allowed: false; retryMinutes: number };

/**
 * Counts an attempt for an account (by e-mail) and an IP address under a policy. Refused when
 * either counter is over its limit, with the minutes to wait. When allowed, call `succeeded()`
 * if the attempt turned out right (correct password): the account's counter is cleared and the
 * IP's attempt given back, so only failures add up.
 */
export async function attempt(
	db: Executor,
	policy: RateLimitPolicy,
	who: { email: string; ip: string },
	now: Date = new Date()
): Promise<AttemptVerdict> {
	await db
		.delete(rateLimits)
		.where(lt(rateLimits.windowStart, new Date(now.getTime() - RATE_LIMIT_RETENTION_MS)));
	const keys = { account: accountKey(policy, who.email), ip: ipKey(policy, who.ip) };
	const account = await countAttempt(db, keys.account, policy.windowMs, now);
	const ip = await countAttempt(db, keys.ip, policy.windowMs, now);
	const over = [
		account.count > policy.perAccount ? account : null,
		ip.count > policy.perIp ? ip : null
	].filter((c): c is Counter => c !== null);
	if (over.length) {
		const retryMinutes = Math.max(
			...over.map((c) => minutesToWait(c.windowStart, policy.windowMs, now))
		);
		return { allowed: false, retryMinutes };
	}
	return {
		allowed: true,
		async succeeded() {
			await db.delete(rateLimits).where(eq(rateLimits.key, keys.account));
			await db
				.update(rateLimits)
				.set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
				.where(and(eq(rateLimits.key, keys.ip), eq(rateLimits.windowStart, ip.windowStart)));
		}
	};
}

/** Forgets an account's counters (its e-mail is being erased). */
export async function forgetAccountCounters(db: Executor, email: string): Promise<void> {
	for (const policy of [PASSWORD_ATTEMPTS, RESET_REQUESTS]) {
		await db.delete(rateLimits).where(eq(rateLimits.key, accountKey(policy, email)));
	}
}
