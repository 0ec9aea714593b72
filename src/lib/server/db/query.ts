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
