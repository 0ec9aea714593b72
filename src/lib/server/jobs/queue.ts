/**
 * The job table's operations: enqueue (inside the caller's transaction, so a job exists exactly
 * when the change that causes it was committed), claim (FOR UPDATE SKIP LOCKED: two runners
 * never take the same job), finish, retry with exponential backoff, fail for good after the
 * last attempt, and give back a job whose runner is stopping. What a runner does to a job it
 * claimed (finish, retry, give back) needs its lease still to be its own: a runner that lost its
 * lease (another took the job over) changes nothing.
 */
import { and, desc, eq, gt, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { jobs } from '../db/schema';

export type Job = typeof jobs.$inferSelect;
export type JobStatus = Job['status'];

export interface NewJob {
	kind: string;
	payload?: Record<string, unknown>;
	/** One job per cause (idempotency key): enqueuing the same key again does nothing. */
	key?: string;
	label?: string;
	runAt?: Date;
	maxAttempts?: number;
}

/** Wakes the runner of this process when a job is enqueued (others poll). */
const listeners = new Set<() => void>();
export function onJobEnqueued(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

/** Inserts a job; returns its id, or null when a job with the same key exists already. */
export async function enqueue(db: Executor, job: NewJob): Promise<number | null> {
	const [row] = await db
		.insert(jobs)
		.values({
			kind: job.kind,
			key: job.key,
			payload: job.payload ?? {},
			label: job.label ?? '',
			// The runner compares with its own clock in milliseconds; the database's now() has
			// microseconds, so a job inserted in the same millisecond would not yet be due.
			runAt: job.runAt ?? new Date(),
			maxAttempts: job.maxAttempts
		})
		.onConflictDoNothing({ target: jobs.key })
		.returning({ id: jobs.id });
	// The listener only polls sooner: if the caller's transaction rolls back, it finds nothing.
	for (const listener of listeners) listener();
	return row?.id ?? null;
}

/** Takes the next due job, or one whose runner's lease ran out, for `leaseMs`. */
export async function claim(
	db: Executor,
	worker: string,
	now: Date,
	leaseMs: number
): Promise<Job | null> {
	const due = db
		.select({ id: jobs.id })
		.from(jobs)
		.where(
			and(
				lt(jobs.attempts, jobs.maxAttempts),
				or(
					and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
					and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now))
				)
			)
		)
		.orderBy(jobs.runAt, jobs.id)
		.limit(1)
		.for('update', { skipLocked: true });
	const [job] = await db
		.update(jobs)
		.set({
			status: 'running',
			attempts: sql`${jobs.attempts} + 1`,
			lockedBy: worker,
			lockedUntil: new Date(now.getTime() + leaseMs)
		})
		.where(inArray(jobs.id, due))
		.returning();
	return job ?? null;
}

/** Jobs whose runner died on their last attempt: failed, visibly. Returns them. */
export async function failAbandoned(db: Executor, now: Date): Promise<Job[]> {
	return db
		.update(jobs)
		.set({ status: 'failed', lockedBy: null, lockedUntil: null, finishedAt: now })
		.where(
			and(
				eq(jobs.status, 'running'),
				lt(jobs.lockedUntil, now),
				sql`${jobs.attempts} >= ${jobs.maxAttempts}`
			)
		)
		.returning();
}

/** The job as its runner claimed it: still running, under this runner's lease. */
const held = (job: Job) =>
	and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.lockedBy, job.lockedBy ?? ''));

/**
 * Extends the lease of a job that is still being worked on; false when the lease was lost.
 * `progressed`: the job moved forward (a long job committed a step), so this attempt counts as
 * its first: a job is failed after `maxAttempts` attempts in a row that made no progress.
 */
export async function extendLease(
	db: Executor,
	job: Job,
	until: Date,
	progressed = false
): Promise<boolean> {
	const rows = await db
		.update(jobs)
		.set({ lockedUntil: until, ...(progressed ? { attempts: 1 } : {}) })
		.where(held(job))
		.returning({ id: jobs.id });
	if (rows.length && progressed) job.attempts = 1;
	return rows.length > 0;
}

/**
 * Enqueues a job, or makes the job with the same key due again, from its first attempt: a cause
 * that happens again (an import run again). The caller makes sure no runner holds it.
 */
export async function enqueueAgain(
	db: Executor,
	job: NewJob & { key: string },
	now: Date
): Promise<number> {
	const again = {
		status: 'pending' as const,
		payload: job.payload ?? {},
		label: job.label ?? '',
		attempts: 0,
		maxAttempts: job.maxAttempts ?? 6,
		runAt: job.runAt ?? now,
		lockedBy: null,
		lockedUntil: null,
		lastError: null,
		finishedAt: null
	};
	const [row] = await db
		.insert(jobs)
		.values({ kind: job.kind, key: job.key, ...again })
		.onConflictDoUpdate({ target: jobs.key, set: again })
		.returning({ id: jobs.id });
	for (const listener of listeners) listener();
	return row.id;
}

