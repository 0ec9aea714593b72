/**
 * The job runner: claims due jobs one at a time and runs their handler, and enqueues the daily
 * jobs when their Paris time has come (one per day across every process: the day is in the
 * job's key). The server starts one with itself (hooks.server.ts) and stops it on shutdown: the
 * job under way is finished, or given back if it is still running after the grace period.
 * `npm run jobs` runs the due jobs once, for cron-style deployments.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../db/client';
import { describeError } from '../errors';
import {
	claim,
	enqueue,
	expireLeases,
	extendLease,
	failAbandoned,
	finish,
	onJobEnqueued,
	release,
	retryOrFail,
	type Job
} from './queue';
import { parisIsoDate } from '../../i18n/format';
import { parisWallClock } from '../../hours/open-now';

export interface JobContext {
	db: Database;
	/** Aborted when the runner is stopping: a long job stops between two steps. */
	signal: AbortSignal;
	/**
	 * Keeps the job's lease while it works (long jobs call it between steps); `progressed` when a
	 * step was committed (see extendLease). Throws JobInterrupted when another runner took it over.
	 */
	heartbeat(progressed?: boolean): Promise<void>;
	/**
	 * Call between two steps of a long job: waits as long as the work since the last pause took
	 * (see Pacer), so that visitors' requests are served in between.
	 */
	pause(): Promise<void>;
}

/** Thrown by a handler that stopped because its runner is stopping: the job is given back. */
export class JobInterrupted extends Error {}

export interface JobHandler {
	run(payload: Record<string, unknown>, context: JobContext, job: Job): Promise<void>;
	/** Empty the payload once done (e-mails: their bodies may hold links that sign in). */
	scrub?: boolean;
	/** Told when the job has failed for good (last attempt failed, or abandoned on it). */
	failed?(payload: Record<string, unknown>, db: Database, reason: string): Promise<void>;
}

export interface DailySchedule {
	kind: string;
	/** Paris time, "HH:MM". */
	at: string;
	label: string;
}

export interface RunnerOptions {
	handlers: Record<string, JobHandler>;
	schedules?: DailySchedule[];
	leaseMs?: number;
	pollMs?: number;
	worker?: string;
	now?: () => Date;
	/**
	 * No other process uses this database (the embedded one): at start, the jobs still marked
	 * running were abandoned by a dead process and are taken back at once, not after their lease.
	 */
	soleProcess?: boolean;
	/** The longest pause between two steps or jobs (0: no pacing, as `npm run jobs` alone). */
	paceMaxMs?: number;
}

/** Waits `ms`, or less when the signal aborts (the runner is stopping). */
export const sleep = (ms: number, signal: AbortSignal) =>
	new Promise<void>((done) => {
		if (signal.aborted) return done();
		// The listener goes when the time is up: a runner pauses thousands of times on one signal.
		const finish = () => {
			clearTimeout(timer);
			signal.removeEventListener('abort', finish);
			done();
		};
		const timer = setTimeout(finish, ms);
		timer.unref?.();
		signal.addEventListener('abort', finish, { once: true });
	});

/**
 * Background work's share of the server (issue 15: visitors' p99 during an import at most twice
 * their p99 without it). On the embedded database every query runs on the server's one thread,
 * one at a time, and a transaction holds the database until it ends: a visitor's query waits
 * for the job's statement or transaction under way. So a job works in short steps (each
 * transaction well under PACE_STEP_MS on PGlite) and, after each, pauses as long as the step
 * took (at most PACE_MAX_MS): background work takes at most half of the time, and no visitor
 * waits behind more than one step. The same holds between two jobs of a backlog (thousands of
 * e-mails after the daily freshness job): the runner pauses between them.
 */
export const PACE_MAX_MS = 250;
/** The time a job's step (a transaction) should stay under: what a visitor may wait behind. */
export const PACE_STEP_MS = 20;

export class Pacer {
	private since = performance.now();

	constructor(
		private readonly signal: AbortSignal,
		private readonly maxMs = PACE_MAX_MS
	) {}

	/** Milliseconds of work since the last pause. */
	worked(): number {
		return performance.now() - this.since;
	}

	/** Waits as long as the work since the last pause took (at most maxMs). */
	async pause(): Promise<void> {
		const ms = Math.min(this.worked(), this.maxMs);
		if (ms > 0) await sleep(ms, this.signal);
		this.since = performance.now();
	}

	/** Starts counting work from now (after an idle wait). */
	restart(): void {
		this.since = performance.now();
	}
}

