/**
 * The headline figures of a period, each with its value over the period just before. Counts come
 * from the changes of changes.ts (rollup days, then today's live); the median time to decide
 * from the decisions' rollup (decisions.ts). Coverage is the dashboard's
 * (computed once per request: coverage.ts).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import { addDays, previousPeriod, type MetricsRange } from '../../metrics/range';
import { num } from './sql';
import { medianDecisionDays } from './decisions';
import { approvalChanges, countsAt, day } from './changes';
import { coverageSummary, type AttractionCoverage } from './coverage';

export interface Compared<T> {
	current: T;
	previous: T;
}

export interface Headline {
	/** Approved merchants at the end of the period (and of the previous one). */
	approved: Compared<number>;
	/** Merchants that became accepting during the period. */
	newApproved: Compared<number>;
	/** Applications waiting for a decision at the end of the period. */
	pending: Compared<number>;
	/** Median days from submission to decision, over the decisions taken in the period. */
	medianDecisionDays: Compared<number | null>;
	/** Attractions with at least `minNearby` accepting merchants within 300 m, out of all. */
	coveredAttractions: Compared<number>;
	attractions: number;
}

export async function headline(
	db: Executor,
	range: MetricsRange,
	coverage: AttractionCoverage[]
): Promise<Headline> {
	const prev = previousPeriod(range);
	const end = day(addDays(range.to, 1));
	const start = day(range.from);
	const added = (from: string, to: string) =>
		sql`(SELECT COALESCE(sum(c.added), 0) FROM (${approvalChanges(['all'], day(from), day(to))}) c)`;
	const [[row], median] = await Promise.all([
		queryRows(
			db,
			sql`WITH counts AS (${countsAt(['all', 'pending'], [end, start])})
			SELECT
				(SELECT sum(n) FROM counts WHERE dimension = 'all' AND at = 0) AS approved,
				(SELECT sum(n) FROM counts WHERE dimension = 'all' AND at = 1) AS approved_prev,
				(SELECT sum(n) FROM counts WHERE dimension = 'pending' AND at = 0) AS pending,
				(SELECT sum(n) FROM counts WHERE dimension = 'pending' AND at = 1) AS pending_prev,
				${added(range.from, addDays(range.to, 1))} AS new,
				${added(prev.from, range.from)} AS new_prev`
		),
		medianDecisionDays(db, { prevFrom: prev.from, from: range.from, to: range.to })
	]);
	const covered = coverageSummary(coverage, range.minNearby);
	return {
		approved: { current: num(row.approved), previous: num(row.approved_prev) },
		newApproved: { current: num(row.new), previous: num(row.new_prev) },
		pending: { current: num(row.pending), previous: num(row.pending_prev) },
		medianDecisionDays: median,
		coveredAttractions: { current: covered.covered, previous: covered.coveredAtStart },
		attractions: covered.attractions
	};
}
