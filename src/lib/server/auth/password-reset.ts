/**
 * "Forgot password": a single-use link valid for one hour, e-mailed in the account's language.
 * Only the SHA-256 of the link's token is stored (user_tokens). Asking answers the same whether
 * the address has an account or not, and is rate-limited per address and per IP.
 */
import { and, eq, isNull } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { Database, Executor } from '../db/client';
import { userTokens } from '../db/schema';
import { hashPassword } from './password';
import { RESET_REQUESTS, attempt } from './rate-limit';
import { liveUserToken, storeUserToken, userTokenAccount, userTokenId } from './user-tokens';
import {
	emailError,
	liveAccount,
	newPasswordErrors,
	normalizeEmail,
	setPassword,
	type AccountLocale,
	type Outcome
} from './accounts';
import { queueMail } from '../mail/outbox';
import { siteLink } from '../mail/links';
import type { FieldErrors } from '../../auth/form-errors';

export const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** Same shape and digest as session tokens: 160 random bits, base32; SHA-256 hex stored. */
export const resetTokenId = userTokenId;

/** The link e-mailed, on the configured ORIGIN (never the request's Host). */
export function resetLink(locale: AccountLocale, token: string): string {
	return siteLink(`/reset-password/${token}`, locale);
}

/**
 * Creates a reset token for a live account and returns it (null for an unknown address).
 * Exported for tests; the form calls requestPasswordReset.
 */
export async function createResetToken(
	db: Executor,
	email: string,
	now: Date
): Promise<{ token: string; email: string; locale: AccountLocale } | null> {
	const account = await liveAccount(db, email);
	if (!account) return null;
	const token = await storeUserToken(
		db,
		'password_reset',
		account.id,
		RESET_TOKEN_LIFETIME_MS,
		now
	);
	return { token, email: account.email, locale: account.locale };
}

/** Sends a reset link if the address has an account; the answer never tells whether it has. */
export async function requestPasswordReset(
	db: Database,
	input: { email: string; ip: string },
	now: Date = new Date()
): Promise<Outcome<'email'>> {
	const email = normalizeEmail(input.email);
	const invalid = emailError(email);
	if (invalid) return { ok: false, errors: { email: invalid } };
	const verdict = await attempt(db, RESET_REQUESTS, { email, ip: input.ip }, now);
	if (!verdict.allowed) {
		return { ok: false, errors: { form: 'rate_limited' }, retryMinutes: verdict.retryMinutes };
	}
	await db.transaction(async (tx) => {
		const created = await createResetToken(tx, email, now);
		if (!created) return;
		const { token, locale } = created;
		const link = resetLink(locale, token);
		await queueMail(tx, {
			kind: 'password_reset',
			to: created.email,
			locale,
			subject: m.auth_reset_email_subject({}, { locale }),
			text: m.auth_reset_email_body({ link }, { locale })
		});
	});
	return { ok: true };
}

/** The account a reset link is for, while the link is unused and under an hour old. */
export async function resetTokenAccount(
	db: Executor,
	token: string,
	now: Date = new Date()
): Promise<{ userId: string; email: string } | null> {
	const account = await userTokenAccount(db, 'password_reset', token, now);
	return account && { userId: account.userId, email: account.email };
}

export type ResetField = 'password' | 'passwordConfirm';

/**
 * Sets a new password through a reset link: uses the link up (and any other reset link of the
 * account), ends every session, records it — all in one transaction.
 */
export async function resetPassword(
	db: Database,
	input: { token: string; password: string; passwordConfirm: string },
	now: Date = new Date()
): Promise<Outcome<ResetField>> {
	const account = await resetTokenAccount(db, input.token, now);
	if (!account) return { ok: false, errors: { form: 'reset_link_invalid' } };
	const errors: FieldErrors<ResetField> = newPasswordErrors(input, account.email);
	if (errors.password || errors.passwordConfirm) return { ok: false, errors };
	const passwordHash = await hashPassword(input.password);
	const done = await db.transaction(async (tx) => {
		// Used once: of two submissions of the same link, only the first one finds it unused.
		const used = await tx
			.update(userTokens)
			.set({ usedAt: now })
			.where(liveUserToken('password_reset', input.token, now))
			.returning({ id: userTokens.id });
		if (used.length === 0) return false;
		await tx
			.update(userTokens)
			.set({ usedAt: now })
			.where(
				and(
					eq(userTokens.userId, account.userId),
					eq(userTokens.kind, 'password_reset'),
					isNull(userTokens.usedAt)
				)
			);
		await setPassword(tx, account.userId, passwordHash, 'password_reset', now);
		return true;
	});
	return done ? { ok: true } : { ok: false, errors: { form: 'reset_link_invalid' } };
}
