import type { SQL } from 'drizzle-orm';
import type { Executor } from './client';

/**
 * Runs raw SQL and returns its rows on either driver (postgres.js answers with an array,
 * PGlite with `{ rows }`). Prefer the query builder; use this for what it cannot express.
 */
export async function queryRows<T extends Record<string, unknown>>(
	db: Executor,
	query: SQL
): Promise<T[]> {
	const result: unknown = await db.execute(query);
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Whether a query failed on a unique index (drizzle wraps the driver's error in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
	let e: unknown = error;
	while (e && typeof e === 'object') {
		if ((e as { code?: unknown }).code === '23505') return true;
		e = (e as { cause?: unknown }).cause;
	}
	return false;
}