/** Enqueues today's run of each daily job whose time has passed (once per day, by its key). */
export async function enqueueDailyJobs(db: Database, schedules: DailySchedule[], now: Date) {
	const wall = parisWallClock(now);
	const minutes = wall.getHours() * 60 + wall.getMinutes();
	for (const schedule of schedules) {
		const [h, m] = schedule.at.split(':').map(Number);
		if (minutes < h * 60 + m) continue;
		const day = parisIsoDate(now);
		await enqueue(db, {
			kind: schedule.kind,
			key: `${schedule.kind}@${day}`,
			label: `${schedule.label} ${day}`,
			payload: { day }
		});
	}
}

export class JobRunner {
	readonly worker: string;
	private readonly leaseMs: number;
	private readonly pollMs: number;
	private readonly now: () => Date;
	private stopping = new AbortController();
	private wake = new AbortController();
	private loop: Promise<void> | null = null;
	private unsubscribe: (() => void) | null = null;
	private tookBackAbandoned = false;

	constructor(
		private readonly db: Database,
		private readonly options: RunnerOptions
	) {
		this.worker = options.worker ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
		this.leaseMs = options.leaseMs ?? 60_000;
		this.pollMs = options.pollMs ?? 2_000;
		this.now = options.now ?? (() => new Date());
		this.pacer = new Pacer(this.stopping.signal, options.paceMaxMs);
	}

	/** Paces the jobs of this runner (between jobs, and within the long ones). */
	private readonly pacer: Pacer;

	/** Runs one due job, if any; true when one was run (or given back). */
	async runOne(): Promise<boolean> {
		const now = this.now();
		for (const abandoned of await failAbandoned(this.db, now)) {
			await this.tellFailed(abandoned, 'abandoned by its runner on its last attempt');
		}
		const job = await claim(this.db, this.worker, now, this.leaseMs);
		if (!job) return false;
		const handler = this.options.handlers[job.kind];
		const context: JobContext = {
			db: this.db,
			signal: this.stopping.signal,
			heartbeat: async (progressed = false) => {
				const until = new Date(this.now().getTime() + this.leaseMs);
				if (!(await extendLease(this.db, job, until, progressed))) {
					throw new JobInterrupted(`job ${job.id}: its lease was taken over`);
				}
			},
			pause: () => this.pacer.pause()
		};
		try {
			if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
			await handler.run(job.payload as Record<string, unknown>, context, job);
			await finish(this.db, job, this.now(), handler.scrub);
		} catch (error) {
			if (error instanceof JobInterrupted) await release(this.db, job, this.now());
			else {
				console.error(
					`[jobs] ${job.kind} #${job.id} attempt ${job.attempts} failed: ${describeError(error)}`
				);
				if (await retryOrFail(this.db, job, error, this.now())) {
					await this.tellFailed(job, describeError(error));
				}
			}
		}
		return true;
	}

	private async tellFailed(job: Job, reason: string): Promise<void> {
		try {
			await this.options.handlers[job.kind]?.failed?.(
				job.payload as Record<string, unknown>,
				this.db,
				reason
			);
		} catch (error) {
			console.error(`[jobs] ${job.kind} #${job.id}: ${describeError(error)}`);
		}
	}

	/** Enqueues the daily jobs that are due, then runs every due job; returns how many ran. */
	async runDue(): Promise<number> {
		if (this.options.soleProcess && !this.tookBackAbandoned) {
			await expireLeases(this.db, this.now());
			this.tookBackAbandoned = true;
		}
		await enqueueDailyJobs(this.db, this.options.schedules ?? [], this.now());
		let count = 0;
		this.pacer.restart();
		while (!this.stopping.signal.aborted && (await this.runOne())) {
			count++;
			await this.pacer.pause();
		}
		return count;
	}

	start(): void {
		if (this.loop) return;
		this.unsubscribe = onJobEnqueued(() => this.wake.abort());
		this.loop = (async () => {
			while (!this.stopping.signal.aborted) {
				try {
					await this.runDue();
				} catch (error) {
					console.error(`[jobs] runner error: ${describeError(error)}`);
				}
				if (this.stopping.signal.aborted) break;
				if (this.wake.signal.aborted) this.wake = new AbortController();
				await sleep(this.pollMs, AbortSignal.any([this.stopping.signal, this.wake.signal]));
			}
		})();
	}

	/** Stops taking jobs; waits for the one under way (handlers see the abort) up to `graceMs`. */
	async stop(graceMs = 8_000): Promise<void> {
		this.stopping.abort();
		this.unsubscribe?.();
		if (!this.loop) return;
		const timer = new Promise<void>((done) => setTimeout(done, graceMs).unref?.());
		await Promise.race([this.loop, timer]);
	}
}
