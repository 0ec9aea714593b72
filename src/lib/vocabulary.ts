/**
 * A guard for a fixed list of words (categories, statuses, steps, reasons): whether a value read
 * from a form, a query or a row is one of them. Each list's module exports its own guard.
 */
export function oneOf<T extends string>(list: readonly T[]) {
	return (value: unknown): value is T =>
		typeof value === 'string' && (list as readonly string[]).includes(value);
}
