/**
 * Daily housekeeping, each step idempotent: expired sessions and single-use links, rate-limit
 * counters past their retention, devices unused for a year, finished jobs older than 30 days,
 * the listings' change log older than a day (merchants/listing-index.ts), merchants' audience
 * days of old months rolled up into months (merchants/audience-rollup), and dry runs left
 * unfinished by a process that died while writing their rows (imports/import.ts);
 * then ANALYZE, a job of its own, so the planner knows the tables' sizes (PGlite has no
 * autovacuum to do it; a finished import runs one on the merchants' table too).
 */
import { and, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import {
	imports,
	jobs,
	knownDevices,
	listingChanges,
	rateLimits,
	sessions,
	userTokens
} from '../db/schema';
import { queryRows } from '../db/query';
import { LISTING_CHANGES_RETENTION_MS } from '../merchants/listing-index';
import { RATE_LIMIT_RETENTION_MS } from '../auth/rate-limit';
import { KNOWN_DEVICE_LIFETIME_MS } from '../auth/known-devices';
import { rollUpAudience } from '../merchants/audience-rollup';
import type { JobHandler } from './runner';

const DAY_MS = 24 * 60 * 60 * 1000;
export const FINISHED_JOB_RETENTION_MS = 30 * DAY_MS;

export interface HousekeepingReport {
	sessions: number;
	links: number;
	counters: number;
	devices: number;
	jobs: number;
	/** Rows of the listings' change log. */
	listingChanges: number;
	/** Audience day rows moved into month rows. */
	audienceDays: number;
	/** Dry runs whose process died before their report was complete (rows and all). */
	unfinishedDryRuns: number;
}

export async function cleanUp(db: Executor, now: Date): Promise<HousekeepingReport> {
	const removed = async (rows: Promise<unknown[]>) => (await rows).length;
	const before = (ms: number) => new Date(now.getTime() - ms);
	return {
		sessions: await removed(
			db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id })
		),
		links: await removed(
			db
				.delete(userTokens)
				.where(lt(userTokens.expiresAt, before(DAY_MS)))
				.returning({ id: userTokens.id })
		),
		counters: await removed(
			db
				.delete(rateLimits)
				.where(lt(rateLimits.windowStart, before(RATE_LIMIT_RETENTION_MS)))
				.returning({ key: rateLimits.key })
		),
		devices: await removed(
			db
				.delete(knownDevices)
				.where(lt(knownDevices.lastUsedAt, before(KNOWN_DEVICE_LIFETIME_MS)))
				.returning({ id: knownDevices.id })
		),
		jobs: await removed(
			db
				.delete(jobs)
				.where(
					and(
						inArray(jobs.status, ['done', 'failed']),
						lt(jobs.finishedAt, before(FINISHED_JOB_RETENTION_MS))
					)
				)
				.returning({ id: jobs.id })
		),
		listingChanges: await removedCount(
			db,
			sql`DELETE FROM ${listingChanges} WHERE ${listingChanges.changedAt} < ${before(LISTING_CHANGES_RETENTION_MS).toISOString()}::timestamptz`
		),
		audienceDays: await rollUpAudience(db, now),
		unfinishedDryRuns: await removed(
			db
				.delete(imports)
				.where(and(isNull(imports.report), lt(imports.createdAt, before(DAY_MS))))
				.returning({ id: imports.id })
		)
	};
}

/** Runs a DELETE and returns how many rows it removed, without returning them. */
async function removedCount(db: Executor, statement: ReturnType<typeof sql>): Promise<number> {
	const [row] = await queryRows<{ n: number }>(
		db,
		sql`WITH gone AS (${statement} RETURNING 1) SELECT count(*)::int AS n FROM gone`
	);
	return Number(row.n);
}

export const housekeepingJob: JobHandler = {
	async run(_payload, { db }) {
		const report = await cleanUp(db, new Date());
		console.log(`[jobs] housekeeping: ${JSON.stringify(report)}`);
	}
};

export const analyzeJob: JobHandler = {
	async run(_payload, { db }) {
		await db.execute(sql`ANALYZE`);
	}
};
