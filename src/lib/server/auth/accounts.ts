/**
 * Accounts: login, password change, language preference (a merchant's registration is in
 * registration.ts).
 * Every password check goes through the rate limiter (per account and per IP); wrong e-mail
 * and wrong password get one and the same answer, in the same time.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { users, type User } from '../db/schema';
import { recordAudit } from '../audit/record';
import { hashPassword, verifyPassword } from './password';
import { newPasswordError } from './password-policy';
import { passwordAttempt } from './rate-limit';
import { knownDeviceFor } from './known-devices';
import { sendUnlockLink } from './account-unlock';
import { invalidateUserSessions, type SessionUser } from './session';
import { EMAIL_MAX_LENGTH, type AuthErrorCode, type FieldErrors } from '../../auth/form-errors';
import { hasControlCharacter } from '../../forms/text';

export type AccountLocale = User['locale'];
export type Role = User['role'];

/** What a refused form gets back: errors by field and, when rate-limited, the minutes to wait. */
export interface Refusal<Field extends string> {
	ok: false;
	errors: FieldErrors<Field>;
	retryMinutes?: number;
	retrySeconds?: number;
}
export type Outcome<Field extends string, T = object> = ({ ok: true } & T) | Refusal<Field>;

const refuse = <F extends string>(errors: FieldErrors<F>, retryMinutes?: number): Refusal<F> => ({
	ok: false,
	errors,
	...(retryMinutes ? { retryMinutes } : {})
});
const hasErrors = (errors: object) => Object.values(errors).some(Boolean);

/** E-mail addresses are kept trimmed and in lower case (one account per address, whatever its case). */
export function normalizeEmail(raw: string): string {
	return raw.trim().toLowerCase();
}

export function emailError(email: string): AuthErrorCode | null {
	if (!email) return 'required';
	if (hasControlCharacter(email)) return 'control_character';
	if (email.length > EMAIL_MAX_LENGTH || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email)) {
		return 'email_invalid';
	}
	return null;
}

export function isAccountLocale(value: unknown): value is AccountLocale {
	return value === 'zh' || value === 'fr';
}

/** Where a user lands after logging in when no `next` page was asked for. */
export function landingPath(role: Role): string {
	return role === 'merchant' ? '/merchant' : '/admin';
}

const sessionUserColumns = {
	id: users.id,
	email: users.email,
	role: users.role,
	locale: users.locale,
	displayName: users.displayName
};

/** The live (active, not erased) account of an e-mail address, with its password hash. */
export async function liveAccount(db: Executor, email: string) {
	const [row] = await db
		.select({ ...sessionUserColumns, passwordHash: users.passwordHash })
		.from(users)
		.where(
			and(
				sql`lower(${users.email}) = ${normalizeEmail(email)}`,
				eq(users.active, true),
				isNull(users.deletedAt)
			)
		);
	return row ?? null;
}

/** The account of an address whatever its state (deactivated, erased, no password yet), or null. */
export async function accountByEmail(db: Executor, email: string) {
	const [row] = await db
		.select({
			id: users.id,
			email: users.email,
			role: users.role,
			locale: users.locale,
			active: users.active,
			deletedAt: users.deletedAt,
			passwordHash: users.passwordHash
		})
		.from(users)
		.where(sql`lower(${users.email}) = ${normalizeEmail(email)}`);
	return row ?? null;
}

/** Checked against unknown addresses too, so a wrong e-mail takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

type PasswordCheck =
	| { ok: true; user: SessionUser }
	| { ok: false; reason: 'wrong' }
	| { ok: false; reason: 'rate_limited' | 'account_locked'; retryMinutes: number }
	| { ok: false; reason: 'login_slowed'; retrySeconds: number };

/** Who is guessing: the client's address and the device cookie it sent. */
export interface PasswordContext {
	ip: string;
	device?: string;
}

/** Is this the password of this address's live account? Counted by the rate limiter. */
async function checkPassword(
	db: Executor,
	email: string,
	password: string,
	context: PasswordContext,
	now: Date
): Promise<PasswordCheck> {
	const knownDevice = await knownDeviceFor(db, context.device, email, now);
	const verdict = await passwordAttempt(db, { email, ip: context.ip, knownDevice }, now);
	if (!verdict.allowed) {
		if (verdict.reason === 'slowed') {
			return { ok: false, reason: 'login_slowed', retrySeconds: verdict.retrySeconds };
		}
		if (verdict.reason === 'locked' && verdict.justLocked) {
			await sendUnlockLink(db, email, now);
		}
		const reason = verdict.reason === 'locked' ? 'account_locked' : 'rate_limited';
		return { ok: false, reason, retryMinutes: verdict.retryMinutes };
	}
	const account = await liveAccount(db, email);
	decoyHash ??= hashPassword('decoy password, matches no account');
	const hash = account?.passwordHash ?? (await decoyHash);
	const matches = (await verifyPassword(hash, password)) && account?.passwordHash != null;
	if (!account || !matches) return { ok: false, reason: 'wrong' };
	await verdict.succeeded();
	const { id, email: address, role, locale, displayName } = account;
	return { ok: true, user: { id, email: address, role, locale, displayName } };
}

