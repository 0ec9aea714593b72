/** Public figures about accepting merchants (approved listings only). */
import { count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import { merchants } from '../db/schema';
import { CATEGORIES, type Category } from '../../merchants/vocabulary';
import { DEPARTEMENTS, type Departement } from '../../geo/idf';

export interface PublicOverview {
	approved: number;
	byCategory: Record<Category, number>;
	byDepartement: Record<Departement, number>;
}

export async function publicOverview(db: Executor): Promise<PublicOverview> {
	const rows = await db
		.select({ category: merchants.category, departement: merchants.departement, n: count() })
		.from(merchants)
		.where(eq(merchants.status, 'approved'))
		.groupBy(merchants.category, merchants.departement);
	const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
	const byDepartement = Object.fromEntries(DEPARTEMENTS.map((d) => [d, 0])) as Record<
		Departement,
		number
	>;
	let approved = 0;
	for (const { category, departement, n } of rows) {
		byCategory[category] += n;
		if (departement) byDepartement[departement] += n;
		approved += n;
	}
	return { approved, byCategory, byDepartement };
}

/** How long a process trusts what it last read of hasDemoData (the demo set is seeded offline). */
const DEMO_CHECK_MS = 60_000;
const demoChecks = new WeakMap<Executor, { at: number; demo: Promise<boolean> }>();

/**
 * Whether the database holds the demo dataset (the site then says so on every page): read at
 * most once a minute per process, as every page asks (on PGlite a query blocks the process).
 */
export function hasDemoData(db: Executor): Promise<boolean> {
	const now = Date.now();
	const known = demoChecks.get(db);
	if (known && now - known.at < DEMO_CHECK_MS) return known.demo;
	const demo = queryRows<{ demo: boolean }>(
		db,
		sql`SELECT EXISTS (SELECT 1 FROM ${merchants} WHERE ${merchants.isDemo}) AS demo`
	).then(([row]) => row.demo === true);
	demoChecks.set(db, { at: now, demo });
	// A failed read is not kept: the next page asks again.
	demo.catch(() => demoChecks.delete(db));
	return demo;
}
