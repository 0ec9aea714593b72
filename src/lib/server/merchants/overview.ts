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

/** Whether the database holds the demo dataset (the site then says so on every page). */
export async function hasDemoData(db: Executor): Promise<boolean> {
	const [row] = await queryRows<{ demo: boolean }>(
		db,
		sql`SELECT EXISTS (SELECT 1 FROM ${merchants} WHERE ${merchants.isDemo}) AS demo`
	);
	return row.demo === true;
}
