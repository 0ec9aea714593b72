/** The headline figures of a period, each with its value over the period just before. */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import { previousPeriod, type MetricsRange } from '../../metrics/range';
import { approvedAt, dayEnd, dayStart, decisionAt, num, numOrNull, pendingAt } from './sql';
import { coverageSummary } from './coverage';

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

export async function headline(db: Executor, range: MetricsRange): Promise<Headline> {
	const prev = previousPeriod(range);
	const curStart = dayStart(range.from);
	const curEnd = dayEnd(range.to);
	const prevStart = dayStart(prev.from);
	const [row] = await queryRows(
		db,
		sql`SELECT
			count(*) FILTER (WHERE ${approvedAt(curEnd)}) AS approved,
			count(*) FILTER (WHERE ${approvedAt(curStart)}) AS approved_prev,
			count(*) FILTER (WHERE m.status IN ('approved', 'suspended') AND m.accepted_since >= ${curStart} AND m.accepted_since < ${curEnd}) AS new,
			count(*) FILTER (WHERE m.status IN ('approved', 'suspended') AND m.accepted_since >= ${prevStart} AND m.accepted_since < ${curStart}) AS new_prev,
			count(*) FILTER (WHERE ${pendingAt(curEnd)}) AS pending,
			count(*) FILTER (WHERE ${pendingAt(curStart)}) AS pending_prev,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${decisionAt} - m.submitted_at) / 86400)
				FILTER (WHERE ${decisionAt} >= ${curStart} AND ${decisionAt} < ${curEnd} AND ${decisionAt} >= m.submitted_at) AS median_days,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${decisionAt} - m.submitted_at) / 86400)
				FILTER (WHERE ${decisionAt} >= ${prevStart} AND ${decisionAt} < ${curStart} AND ${decisionAt} >= m.submitted_at) AS median_days_prev
		FROM merchants m`
	);
	const [cur, before] = await Promise.all([
		coverageSummary(db, curEnd, range.minNearby),
		coverageSummary(db, curStart, range.minNearby)
	]);
	return {
		approved: { current: num(row.approved), previous: num(row.approved_prev) },
		newApproved: { current: num(row.new), previous: num(row.new_prev) },
		pending: { current: num(row.pending), previous: num(row.pending_prev) },
		medianDecisionDays: {
			current: numOrNull(row.median_days),
			previous: numOrNull(row.median_days_prev)
		},
		coveredAttractions: { current: cur.covered, previous: before.covered },
		attractions: cur.attractions
	};
}
