/**
 * The partnership team: the first administrator (npm run admin:create), officials invited by
 * e-mail (a single-use link valid 7 days, only its SHA-256 kept in user_tokens, where they set
 * their password under the password policy), deactivation (every session ends at once) and
 * reactivation. Every change is audited. The CLI runs this with tsx (which resolves $lib through tsconfig paths).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { users } from '../db/schema';
import { recordAudit } from '../audit/record';
import * as m from '$lib/paraglide/messages';
import { queueMail } from '../mail/outbox';
import { siteLink } from '../mail/links';
import { hashPassword } from '../auth/password';
import { newPasswordError } from '../auth/password-policy';
import { accountByEmail, emailError, normalizeEmail, type Outcome } from '../auth/accounts';
import { chooseFirstPassword, type FirstPasswordField } from '../auth/first-password';
import { invalidateUserSessions } from '../auth/session';
import { issueUserToken, userTokenAccount } from '../auth/user-tokens';
import type { FieldErrors } from '../../auth/form-errors';
import { controlCharacterError } from '../../forms/text';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** The first (or another) administrator, from the command line. */
export async function createAdmin(
	db: Database,
	input: { email: string; password: string },
	now: Date = new Date()
): Promise<Outcome<'email' | 'password', { userId: string }>> {
	const email = normalizeEmail(input.email);
	const errors: FieldErrors<'email' | 'password'> = {
		email: emailError(email) ?? undefined,
		password: newPasswordError(input.password, email) ?? undefined
	};
	if (!errors.email && (await accountByEmail(db, email))) errors.email = 'email_taken';
	if (errors.email || errors.password) return { ok: false, errors };
	const passwordHash = await hashPassword(input.password);
	const userId = await db.transaction(async (tx) => {
		const [created] = await tx
			.insert(users)
			.values({ email, passwordHash, role: 'admin', locale: 'fr', createdAt: now })
			.returning({ id: users.id });
		await recordAudit(tx, {
			actorId: null,
			action: 'admin_created',
			subjectUserId: created.id,
			after: { role: 'admin' },
			at: now
		});
		return created.id;
	});
	return { ok: true, userId };
}

export type InvitationField = 'email' | 'displayName' | 'locale';

/**
 * Invites an official: creates the account without a password (it cannot log in yet) and a
 * 7-day single-use token, returned for the e-mail. Inviting a pending invitee again sends a new
 * link (the old one stops working).
 */
export async function inviteOfficial(
	db: Database,
	admin: { id: string },
	input: { email: string; displayName: string; locale: string },
	now: Date = new Date()
): Promise<Outcome<InvitationField, { token: string; email: string; locale: 'fr' | 'zh' }>> {
	const email = normalizeEmail(input.email);
	const displayName = input.displayName.trim().replace(/\s+/g, ' ').slice(0, 120) || null;
	const locale = input.locale === 'zh' ? 'zh' : 'fr';
	const errors: FieldErrors<InvitationField> = {
		email: emailError(email) ?? undefined,
		displayName: controlCharacterError(input.displayName) ?? undefined
	};
	if (errors.email || errors.displayName) return { ok: false, errors };
	const existing = await accountByEmail(db, email);
	const pendingInvitee =
		existing && existing.role === 'official' && !existing.passwordHash && !existing.deletedAt;
	if (existing && !pendingInvitee) return { ok: false, errors: { email: 'email_taken' } };
	const token = await db.transaction(async (tx) => {
		let userId = existing?.id;
		if (!userId) {
			const [created] = await tx
				.insert(users)
				.values({ email, role: 'official', locale, displayName, createdAt: now })
				.returning({ id: users.id });
			userId = created.id;
		}
		const token = await issueUserToken(tx, 'invitation', userId, INVITATION_LIFETIME_MS, now);
		await queueMail(tx, {
			kind: 'invitation',
			to: email,
			locale,
			subject: m.admin_invite_email_subject({}, { locale }),
			text: m.admin_invite_email_body(
				{ link: siteLink(`/invitation/${token}`, locale) },
				{ locale }
			)
		});
		await recordAudit(tx, {
			actorId: admin.id,
			action: 'official_invited',
			subjectUserId: userId,
			after: { role: 'official', locale, resent: Boolean(existing) },
			at: now
		});
		return token;
	});
	return { ok: true, token, email, locale };
}

/** Whom an invitation link is for, while it is unused and under 7 days old. */
export function invitationAccount(db: Executor, token: string, now: Date = new Date()) {
	return userTokenAccount(db, 'invitation', token, now);
}

export type AcceptField = FirstPasswordField;

/** Sets the invitee's password and uses the link up, in one transaction. */
export function acceptInvitation(
	db: Database,
	input: { token: string; password: string; passwordConfirm: string },
	now: Date = new Date()
) {
	return chooseFirstPassword(db, 'invitation', input, now);
}

/**
 * Deactivates (every session ends at once) or reactivates an official or administrator.
 * An administrator cannot deactivate themselves (the team would risk having none).
 */
export async function setMemberActive(
	db: Database,
	admin: { id: string },
	userId: string,
	active: boolean,
	now: Date = new Date()
): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'self' }> {
	if (userId === admin.id) return { ok: false, reason: 'self' };
	if (!/^[0-9a-f-]{36}$/i.test(userId)) return { ok: false, reason: 'not_found' };
	return db.transaction(async (tx) => {
		const [member] = await tx
			.select({ id: users.id, active: users.active })
			.from(users)
			.where(
				and(
					eq(users.id, userId),
					inArray(users.role, ['official', 'admin']),
					isNull(users.deletedAt)
				)
			)
			.for('update');
		if (!member) return { ok: false, reason: 'not_found' } as const;
		if (member.active === active) return { ok: true } as const;
		await tx.update(users).set({ active }).where(eq(users.id, userId));
		if (!active) await invalidateUserSessions(tx, userId);
		await recordAudit(tx, {
			actorId: admin.id,
			action: active ? 'user_reactivated' : 'user_deactivated',
			subjectUserId: userId,
			before: { active: member.active },
			after: { active },
			at: now
		});
		return { ok: true } as const;
	});
}

/** An account as the back-office lists it (the team, the search): who, which role, whether active. */
export const accountColumns = {
	id: users.id,
	email: users.email,
	displayName: users.displayName,
	role: users.role,
	active: users.active
};

/** The team, administrators first, with whether each has accepted their invitation. */
export async function teamMembers(db: Executor) {
	const rows = await db
		.select({
			...accountColumns,
			hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
			createdAt: users.createdAt,
			sessions: sql<number>`(SELECT count(*)::int FROM sessions s WHERE s.user_id = "users"."id")`
		})
		.from(users)
		.where(and(inArray(users.role, ['official', 'admin']), isNull(users.deletedAt)))
		.orderBy(asc(users.role), asc(users.email));
	return rows.map((r) => ({ ...r, invited: !r.hasPassword && r.active }));
}
