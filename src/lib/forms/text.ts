/**
 * What no text field accepts, whatever the form: control characters (C0, DEL, C1: U+0000 above
 * all, which PostgreSQL cannot store) and lone UTF-16 surrogates (half of a character, which
 * no keyboard types). Tab, line feed and carriage return are fine in a multi-line field only.
 * Shared by every domain's validation (auth, applications, imports, review, targets) so each
 * answers beside the field with the same code, CONTROL_CHARACTER.
 */
export const CONTROL_CHARACTER = 'control_character';
export type ControlCharacterCode = typeof CONTROL_CHARACTER;

const SINGLE_LINE = /[\p{Cc}\p{Cs}]/u;
const MULTI_LINE = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

/** Does this text hold a character no field accepts (or a line break a one-line field does not)? */
export function hasControlCharacter(value: string, options: { multiline?: boolean } = {}): boolean {
	return (options.multiline ? MULTI_LINE : SINGLE_LINE).test(value);
}

/** The code to answer beside a field, or null when its text is acceptable. */
export function controlCharacterError(
	value: string,
	options: { multiline?: boolean } = {}
): ControlCharacterCode | null {
	return hasControlCharacter(value, options) ? CONTROL_CHARACTER : null;
}

/**
 * The text with each unacceptable character (line breaks included) replaced by U+FFFD, for
 * echoing back something refused (a CSV cell in an import report) without storing what cannot
 * be stored.
 */
export function withoutControlCharacters(value: string): string {
	return value.replace(/[\p{Cc}\p{Cs}]/gu, '\ufffd');
}

/**
 * The first `max` characters of `value`, counted as code points so that a character outside the
 * BMP (an emoji, a rare hanzi) is never cut in half: half a surrogate pair is not valid text, and
 * PostgreSQL refuses it in JSON.
 */
export function truncate(value: string, max: number): string {
	if (value.length <= max) return value;
	return [...value].slice(0, max).join('');
}
