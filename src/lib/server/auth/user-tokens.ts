/**
 * Single-use links sent by e-mail (password reset, official's invitation, merchant's
 * registration, account unlock): only the SHA-256 of the token is stored in user_tokens, as for
 * sessions. No $lib imports: the admin CLI runs with tsx.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { userTokens, users } from '../db/schema';
import { generateSessionToken, sessionIdOf } from './session';

export type UserTokenKind = (typeof userTokens.$inferSelect)['kind'];

/** The stored id of a token (its SHA-256, as for sessions). */
export const userTokenId = sessionIdOf;

/** Condition on user_tokens: this token, of this kind, unused and unexpired at `now`. */
export const liveUserToken = (kind: UserTokenKind, token: string, now: Date) =>
	and(
		eq(userTokens.id, userTokenId(token)),
		eq(userTokens.kind, kind),
		isNull(userTokens.usedAt),
		gt(userTokens.expiresAt, now)
	);

/** Condition on user_tokens joined to users: a live token, for an active, not erased account. */
export const liveAccountToken = (kind: UserTokenKind, token: string, now: Date) =>
	and(liveUserToken(kind, token, now), eq(users.active, true), isNull(users.deletedAt));

/** The active, not erased account a live token of this kind is for; null otherwise. */
export async function userTokenAccount(
	db: Executor,
	kind: UserTokenKind,
	token: string,
	now: Date
): Promise<{
	userId: string;
	email: string;
	displayName: string | null;
	locale: 'zh' | 'fr';
} | null> {
	const [row] = await db
		.select({
			userId: users.id,
			email: users.email,
			displayName: users.displayName,
			locale: users.locale
		})
		.from(userTokens)
		.innerJoin(users, eq(users.id, userTokens.userId))
		.where(liveAccountToken(kind, token, now));
	return row ?? null;
}

/**
 * A new link of this kind for an account, valid `lifetimeMs`; the account's earlier unused links
 * of the kind stop working. Call it in a transaction. Returns the token to e-mail.
 */
export async function issueUserToken(
	tx: Executor,
	kind: UserTokenKind,
	userId: string,
	lifetimeMs: number,
	now: Date
): Promise<string> {
	await tx
		.update(userTokens)
		.set({ usedAt: now })
		.where(
			and(eq(userTokens.userId, userId), eq(userTokens.kind, kind), isNull(userTokens.usedAt))
		);
	return storeUserToken(tx, kind, userId, lifetimeMs, now);
}

/**
 * A new link of this kind for an account, valid `lifetimeMs`, beside its earlier ones (an e-mail
 * change's carries the new address). Returns the token to e-mail.
 */
export async function storeUserToken(
	db: Executor,
	kind: UserTokenKind,
	userId: string,
	lifetimeMs: number,
	now: Date,
	newEmail?: string
): Promise<string> {
	const token = generateSessionToken();
	await db.insert(userTokens).values({
		id: userTokenId(token),
		kind,
		userId,
		...(newEmail === undefined ? {} : { newEmail }),
		expiresAt: new Date(now.getTime() + lifetimeMs),
		createdAt: now
	});
	return token;
}

/**
 * Uses a link up if it is still live: of two submissions of one link at the same moment, only
 * the first one gets true. Call it in the transaction that does what the link is for.
 */
export async function useUpUserToken(
	tx: Executor,
	kind: UserTokenKind,
	token: string,
	now: Date
): Promise<boolean> {
	const used = await tx
		.update(userTokens)
		.set({ usedAt: now })
		.where(liveUserToken(kind, token, now))
		.returning({ id: userTokens.id });
	return used.length > 0;
}
