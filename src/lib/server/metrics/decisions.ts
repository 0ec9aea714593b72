/**
 * The headline's median time to decide (docs/metrics.md), exact, without reading every decision.
 * A decision is an application's approval, else its latest refusal or request (`decisionAt`),
 * taken after its submission; its duration is the days between them.
 *
 * The nightly run (rollUpDecisions) keeps each decision as it read it (decision_durations: Paris
 * day, days, floor(days) as a bucket) and how many decisions each day and month had per
 * whole-day bucket (decision_rollups). The median of a period is then found as a database would
 * (percentile_cont: the values at ranks floor((N-1)/2) and ceil((N-1)/2), interpolated): the
 * counts give N and the bucket of each of the two ranks, and only that bucket's exact durations
 * are read and ordered. Merchants changed since the run (merchants.updated_at, with a margin for
 * clocks and long transactions) are taken out of the rollup and read live, so the figure is the
 * live one at any time, today's decisions included. Before any run, every decision is live.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import { TIME_ZONE, dayEnd, dayStart, decisionAt, numOrNull } from './sql';
import { rolledUpRows } from './changes';

export const DECISIONS_ROLLUP = 'decisions';
/** Merchants changed this long before the run read them are read live too (clock skew). */
const MARGIN = sql`interval '10 minutes'`;

/** Since when merchants are read live: the last run's read time less the margin, or always. */
const liveSince = sql`COALESCE((SELECT s.updated_at - ${MARGIN} FROM metrics_rollup_state s
	WHERE s.name = ${DECISIONS_ROLLUP}), '-infinity'::timestamptz)`;

/** Each merchant's decision (merchant_id, day, bucket, days) of the merchants `m` matching `where`. */
const decisionsOf = (
	where: SQL
): SQL => sql`SELECT d.merchant_id, d.day, floor(d.days)::int AS bucket, d.days
	FROM (
		SELECT m.id AS merchant_id, (${decisionAt} AT TIME ZONE ${TIME_ZONE})::date AS day,
			(extract(epoch FROM ${decisionAt} - m.submitted_at) / 86400)::float8 AS days
		FROM merchants m
		WHERE ${decisionAt} >= m.submitted_at AND ${where}
	) d`;

/**
 * The nightly step (in the rollup job's transaction): the decisions of the merchants changed
 * since the last run (all of them the first time) replace their rows, and the counts of the days
 * and months they touched are summed again. Returns how many merchants were read.
 */
export async function rollUpDecisions(tx: Executor): Promise<number> {
	const changed = sql`m.updated_at >= ${liveSince}`;
	const gone = await queryRows<{ day: string }>(
		tx,
		sql`DELETE FROM decision_durations d
			WHERE d.merchant_id IN (SELECT m.id FROM merchants m WHERE ${changed})
			RETURNING d.day::text AS day`
	);
	const added = await queryRows<{ day: string }>(
		tx,
		sql`INSERT INTO decision_durations (merchant_id, day, bucket, days)
			${decisionsOf(changed)}
			RETURNING day::text AS day`
	);
	const days = [...new Set([...gone, ...added].map((r) => String(r.day)))];
	if (days.length) {
		const list = sql.join(
			days.map((d) => sql`${d}::date`),
			sql`, `
		);
		await tx.execute(sql`DELETE FROM decision_rollups WHERE grain = 'day' AND period IN (${list})`);
		await tx.execute(sql`INSERT INTO decision_rollups (grain, period, bucket, decisions)
			SELECT 'day', d.day, d.bucket, count(*) FROM decision_durations d
			WHERE d.day IN (${list}) GROUP BY d.day, d.bucket`);
		const months = sql`SELECT DISTINCT date_trunc('month', x.d)::date FROM unnest(ARRAY[${list}]) x(d)`;
		await tx.execute(
			sql`DELETE FROM decision_rollups WHERE grain = 'month' AND period IN (${months})`
		);
		await tx.execute(sql`INSERT INTO decision_rollups (grain, period, bucket, decisions)
			SELECT 'month', date_trunc('month', r.period)::date, r.bucket, sum(r.decisions)
			FROM decision_rollups r
			WHERE r.grain = 'day' AND date_trunc('month', r.period)::date IN (${months})
			GROUP BY 2, 3`);
	}
	return added.length;
}

