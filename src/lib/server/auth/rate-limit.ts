/**
 * Rate limiting of password guesses, reset and e-mail change links and registrations, per
 * account and per IP address, with fixed-window counters in the `rate_limits` table, so every app
 * server sees the same counts.
 *
 * An attempt is counted before the password is checked (one atomic upsert per key), so parallel
 * guesses cannot slip past the limit; a successful login then clears the account's counter and
 * gives its attempt back to the IP. Keys hold SHA-256 digests, never an address or an e-mail,
 * and rows older than an hour are purged.
 *
 * Password guesses (passwordAttempt) never refuse the right password from a device that has
 * signed in to the account before (known-devices.ts): such a device is only limited on its own.
 * Elsewhere, an account's failures first slow down (a wait that doubles after each failure past
 * the first few) and then lock it for the rest of the window; the owner is e-mailed a link that
 * lifts the lock. Per-address limits count the client's real address (ADDRESS_HEADER behind a
 * proxy), so one visitor's guesses do not block the others.
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
/** Changes of e-mail address asked for (each sends a link to the new address). */
export const EMAIL_CHANGE_REQUESTS: RateLimitPolicy = {
	name: 'email_change',
	windowMs: 15 * MINUTE,
	perAccount: 3,
	perIp: 20
};
/**
 * Registrations asked for: each one e-mails the address (a link to choose a password, or "you
 * already have an account"), so a flood would mail strangers and fill the accounts table.
 */
export const REGISTRATIONS: RateLimitPolicy = {
	name: 'register',
	windowMs: 15 * MINUTE,
	perAccount: 3,
	perIp: positiveInteger(process.env.REGISTRATIONS_PER_ADDRESS) ?? 30
};

/** A limit set by the operator (e.g. many merchants signing up from one fair's network). */
function positiveInteger(value: string | undefined): number | undefined {
	if (!value || !/^[1-9][0-9]{0,5}$/.test(value)) return undefined;
	return Number(value);
}
/** Counters are kept at most this long (the privacy notice says so). */
export const RATE_LIMIT_RETENTION_MS = 60 * MINUTE;

/** How password guesses on one account slow down, then lock, for devices it does not know. */
export const ACCOUNT_GUESSES = {
	/** Failures allowed without waiting. */
	freeFailures: 5,
	/** Then each attempt waits 1, 2, 4 … seconds after the previous one, at most this long. */
	maxDelaySeconds: 60,
	/** The failure that locks the account until its window ends (or the owner's unlock link). */
	lockAt: 20
} as const;
/** Failed passwords from one known device before it is treated like any other device. */
export const KNOWN_DEVICE_FAILURES = 10;

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

/** A right password: the account's failures are forgotten and the address's attempt given back. */
async function forgiveSuccess(
	db: Executor,
	keys: { account: string; ip: string },
	ipWindowStart: Date
): Promise<void> {
	await db.delete(rateLimits).where(eq(rateLimits.key, keys.account));
	await db
		.update(rateLimits)
		.set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
		.where(and(eq(rateLimits.key, keys.ip), eq(rateLimits.windowStart, ipWindowStart)));
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
	return { allowed: true, succeeded: () => forgiveSuccess(db, keys, ip.windowStart) };
}

export type PasswordVerdict =
	| { allowed: true; succeeded(): Promise<void> }
	| { allowed: false; reason: 'slowed'; retrySeconds: number }
	| { allowed: false; reason: 'locked'; retryMinutes: number; justLocked: boolean }
	| { allowed: false; reason: 'rate_limited'; retryMinutes: number };

/** The wait before the next guess after `count` failures on an account (seconds). */
export function guessDelaySeconds(count: number): number {
	if (count < ACCOUNT_GUESSES.freeFailures) return 0;
	return Math.min(ACCOUNT_GUESSES.maxDelaySeconds, 2 ** (count - ACCOUNT_GUESSES.freeFailures));
}

/**
 * Counts one guess on an account, atomically, unless it comes before the wait its failures call
 * for: then nothing is counted and the seconds left are returned.
 */
