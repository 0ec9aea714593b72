/**
 * The e-mailed way out of a password lock. When guesses lock an account (rate-limit.ts), its
 * owner gets a single-use link, valid for an hour, in the account's language; following it and
 * confirming lifts the lock at once. Only the link's SHA-256 is stored (user_tokens), as for
 * password resets. The link does not sign in: the owner still types the password.
 */
import { and, eq } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { Database, Executor } from '../db/client';
import { userTokens } from '../db/schema';
import { queueMail } from '../mail/outbox';
import { siteLink } from '../mail/links';
import { liveAccount } from './accounts';
import { unlockAccount } from './rate-limit';
import { liveUserToken, storeUserToken, userTokenAccount } from './user-tokens';

export const UNLOCK_LINK_LIFETIME_MS = 60 * 60 * 1000;

/** Creates an unlock link for the live account of this address and e-mails it to its owner. */
export async function sendUnlockLink(db: Database, email: string, now: Date): Promise<void> {
	const account = await liveAccount(db, email);
	if (!account) return;
	const locale = account.locale;
	const reset = siteLink('/forgot-password', locale);
	await db.transaction(async (tx) => {
		const token = await storeUserToken(
			tx,
			'account_unlock',
			account.id,
			UNLOCK_LINK_LIFETIME_MS,
			now
		);
		const link = siteLink(`/unlock/${token}`, locale);
		await queueMail(tx, {
			kind: 'account_unlock',
			to: account.email,
			locale,
			subject: m.auth_unlock_email_subject({}, { locale }),
			text: m.auth_unlock_email_body({ link, reset }, { locale })
		});
	});
}

/** Whether an unlock link is live (unused, under an hour old, for a live account). */
export async function unlockLinkIsLive(db: Executor, token: string, now: Date = new Date()) {
	return (await userTokenAccount(db, 'account_unlock', token, now)) !== null;
}

/** Uses an unlock link up and lifts the lock; false when the link is not live. */
export async function useUnlockLink(
	db: Executor,
	token: string,
	now: Date = new Date()
): Promise<boolean> {
	const account = await userTokenAccount(db, 'account_unlock', token, now);
	if (!account) return false;
	const used = await db
		.update(userTokens)
		.set({ usedAt: now })
		.where(and(liveUserToken('account_unlock', token, now), eq(userTokens.userId, account.userId)))
		.returning({ id: userTokens.id });
	if (used.length === 0) return false;
	await unlockAccount(db, account.email);
	return true;
}
