/**
 * Changing an account's e-mail address. The signed-in user types the new address and their
 * password; a single-use link, valid for a day, goes to the new address (only its SHA-256 is
 * stored, in user_tokens with the address it confirms, as for password resets). Following it and
 * confirming makes the new address the account's, and tells the old address. Until then nothing
 * changes: the old address still signs in. Asking is rate-limited per account and per IP, and
 * only the last link asked for works.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { Database, Executor } from '../db/client';
import { userTokens, users } from '../db/schema';
import { recordAudit } from '../audit/record';
import { queueMail } from '../mail/outbox';
import { maskAddress } from '../mail/mailer';
import { siteLink } from '../mail/links';
import { isUniqueViolation } from '../db/query';
import { EMAIL_CHANGE_REQUESTS, attempt } from './rate-limit';
import type { SessionUser } from './session';
import { liveAccountToken, storeUserToken } from './user-tokens';
import {
	confirmPassword,
	emailError,
	normalizeEmail,
	type Outcome,
	type PasswordContext
} from './accounts';
import type { FieldErrors } from '../../auth/form-errors';

export const EMAIL_CHANGE_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export type EmailChangeField = 'newEmail' | 'emailPassword';

/** Whether another account (live or not) holds this address, whatever its case. */
async function addressInUse(db: Executor, email: string, exceptUserId: string) {
	const [row] = await db
		.select({ id: users.id })
		.from(users)
		.where(sql`lower(${users.email}) = ${email} AND ${users.id} <> ${exceptUserId}`);
	return Boolean(row);
}

/** Uses up the account's unused e-mail change links (a new one replaces them, a change ends them). */
function useUpLinks(tx: Executor, userId: string, now: Date) {
	return tx
		.update(userTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(userTokens.userId, userId),
				eq(userTokens.kind, 'email_change'),
				isNull(userTokens.usedAt)
			)
		);
}

/**
 * Sends a confirmation link to the new address, once the password is right and the address is
 * free. Answers the address the link went to.
 */
export async function requestEmailChange(
	db: Database,
	user: SessionUser,
	input: { newEmail: string; password: string } & PasswordContext,
	now: Date = new Date()
): Promise<Outcome<EmailChangeField, { email: string }>> {
	const newEmail = normalizeEmail(input.newEmail);
	const errors: FieldErrors<EmailChangeField> = {
		newEmail:
			emailError(newEmail) ?? (newEmail === normalizeEmail(user.email) ? 'email_same' : undefined),
		emailPassword: input.password ? undefined : 'required'
	};
	if (errors.newEmail || errors.emailPassword) return { ok: false, errors };
	const wrong = await confirmPassword(db, user, input.password, 'emailPassword', input, now);
	if (wrong) return wrong;
	if (await addressInUse(db, newEmail, user.id)) {
		return { ok: false, errors: { newEmail: 'email_in_use' } };
	}
	const verdict = await attempt(
		db,
		EMAIL_CHANGE_REQUESTS,
		{ email: user.email, ip: input.ip },
		now
	);
	if (!verdict.allowed) {
		return { ok: false, errors: { form: 'rate_limited' }, retryMinutes: verdict.retryMinutes };
	}
	const locale = user.locale;
	await db.transaction(async (tx) => {
		await useUpLinks(tx, user.id, now);
		const token = await storeUserToken(
			tx,
			'email_change',
			user.id,
			EMAIL_CHANGE_LINK_LIFETIME_MS,
			now,
			newEmail
		);
		await recordAudit(tx, {
			actorId: user.id,
			subjectUserId: user.id,
			action: 'email_change_requested',
			at: now
		});
		await queueMail(tx, {
			kind: 'email_change',
			to: newEmail,
			locale,
			subject: m.account_email_change_mail_subject({}, { locale }),
			text: m.account_email_change_mail_body(
				{ link: siteLink(`/account/email/${token}`, locale) },
				{ locale }
			)
		});
	});
	return { ok: true, email: newEmail };
}

/** The address a live e-mail change link would confirm, for the page that asks to confirm it. */
export async function emailChangeLink(
	db: Executor,
	token: string,
	now: Date = new Date()
): Promise<{ newEmail: string } | null> {
	const [row] = await db
		.select({ newEmail: userTokens.newEmail })
		.from(userTokens)
		.innerJoin(users, eq(users.id, userTokens.userId))
		.where(liveAccountToken('email_change', token, now));
	return row?.newEmail ? { newEmail: row.newEmail } : null;
}

/**
 * Confirms a change through its link: the account's address becomes the new one, every link of
 * the account is used up, the change is recorded and the old address is told — in one
 * transaction. Refused when the link is not live, or the address was taken meanwhile.
 */
export async function confirmEmailChange(
	db: Database,
	token: string,
	now: Date = new Date()
): Promise<Outcome<'form', { email: string }>> {
	const invalid = { ok: false as const, errors: { form: 'email_link_invalid' as const } };
	try {
		return await db.transaction(async (tx) => {
			const [link] = await tx
				.select({
					userId: users.id,
					oldEmail: users.email,
					locale: users.locale,
					newEmail: userTokens.newEmail
				})
				.from(userTokens)
				.innerJoin(users, eq(users.id, userTokens.userId))
				.where(liveAccountToken('email_change', token, now))
				.for('update');
			if (!link?.newEmail) return invalid;
			if (await addressInUse(tx, link.newEmail, link.userId)) {
				return { ok: false, errors: { form: 'email_in_use' } };
			}
			await useUpLinks(tx, link.userId, now);
			await tx.update(users).set({ email: link.newEmail }).where(eq(users.id, link.userId));
			await recordAudit(tx, {
				actorId: link.userId,
				subjectUserId: link.userId,
				action: 'email_changed',
				at: now
			});
			const locale = link.locale;
			await queueMail(tx, {
				kind: 'email_changed',
				to: link.oldEmail,
				locale,
				subject: m.account_email_changed_mail_subject({}, { locale }),
				text: m.account_email_changed_mail_body({ email: maskAddress(link.newEmail) }, { locale })
			});
			return { ok: true, email: link.newEmail };
		});
	} catch (error) {
		// Another account took the address at the same moment: the database keeps one.
		if (isUniqueViolation(error)) return { ok: false, errors: { form: 'email_in_use' } };
		throw error;
	}
}