/** The refusal of a password check that was not even tried (slowed down, locked, limited). */
function waitRefusal<F extends string>(
	check: Exclude<PasswordCheck, { ok: true } | { reason: 'wrong' }>
): Refusal<F> {
	if (check.reason === 'login_slowed') {
		const errors = { form: 'login_slowed' } as FieldErrors<F>;
		return { ok: false, errors, retrySeconds: check.retrySeconds };
	}
	return refuse({ form: check.reason } as FieldErrors<F>, check.retryMinutes);
}

export type LoginField = 'email' | 'password';

/** A credential typed at login: present, and no character no field accepts. */
const typedError = (value: string): AuthErrorCode | undefined =>
	!value ? 'required' : hasControlCharacter(value) ? 'control_character' : undefined;

/** Logs in: the account, or one generic refusal (or "wait", when rate-limited). */
export async function logIn(
	db: Database,
	input: { email: string; password: string } & PasswordContext,
	now: Date = new Date()
): Promise<Outcome<LoginField, { user: SessionUser }>> {
	const email = normalizeEmail(input.email);
	const errors: FieldErrors<LoginField> = {
		email: typedError(email),
		password: typedError(input.password)
	};
	if (hasErrors(errors)) return refuse(errors);
	const check = await checkPassword(db, email, input.password, input, now);
	if (check.ok) return { ok: true, user: check.user };
	return check.reason === 'wrong' ? refuse({ form: 'credentials_invalid' }) : waitRefusal(check);
}

/**
 * Asks a signed-in user for their password again (password change, account deletion), with the
 * same rate limits as the login form.
 */
export async function confirmPassword<F extends string>(
	db: Database,
	user: SessionUser,
	password: string,
	field: F,
	context: PasswordContext,
	now: Date
): Promise<Refusal<F> | null> {
	const typed = typedError(password);
	if (typed) return refuse({ [field]: typed } as FieldErrors<F>);
	const check = await checkPassword(db, user.email, password, context, now);
	if (check.ok && check.user.id === user.id) return null;
	if (!check.ok && check.reason !== 'wrong') return waitRefusal(check);
	return refuse({ [field]: 'password_current_wrong' } as FieldErrors<F>);
}

export interface PasswordChange {
	current: string;
	password: string;
	passwordConfirm: string;
}
export type PasswordChangeField = 'current' | 'password' | 'passwordConfirm';

/** Checks the new password and its confirmation; shared by password change and reset. */
export function newPasswordErrors(
	input: { password: string; passwordConfirm: string },
	email: string
): FieldErrors<'password' | 'passwordConfirm'> {
	return {
		password: newPasswordError(input.password, email) ?? undefined,
		passwordConfirm: !input.passwordConfirm
			? 'required'
			: input.password !== input.passwordConfirm
				? 'password_mismatch'
				: undefined
	};
}

/**
 * Replaces a password and ends every session of the account, in one transaction; the caller
 * then opens a fresh session for the browser that asked.
 */
export async function changePassword(
	db: Database,
	user: SessionUser,
	input: PasswordChange & PasswordContext,
	now: Date = new Date()
): Promise<Outcome<PasswordChangeField>> {
	const errors: FieldErrors<PasswordChangeField> = {
		current: input.current ? undefined : 'required',
		...newPasswordErrors(input, user.email)
	};
	if (hasErrors(errors)) return refuse(errors);
	const wrong = await confirmPassword(db, user, input.current, 'current', input, now);
	if (wrong) return wrong;
	const passwordHash = await hashPassword(input.password);
	await db.transaction((tx) => setPassword(tx, user.id, passwordHash, 'password_changed', now));
	return { ok: true };
}

/** Writes a new password hash, ends all sessions and records it; call it in a transaction. */
export async function setPassword(
	tx: Executor,
	userId: string,
	passwordHash: string,
	action: 'password_changed' | 'password_reset',
	now: Date
): Promise<void> {
	await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
	await invalidateUserSessions(tx, userId);
	await recordAudit(tx, { actorId: userId, subjectUserId: userId, action, at: now });
}

/** The language of the user's interface and e-mails. */
export async function setLocalePreference(
	db: Executor,
	userId: string,
	locale: string
): Promise<Outcome<'locale'>> {
	if (!isAccountLocale(locale)) return refuse({ locale: 'locale_invalid' });
	await db.update(users).set({ locale }).where(eq(users.id, userId));
	return { ok: true };
}

/** What the account page shows about the signed-in user (null once the account is erased). */
export async function accountProfile(db: Executor, userId: string) {
	const [row] = await db
		.select({
			email: users.email,
			role: users.role,
			locale: users.locale,
			createdAt: users.createdAt
		})
		.from(users)
		.where(and(eq(users.id, userId), eq(users.active, true), isNull(users.deletedAt)));
	return row ?? null;
}
