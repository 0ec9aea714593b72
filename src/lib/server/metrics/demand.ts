/**
 * Demand gaps, from the anonymous search events: the (area cell, category) pairs where tourists
 * searched and found few or no merchants. Only groups of at least MIN_GROUP_EVENTS searches are
 * ever returned, so no figure describes one person's searches.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import type { MetricsRange } from '../../metrics/range';
import type { Category } from '../../merchants/vocabulary';
import { addDays } from '../../metrics/range';
import { num } from './sql';
import { DEMAND_ROLLUP, day, rolledThrough, rolledUpRows } from './changes';
import { ring } from './geography';

/** Smallest group of search events ever shown. */
export const MIN_GROUP_EVENTS = 5;
/** A search that found fewer merchants than this found "few". */
export const FEW_RESULTS = 3;
export const DEMAND_GAP_LIMIT = 20;

export interface DemandGap {
	cell: string;
	/** Null: searches without a category. */
	category: Category | null;
	searches: number;
	/** Searches that found fewer than FEW_RESULTS merchants. */
	poorSearches: number;
	/** Searches that found none. */
	emptySearches: number;
	/** Share of poor searches, 0–1. */
	poorShare: number;
	/** [lon, lat] ring of the cell, closed. */
	boundary: [number, number][];
}

export async function demandGaps(
	db: Executor,
	range: MetricsRange,
	limit = DEMAND_GAP_LIMIT
): Promise<DemandGap[]> {
	const from = day(range.from);
	const to = day(addDays(range.to, 1));
	const through = rolledThrough(DEMAND_ROLLUP);
	// Whole months and days from the rollup (changes.ts), the days since its last run live.
	const rows = await queryRows(
		db,
		sql`WITH searches AS (
				${rolledUpRows(
					'demand_rollups',
					sql`r.area_cell AS cell, r.category, r.searches, r.poor, r.empty`,
					sql`true`,
					{ from, to, through }
				)}
				UNION ALL
				SELECT e.area_cell, e.category::text, e.searches,
					CASE WHEN e.result_count < ${FEW_RESULTS} THEN e.searches ELSE 0 END,
					CASE WHEN e.result_count = 0 THEN e.searches ELSE 0 END
				FROM demand_events e
				WHERE e.area_cell IS NOT NULL AND e.day >= greatest(${from}, ${through}) AND e.day < ${to}
			)
			SELECT s.cell, s.category, sum(s.searches) AS searches, sum(s.poor) AS poor, sum(s.empty) AS empty,
				round(sum(s.poor)::numeric / sum(s.searches), 4) AS share
			FROM searches s
			GROUP BY s.cell, s.category
			HAVING sum(s.searches) >= ${MIN_GROUP_EVENTS} AND sum(s.poor) > 0
			ORDER BY poor DESC, share DESC, searches DESC, cell, category NULLS LAST
			LIMIT ${limit}`
	);
	return rows.map((r) => ({
		cell: String(r.cell),
		category: r.category === null ? null : (String(r.category) as Category),
		searches: num(r.searches),
		poorSearches: num(r.poor),
		emptySearches: num(r.empty),
		poorShare: num(r.share),
		boundary: ring(String(r.cell))
	}));
}
