/**
 * The partnership's targets (a count of approved merchants by a date, for the region or one
 * département): progress today and the day each will be reached at the current rate (the net
 * growth of the last RATE_WINDOW_DAYS days, extrapolated linearly).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import { partnershipTargets } from '../db/schema';
import { recordAudit } from '../audit/record';
import type { Departement } from '../../geo/idf';
import type { TargetInput } from '../../metrics/targets';
import { TIME_ZONE, num } from './sql';
import { countsAtInstants } from './changes';

export const RATE_WINDOW_DAYS = 90;

export interface TargetProgress {
	id: number;
	departement: Departement | null;
	targetCount: number;
	targetDate: string;
	current: number;
	/** current / target, 0–1 (may exceed 1). */
	progress: number;
	/** Net approvals over the last RATE_WINDOW_DAYS days. */
	recentGrowth: number;
	/** The day the target is reached at the current rate; null if reached or never at this rate. */
	projectedDate: string | null;
	reached: boolean;
	onTrack: boolean;
}

export async function targetProgress(db: Executor, asOf: Date): Promise<TargetProgress[]> {
	const now = sql`${asOf.toISOString()}::timestamptz`;
	const before = sql`(${asOf.toISOString()}::timestamptz - ${`${RATE_WINDOW_DAYS} days`}::interval)`;
	const rows = await queryRows(
		db,
		sql`WITH counts AS (
				-- The rollups' counts by département and for the region, now and RATE_WINDOW_DAYS ago.
				SELECT c.dimension = 'all' AS region, c.key AS departement,
					COALESCE(sum(c.n) FILTER (WHERE c.at = 0), 0) AS current,
					COALESCE(sum(c.n) FILTER (WHERE c.at = 1), 0) AS before
				FROM (${countsAtInstants(['all', 'departement'], [now, before])}) c
				GROUP BY c.dimension, c.key
			)
			SELECT t.id, t.departement::text AS departement, t.target_count, t.target_date::text AS target_date,
				c.current, c.current - c.before AS recent,
				CASE WHEN c.current >= t.target_count OR c.current <= c.before THEN NULL
					ELSE ((${now} AT TIME ZONE ${TIME_ZONE})::date
						+ ceil((t.target_count - c.current) * ${RATE_WINDOW_DAYS}::numeric / (c.current - c.before))::int)::text
				END AS projected
			FROM partnership_targets t
			LEFT JOIN counts c0 ON CASE WHEN t.departement IS NULL THEN c0.region
				ELSE NOT c0.region AND c0.departement = t.departement::text END
			CROSS JOIN LATERAL (SELECT COALESCE(c0.current, 0) AS current, COALESCE(c0.before, 0) AS before) c
			ORDER BY t.target_date, t.departement NULLS FIRST`
	);
	return rows.map((r) => {
		const current = num(r.current);
		const targetCount = num(r.target_count);
		const projectedDate = r.projected === null ? null : String(r.projected);
		const targetDate = String(r.target_date);
		const reached = current >= targetCount;
		return {
			id: num(r.id),
			departement: r.departement === null ? null : (String(r.departement) as Departement),
			targetCount,
			targetDate,
			current,
			progress: current / targetCount,
			recentGrowth: num(r.recent),
			projectedDate,
			reached,
			onTrack: reached || (projectedDate !== null && projectedDate <= targetDate)
		};
	});
}

/**
 * Sets a target (one per scope and date: setting it again replaces the count), with an audit
 * row, in one transaction.
 */
export async function setTarget(db: Executor, input: TargetInput, actorId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const scope = input.departement
			? eq(partnershipTargets.departement, input.departement)
			: isNull(partnershipTargets.departement);
		const [before] = await tx
			.select({ targetCount: partnershipTargets.targetCount })
			.from(partnershipTargets)
			.where(and(scope, eq(partnershipTargets.targetDate, input.targetDate)));
		await tx
			.insert(partnershipTargets)
			.values({
				departement: input.departement,
				targetCount: input.targetCount,
				targetDate: input.targetDate,
				createdBy: actorId
			})
			.onConflictDoUpdate({
				target: [partnershipTargets.departement, partnershipTargets.targetDate],
				set: { targetCount: input.targetCount, createdBy: actorId, createdAt: sql`now()` }
			});
		await recordAudit(tx, {
			actorId,
			action: 'target_set',
			before: before ? { ...input, targetCount: before.targetCount } : null,
			after: { ...input }
		});
	});
}

/** Removes a target, with an audit row. */
export async function deleteTarget(db: Executor, id: number, actorId: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [removed] = await tx
			.delete(partnershipTargets)
			.where(eq(partnershipTargets.id, id))
			.returning();
		if (!removed) return false;
		await recordAudit(tx, {
			actorId,
			action: 'target_deleted',
			before: {
				departement: removed.departement,
				targetCount: removed.targetCount,
				targetDate: removed.targetDate
			}
		});
		return true;
	});
}
