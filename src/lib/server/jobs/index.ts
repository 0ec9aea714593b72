/**
 * The site's background work: which handler runs each kind of job, which jobs run daily (Paris
 * time), and the one runner of this process, started and stopped with the server.
 */
import { targetFromEnv, type Database } from '../db/client';
import { mailJob, MAIL_JOB } from '../mail/outbox';
import { importJob, IMPORT_JOB } from '../imports/run';
import { registrationJob, REGISTRATION_JOB } from '../auth/registration';
import { analyzeJob, housekeepingJob } from './housekeeping';
import { touristReportsPurgeJob } from '../reports/tourist';
import { freshnessJob } from './freshness';
import { metricsRollupJob, METRICS_ROLLUP_JOB } from '../metrics/rollups';
import { JobRunner, type DailySchedule, type JobHandler } from './runner';

export const JOB_HANDLERS: Record<string, JobHandler> = {
	[MAIL_JOB]: mailJob,
	[IMPORT_JOB]: importJob,
	[REGISTRATION_JOB]: registrationJob,
	housekeeping: housekeepingJob,
	analyze: analyzeJob,
	tourist_reports_purge: touristReportsPurgeJob,
	freshness: freshnessJob,
	[METRICS_ROLLUP_JOB]: metricsRollupJob
};

export const DAILY_JOBS: DailySchedule[] = [
	// Just after midnight: yesterday's salt and visitors' hashes must not outlive their day.
	{ kind: 'tourist_reports_purge', at: '00:05', label: 'tourist reports purge' },
	{ kind: 'housekeeping', at: '03:30', label: 'housekeeping' },
	{ kind: 'analyze', at: '04:00', label: 'analyze' },
	// As the Paris day starts: a listing turns soon-stale, stale or lapsed on the day its dates say.
	{ kind: 'freshness', at: '00:00', label: 'freshness' },
	// Once yesterday is over: the metrics dashboard reads its days from the rollups.
	{ kind: METRICS_ROLLUP_JOB, at: '00:15', label: 'metrics rollup' }
];

let runner: JobRunner | null = null;

export function createRunner(
	db: Database,
	options: { pollMs?: number; leaseMs?: number; soleProcess?: boolean; paceMaxMs?: number } = {}
): JobRunner {
	return new JobRunner(db, { handlers: JOB_HANDLERS, schedules: DAILY_JOBS, ...options });
}

/** Starts this process's runner (JOBS_RUNNER=0 leaves the jobs to `npm run jobs`). */
export function startJobRunner(db: Database): void {
	if (runner || process.env.JOBS_RUNNER === '0') return;
	runner = createRunner(db, {
		pollMs: Number(process.env.JOBS_POLL_MS ?? 2000),
		// How long a dead runner's job waits before another takes it (the heartbeat renews it).
		leaseMs: Number(process.env.JOBS_LEASE_MS ?? 60_000),
		// The embedded database has one process: what it finds running was left by a dead one.
		soleProcess: targetFromEnv().driver === 'pglite'
	});
	runner.start();
}

/** Finishes the job under way (or gives it back) and stops; within the shutdown's 10 s. */
export async function stopJobRunner(): Promise<void> {
	const stopping = runner;
	runner = null;
	await stopping?.stop();
}
