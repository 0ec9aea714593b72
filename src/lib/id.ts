/**
 * The ids of the database's rows as they appear in URLs and forms: a positive integer written
 * in decimal, without sign, leading zero or spaces, that fits PostgreSQL's `integer` (the type
 * of merchants.id and imports.id). Anything else names no row: a 404, never a database error.
 */

/** PostgreSQL's largest `integer`. */
export const MAX_ID = 2_147_483_647;

/** The digits of an id, for patterns of whole paths (the range is checked by parseId). */
export const ID_PATTERN = '[1-9][0-9]{0,9}';
const DIGITS = new RegExp(`^${ID_PATTERN}$`);

/** The id written in `value`, or null. */
export function parseId(value: string | null | undefined): number | null {
	if (typeof value !== 'string' || !DIGITS.test(value)) return null;
	const id = Number(value);
	return id <= MAX_ID ? id : null;
}

export function isId(value: string): boolean {
	return parseId(value) !== null;
}
