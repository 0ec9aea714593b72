/**
 * What the account forms answer, shared by the server (which decides) and the pages (which say
 * it in the page's language, see $lib/i18n/auth-errors). Codes, never sentences, cross the wire.
 */
export const AUTH_ERROR_CODES = [
	'required',
	'email_invalid',
	'email_taken',
	'password_too_short',
	'password_too_long',
	'password_common',
	'password_is_email',
	'password_mismatch',
	'password_current_wrong',
	'consent_required',
	'locale_invalid',
	'credentials_invalid',
	'rate_limited',
	'login_slowed',
	'account_locked',
	'reset_link_invalid',
	// Change of e-mail address.
	'email_same',
	'email_in_use',
	'email_link_invalid',
	// A control character or half a character (see $lib/forms/text).
	'control_character'
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/** One error per field; `form` is for what concerns the whole form (wrong credentials, wait). */
export type FieldErrors<Field extends string> = Partial<Record<Field | 'form', AuthErrorCode>>;

/** The answer of a refused form: its errors, what was typed (never a password) and, when rate-limited, how long to wait. */
export interface FormFailure<Field extends string> {
	errors: FieldErrors<Field>;
	values: Partial<Record<Field, string>>;
	retryMinutes?: number;
	retrySeconds?: number;
}

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes any length, but a megabyte password is an attack, not a password. */
export const PASSWORD_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
