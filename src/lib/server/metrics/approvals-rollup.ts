/**
 * The approvals' rollup (approval_rollups), kept up to date night after night without rebuilding
 * it: every row is the sum of each merchant's changes (changes.ts), so a run takes out the part
 * of the merchants changed since the last one (their inputs as it counted them, approval_inputs)
 * and adds their part now. Changed: merchants.updated_at (the state machine bumps it on every
 * change) or a verification, approval or suspension (changes.ts: changedSince) since the last
 * run read the data, less a margin for clocks and long transactions; and merchants deleted since.
 * The stale listings' rows are staleChanges at the run's read time, so the changed listings'
 * part at the last read time comes out and their part now goes in. Lapses (from the audit log,
 * a few hundred rows) are summed again. The first run (no inputs yet) counts every merchant.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import {
	changedSince,
	day,
	liveApprovalChanges,
	staleChanges,
	type ChangeDimension
} from './changes';

export const APPROVAL_INPUTS = 'approval_inputs';
const MARGIN = sql`interval '10 minutes'`;
const KEYED: ChangeDimension[] = [
	'all',
	'departement',
	'category',
	'commune',
	'pending',
	'near300',
	'near1000'
];
const COLUMNS = sql`status, submitted_at, accepted_since, decided_at, departement, category, commune_code, latitude, longitude`;

/** Changes of the approval_inputs rows of the changed merchants, as (dimension, key, day, added, removed). */
const inputChanges = liveApprovalChanges(
	KEYED,
	day(null),
	sql`'infinity'::timestamptz`,
	sql`(SELECT i.* FROM approval_inputs i JOIN metrics_changed c ON c.id = i.merchant_id)`
);

/**
 * In the rollup job's transaction, before its state's `updated_at` is set to this run's read
 * time. Returns how many merchants were counted again.
 */
export async function rollUpApprovals(tx: Executor): Promise<number> {
	const [state] = await queryRows<{ since: unknown }>(
		tx,
		sql`SELECT (SELECT s.updated_at FROM metrics_rollup_state s WHERE s.name = ${APPROVAL_INPUTS}) AS since`
	);
	const first = state.since === null || state.since === undefined;
	const lastRead = first
		? sql`'-infinity'::timestamptz`
		: sql`(SELECT s.updated_at FROM metrics_rollup_state s WHERE s.name = ${APPROVAL_INPUTS})`;
	if (first) {
		await tx.execute(sql`DELETE FROM approval_rollups`);
		await tx.execute(sql`DELETE FROM approval_inputs`);
	}
	await tx.execute(sql`CREATE TEMP TABLE metrics_changed (id integer PRIMARY KEY) ON COMMIT DROP`);
	await tx.execute(sql`INSERT INTO metrics_changed (id)
		SELECT m.id FROM merchants m WHERE m.updated_at >= ${lastRead} - ${MARGIN}
		UNION SELECT c.id FROM (${changedSince(sql`${lastRead} - ${MARGIN}`)}) c WHERE c.id IS NOT NULL
		UNION SELECT i.merchant_id FROM approval_inputs i
			WHERE NOT EXISTS (SELECT 1 FROM merchants m WHERE m.id = i.merchant_id)`);
	const changed = sql`SELECT c.id FROM metrics_changed c`;
	await tx.execute(sql`CREATE TEMP TABLE metrics_delta ON COMMIT DROP AS
		SELECT d.dimension, d.key, d.day, -d.added AS added, -d.removed AS removed FROM (${inputChanges}) d
		UNION ALL
		SELECT s.dimension, s.key, s.day, -s.added, -s.removed FROM (${staleChanges(lastRead, changed)}) s`);
	await tx.execute(
		sql`DELETE FROM approval_inputs WHERE merchant_id IN (SELECT c.id FROM metrics_changed c)`
	);
	await tx.execute(sql`INSERT INTO approval_inputs (merchant_id, ${COLUMNS})
		SELECT m.id, m.status::text, m.submitted_at, m.accepted_since, m.decided_at, m.departement::text,
			m.category::text, m.commune_code, m.latitude, m.longitude
		FROM merchants m JOIN metrics_changed c ON c.id = m.id`);
	await tx.execute(sql`INSERT INTO metrics_delta
		SELECT d.dimension, d.key, d.day, d.added, d.removed FROM (${inputChanges}) d
		UNION ALL
		SELECT s.dimension, s.key, s.day, s.added, s.removed FROM (${staleChanges(sql`now()`, changed)}) s`);
	// Lapses: all of them again (the audit log's, a few hundred rows).
	await tx.execute(sql`INSERT INTO metrics_delta
		SELECT r.dimension, r.key, r.period, -r.added, -r.removed FROM approval_rollups r
		WHERE r.dimension = 'lapsed' AND r.grain = 'day'
		UNION ALL
		SELECT l.* FROM (${liveApprovalChanges(['lapsed'], day(null))}) l(dimension, key, day, added, removed)`);
	await tx.execute(sql`INSERT INTO approval_rollups (grain, period, dimension, key, added, removed)
		SELECT 'day', d.day, d.dimension, d.key, sum(d.added), sum(d.removed) FROM metrics_delta d
		GROUP BY d.day, d.dimension, d.key
		ON CONFLICT (dimension, grain, period, key) DO UPDATE
		SET added = approval_rollups.added + excluded.added, removed = approval_rollups.removed + excluded.removed`);
	await tx.execute(
		sql`DELETE FROM approval_rollups WHERE grain = 'day' AND added = 0 AND removed = 0`
	);
	// The months of the days that changed, summed again from their days.
	const months = sql`SELECT DISTINCT date_trunc('month', d.day)::date FROM metrics_delta d`;
	await tx.execute(
		sql`DELETE FROM approval_rollups WHERE grain = 'month' AND period IN (${months})`
	);
	await tx.execute(sql`INSERT INTO approval_rollups (grain, period, dimension, key, added, removed)
		SELECT 'month', date_trunc('month', r.period)::date, r.dimension, r.key, sum(r.added), sum(r.removed)
		FROM approval_rollups r
		WHERE r.grain = 'day' AND date_trunc('month', r.period)::date IN (${months})
		GROUP BY 2, 3, 4`);
	const [count] = await queryRows<{ n: number }>(
		tx,
		sql`SELECT count(*)::int AS n FROM metrics_changed`
	);
	return Number(count.n);
}