/**
 * The median days to decide of the decisions taken on the Paris days [from, to] and of the period
 * [prevFrom, from) before it: `{ current, previous }`, null for a period without decisions.
 */
export async function medianDecisionDays(
	db: Executor,
	period: { prevFrom: string; from: string; to: string }
): Promise<{ current: number | null; previous: number | null }> {
	const end = sql`(${period.to}::date + 1)`;
	const periodOf = (day: SQL) => sql`CASE WHEN ${day} >= ${period.from}::date THEN 1 ELSE 0 END`;
	const inRange = (day: SQL) => sql`${day} >= ${period.prevFrom}::date AND ${day} < ${end}`;
	const [row] = await queryRows(
		db,
		sql`WITH changed AS MATERIALIZED (
				SELECT m.id FROM merchants m WHERE m.updated_at >= ${liveSince}
			), live AS MATERIALIZED (
				SELECT * FROM (${decisionsOf(sql`m.id IN (SELECT c.id FROM changed c)
					AND ${decisionAt} >= ${dayStart(period.prevFrom)} AND ${decisionAt} < ${dayEnd(period.to)}`)}) l
			), counts AS (
				SELECT ${periodOf(sql`r.day`)} AS p, r.bucket, sum(r.n) AS n FROM (
					${rolledUpRows('decision_rollups', sql`r.period AS day, r.bucket, r.decisions AS n`, sql`true`, { from: sql`${period.prevFrom}::date`, to: end, through: sql`'infinity'::date` })}
					UNION ALL
					SELECT d.day, d.bucket, -1 FROM decision_durations d
					WHERE d.merchant_id IN (SELECT c.id FROM changed c) AND ${inRange(sql`d.day`)}
					UNION ALL
					SELECT l.day, l.bucket, 1 FROM live l
				) r
				GROUP BY 1, 2
			), ranked AS (
				-- Per period and bucket: the ranks it holds, [before, before + n).
				SELECT p, bucket, sum(n) OVER w - n AS before, sum(n) OVER w AS upto,
					sum(n) OVER (PARTITION BY p) AS total
				FROM counts WHERE n > 0
				WINDOW w AS (PARTITION BY p ORDER BY bucket)
			), wanted AS (
				-- The two middle ranks of each period, and the bucket holding each.
				SELECT r.p, k.which, r.bucket, (k.rank - r.before)::bigint AS offset_in_bucket
				FROM ranked r
				CROSS JOIN LATERAL (VALUES ('lo', floor((r.total - 1) / 2.0)), ('hi', ceil((r.total - 1) / 2.0))) k(which, rank)
				WHERE k.rank >= r.before AND k.rank < r.upto
			), picked AS (
				SELECT w.p, w.which, (
					SELECT v.days FROM (
						SELECT d.days FROM decision_durations d
						WHERE d.bucket = w.bucket AND d.day >= CASE WHEN w.p = 1 THEN ${period.from}::date ELSE ${period.prevFrom}::date END
							AND d.day < CASE WHEN w.p = 1 THEN ${end} ELSE ${period.from}::date END
							AND d.merchant_id NOT IN (SELECT c.id FROM changed c)
						UNION ALL
						SELECT l.days FROM live l WHERE l.bucket = w.bucket AND ${periodOf(sql`l.day`)} = w.p
					) v
					ORDER BY v.days OFFSET w.offset_in_bucket LIMIT 1
				) AS days
				FROM wanted w
			), medians AS (
				-- As percentile_cont(0.5): lo + (hi - lo) * 0.5 (lo itself when both ranks are one).
				SELECT lo.p, lo.days + (hi.days - lo.days) * 0.5::float8 AS median
				FROM picked lo JOIN picked hi ON hi.p = lo.p AND hi.which = 'hi'
				WHERE lo.which = 'lo'
			)
			SELECT (SELECT median FROM medians WHERE p = 1) AS current,
				(SELECT median FROM medians WHERE p = 0) AS previous`
	);
	return { current: numOrNull(row.current), previous: numOrNull(row.previous) };
}
