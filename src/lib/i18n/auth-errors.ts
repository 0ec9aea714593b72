/** The account forms' error codes in the current language. */
import * as m from '$lib/paraglide/messages';
import {
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	type AuthErrorCode
} from '$lib/auth/form-errors';

const MESSAGES: Record<AuthErrorCode, (retryMinutes: number) => string> = {
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
	rate_limited: (minutes) => m.auth_error_rate_limited({ minutes }),
	reset_link_invalid: () => m.auth_error_reset_link_invalid()
};

export function authErrorMessage(code: AuthErrorCode, retryMinutes = 15): string {
	return MESSAGES[code](retryMinutes);
}

/** The message to show beside a field, or nothing when the field is fine. */
export function authFieldError(code: AuthErrorCode | undefined): string | undefined {
	return code && authErrorMessage(code);
}