async function countGuess(
	db: Executor,
	key: string,
	windowMs: number,
	now: Date
): Promise<Counter | { retrySeconds: number }> {
	const at = sql`${now.toISOString()}::timestamptz`;
	const expired = sql`${rateLimits.windowStart} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
	const free = ACCOUNT_GUESSES.freeFailures;
	const delay = sql`least(${ACCOUNT_GUESSES.maxDelaySeconds}, power(2, ${rateLimits.count} - ${free}))`;
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStart: now, count: 1, lastAt: now })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				windowStart: sql`CASE WHEN ${expired} THEN ${at} ELSE ${rateLimits.windowStart} END`,
				count: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateLimits.count} + 1 END`,
				lastAt: now
			},
			setWhere: sql`${expired} OR ${rateLimits.count} < ${free} OR ${rateLimits.count} >= ${ACCOUNT_GUESSES.lockAt}
				OR ${rateLimits.lastAt} IS NULL
				OR ${rateLimits.lastAt} + ${delay} * interval '1 second' <= ${at}`
		})
		.returning({ windowStart: rateLimits.windowStart, count: rateLimits.count });
	if (row) return row;
	const [held] = await db
		.select({ count: rateLimits.count, lastAt: rateLimits.lastAt })
		.from(rateLimits)
		.where(eq(rateLimits.key, key));
	const readyAt = (held?.lastAt?.getTime() ?? 0) + guessDelaySeconds(held?.count ?? 0) * 1000;
	return { retrySeconds: Math.max(1, Math.ceil((readyAt - now.getTime()) / 1000)) };
}

/**
 * Counts a password guess. `knownDevice` is the key of a device that has signed in to this
 * account before (see known-devices.ts): its guesses count on the device alone, so neither the
 * account's lock nor its address's limit refuses it, until it fails too often itself.
 */
export async function passwordAttempt(
	db: Executor,
	who: { email: string; ip: string; knownDevice: string | null },
	now: Date = new Date()
): Promise<PasswordVerdict> {
	const policy = PASSWORD_ATTEMPTS;
	await db
		.delete(rateLimits)
		.where(lt(rateLimits.windowStart, new Date(now.getTime() - RATE_LIMIT_RETENTION_MS)));
	if (who.knownDevice) {
		const key = `${policy.name}:device:${digest(who.knownDevice)}`;
		const device = await countAttempt(db, key, policy.windowMs, now);
		if (device.count <= KNOWN_DEVICE_FAILURES) {
			return {
				allowed: true,
				succeeded: () =>
					db
						.delete(rateLimits)
						.where(eq(rateLimits.key, key))
						.then(() => {})
			};
		}
	}
	const keys = { account: accountKey(policy, who.email), ip: ipKey(policy, who.ip) };
	const ip = await countAttempt(db, keys.ip, policy.windowMs, now);
	if (ip.count > policy.perIp) {
		const retryMinutes = minutesToWait(ip.windowStart, policy.windowMs, now);
		return { allowed: false, reason: 'rate_limited', retryMinutes };
	}
	const account = await countGuess(db, keys.account, policy.windowMs, now);
	if ('retrySeconds' in account) {
		return { allowed: false, reason: 'slowed', retrySeconds: account.retrySeconds };
	}
	if (account.count >= ACCOUNT_GUESSES.lockAt) {
		return {
			allowed: false,
			reason: 'locked',
			retryMinutes: minutesToWait(account.windowStart, policy.windowMs, now),
			justLocked: account.count === ACCOUNT_GUESSES.lockAt
		};
	}
	return { allowed: true, succeeded: () => forgiveSuccess(db, keys, ip.windowStart) };
}

/** Lifts an account's password lock (its owner followed the e-mailed unlock link). */
export async function unlockAccount(db: Executor, email: string): Promise<void> {
	await db.delete(rateLimits).where(eq(rateLimits.key, accountKey(PASSWORD_ATTEMPTS, email)));
}

/** Forgets an account's counters (its e-mail is being erased). */
export async function forgetAccountCounters(db: Executor, email: string): Promise<void> {
	for (const policy of [PASSWORD_ATTEMPTS, RESET_REQUESTS, REGISTRATIONS]) {
		await db.delete(rateLimits).where(eq(rateLimits.key, accountKey(policy, email)));
	}
}
