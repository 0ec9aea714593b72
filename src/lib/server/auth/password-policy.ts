/**
 * What a new password must be: at least 10 characters, at most 200, not one of the common
 * passwords of public leak lists (common-passwords.txt), not the account's e-mail address.
 * Checked on the server at registration, password change and reset.
 */
import commonPasswordsText from './common-passwords.txt?raw';
import {
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	type AuthErrorCode
} from '../../auth/form-errors';
import { hasControlCharacter } from '../../forms/text';

const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
	commonPasswordsText
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'))
);

/** Characters, not UTF-16 units: "密码" is two characters. */
const length = (s: string) => [...s].length;

export function isCommonPassword(password: string): boolean {
	const folded = password.trim().toLowerCase();
	// One character repeated (aaaaaaaaaa, 1111111111) is as weak as any list entry.
	return COMMON_PASSWORDS.has(folded) || /^(.)\1*$/u.test(folded);
}

/** Why a new password is refused, or null when it is acceptable. */
export function newPasswordError(password: string, email?: string): AuthErrorCode | null {
	if (!password) return 'required';
	if (hasControlCharacter(password)) return 'control_character';
	if (length(password) < PASSWORD_MIN_LENGTH) return 'password_too_short';
	if (length(password) > PASSWORD_MAX_LENGTH) return 'password_too_long';
	if (isCommonPassword(password)) return 'password_common';
	if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) {
		return 'password_is_email';
	}
	return null;
}

export function commonPasswordCount(): number {
	return COMMON_PASSWORDS.size;
}
