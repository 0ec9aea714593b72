/**
 * Single-use links sent by e-mail (password reset, official's invitation): only the SHA-256 of
 * the token is stored in user_tokens, as for sessions. No $lib imports: the admin CLI runs with tsx.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { userTokens, users } from '../db/schema';
import { sessionIdOf } from './session';

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

/** The active, not erased account a live token of this kind is for; null otherwise. */
export async function userTokenAccount(
	db: Executor,
	kind: UserTokenKind,
	token: string,
	now: Date
): Promise<{ userId: string; email: string; displayName: string | null } | null> {
	const [row] = await db
		.select({ userId: users.id, email: users.email, displayName: users.displayName })
		.from(userTokens)
		.innerJoin(users, eq(users.id, userTokens.userId))
		.where(and(liveUserToken(kind, token, now), eq(users.active, true), isNull(users.deletedAt)));
	return row ?? null;
}
