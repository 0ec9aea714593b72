/** The account forms' error codes in the current language. */
import * as m from '$lib/paraglide/messages';
import {
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	type AuthErrorCode
} from '$lib/auth/form-errors';
import { fieldId, summaryItems, type SummaryItem } from '$lib/forms/error-summary';

/** How long a refused form says to wait. */
export interface Wait {
	retryMinutes?: number;
	retrySeconds?: number;
}

const MESSAGES: Record<AuthErrorCode, (wait: Required<Wait>) => string> = {
	required: () => m.auth_error_required(),
	email_invalid: () => m.auth_error_email_invalid(),
	email_taken: () => m.auth_error_email_taken(),
	password_too_short: () => m.auth_error_password_too_short({ min: PASSWORD_MIN_LENGTH }),
	password_too_long: () => m.auth_error_password_too_long({ max: PASSWORD_MAX_LENGTH }),
	password_common: () => m.auth_error_password_common(),
	password_is_email: () => m.auth_error_password_is_email(),
	password_mismatch: () => m.auth_error_password_mismatch(),
	password_current_wrong: () => m.auth_error_password_current_wrong(),
	consent_required: () => m.auth_error_consent_required(),
	locale_invalid: () => m.auth_error_locale_invalid(),
	credentials_invalid: () => m.auth_error_credentials_invalid(),
	rate_limited: (wait) => m.auth_error_rate_limited({ minutes: wait.retryMinutes }),
	login_slowed: (wait) => m.auth_error_login_slowed({ seconds: wait.retrySeconds }),
	account_locked: (wait) => m.auth_error_account_locked({ minutes: wait.retryMinutes }),
	reset_link_invalid: () => m.auth_error_reset_link_invalid(),
	email_same: () => m.auth_error_email_same(),
	email_in_use: () => m.auth_error_email_in_use(),
	email_link_invalid: () => m.auth_error_email_link_invalid(),
	control_character: () => m.form_error_control_character()
};

export function authErrorMessage(code: AuthErrorCode, wait: Wait | null | undefined = {}): string {
	return MESSAGES[code]({
		retryMinutes: wait?.retryMinutes ?? 15,
		retrySeconds: wait?.retrySeconds ?? 1
	});
}

/** The message of a refused form as a whole (above its fields), or nothing. */
export function authFormError(
	errors: { form?: AuthErrorCode } | null | undefined,
	wait?: Wait | null
): string | undefined {
	return errors?.form && authErrorMessage(errors.form, wait);
}

/** The message to show beside a field, or nothing when the field is fine. */
export function authFieldError(code: AuthErrorCode | undefined): string | undefined {
	return code && authErrorMessage(code);
}

/**
 * The error summary's lines of an account form: its fields in page order, as [name, label]
 * (each control's id is fieldId(name)).
 */
export function authSummary(
	errors: Partial<Record<string, AuthErrorCode>> | null | undefined,
	fields: readonly (readonly [name: string, label: string])[]
): SummaryItem[] {
	return summaryItems(
		fields.map(([name, label]) => [fieldId(name), label, authFieldError(errors?.[name])])
	);
}

/** A new password and its confirmation (NewPasswordFields), for authSummary. */
export const newPasswordFields = (label: string = m.auth_field_password()) =>
	[
		['password', label],
		['passwordConfirm', m.auth_field_password_confirm()]
	] as const;