/** The job of a key, if any (the cause's own job: an import's). */
export async function jobByKey(db: Executor, key: string): Promise<Job | null> {
	const [row] = await db.select().from(jobs).where(eq(jobs.key, key));
	return row ?? null;
}

/** Done; `scrub` empties the payload (an e-mail's body may hold a link that signs in). */
export async function finish(db: Executor, job: Job, now: Date, scrub = false): Promise<void> {
	await db
		.update(jobs)
		.set({
			status: 'done',
			lockedBy: null,
			lockedUntil: null,
			finishedAt: now,
			lastError: null,
			...(scrub ? { payload: {} } : {})
		})
		.where(held(job));
}

/** Seconds to wait before attempt n+1 after n failures: 30 s, 1 min, 2 min … at most 1 h. */
export function backoffSeconds(attempts: number): number {
	return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/** A failed attempt: tried again later, or failed for good after the last attempt (true). */
export async function retryOrFail(
	db: Executor,
	job: Job,
	error: unknown,
	now: Date
): Promise<boolean> {
	const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
	const last = job.attempts >= job.maxAttempts;
	const rows = await db
		.update(jobs)
		.set({
			status: last ? 'failed' : 'pending',
			lockedBy: null,
			lockedUntil: null,
			lastError: message,
			runAt: last ? job.runAt : new Date(now.getTime() + backoffSeconds(job.attempts) * 1000),
			finishedAt: last ? now : null
		})
		.where(held(job))
		.returning({ id: jobs.id });
	return last && rows.length > 0;
}

/** Gives a job back untouched (its runner is stopping): the attempt does not count. */
export async function release(db: Executor, job: Job, now: Date): Promise<void> {
	await db
		.update(jobs)
		.set({
			status: 'pending',
			attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
			lockedBy: null,
			lockedUntil: null,
			runAt: now
		})
		.where(held(job));
}

/**
 * Lets any runner take back at once the jobs a dead process held: for the embedded database,
 * which one process opens at a time, so whatever is "running" when it starts was abandoned.
 */
export async function expireLeases(db: Executor, now: Date): Promise<number> {
	const rows = await db
		.update(jobs)
		.set({ lockedUntil: now })
		.where(and(eq(jobs.status, 'running'), gt(jobs.lockedUntil, now)))
		.returning({ id: jobs.id });
	return rows.length;
}

/** An administrator's "try again" on a failed job (of this kind): one more attempt, now. */
export async function retryFailed(
	db: Executor,
	id: number,
	now: Date,
	kind?: string
): Promise<boolean> {
	const rows = await db
		.update(jobs)
		.set({
			status: 'pending',
			maxAttempts: sql`${jobs.attempts} + 1`,
			runAt: now,
			finishedAt: null
		})
		.where(and(eq(jobs.id, id), eq(jobs.status, 'failed'), kind ? eq(jobs.kind, kind) : undefined))
		.returning({ id: jobs.id });
	for (const listener of listeners) listener();
	return rows.length > 0;
}

export interface JobListing {
	id: number;
	kind: string;
	label: string;
	status: JobStatus;
	attempts: number;
	maxAttempts: number;
	runAt: Date;
	createdAt: Date;
	finishedAt: Date | null;
	lastError: string | null;
}

/** Jobs of some kinds, newest first, without their payloads. */
export async function listJobs(
	db: Executor,
	filter: { kinds: string[]; status?: JobStatus; limit?: number }
): Promise<JobListing[]> {
	return db
		.select({
			id: jobs.id,
			kind: jobs.kind,
			label: jobs.label,
			status: jobs.status,
			attempts: jobs.attempts,
			maxAttempts: jobs.maxAttempts,
			runAt: jobs.runAt,
			createdAt: jobs.createdAt,
			finishedAt: jobs.finishedAt,
			lastError: jobs.lastError
		})
		.from(jobs)
		.where(
			and(
				inArray(jobs.kind, filter.kinds),
				filter.status ? eq(jobs.status, filter.status) : undefined
			)
		)
		.orderBy(desc(jobs.createdAt), desc(jobs.id))
		.limit(filter.limit ?? 100);
}

/** How many jobs of some kinds are in each status. */
export async function countJobs(db: Executor, kinds: string[]): Promise<Record<JobStatus, number>> {
	const rows = await db
		.select({ status: jobs.status, n: sql<number>`count(*)::int` })
		.from(jobs)
		.where(inArray(jobs.kind, kinds))
		.groupBy(jobs.status);
	const counts: Record<JobStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
	for (const row of rows) counts[row.status] = Number(row.n);
	return counts;
}
