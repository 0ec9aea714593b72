/**
 * Running an import: a job (kind "import", key "import:<id>") claimed by the job runner, with its
 * lease and heartbeat. Each batch of rows is one transaction that writes the listings and moves
 * the import's counters (rows_processed and what was created, updated, left unchanged or
 * skipped): the counters always say what was written. After a crash or a restart the job is
 * claimed again and resumes after its last committed batch; batches are idempotent by SIRET, and
 * a batch commits only if rows_processed is still where its runner read it, so each row is
 * written once even when two runners overlap. A job that fails, or is abandoned, three attempts
 * in a row without committing a batch marks its import failed; "run again" resumes it.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { isEmbedded, type Database, type Executor } from '../db/client';
import { imports } from '../db/schema';
import { recordAudit } from '../audit/record';
import { invalidateListings } from '../merchants/listing-index';
import { importListings } from '../applications/workflow';
import { enqueueAgain, jobByKey, type Job } from '../jobs/queue';
import { JobInterrupted, PACE_STEP_MS, type JobContext, type JobHandler } from '../jobs/runner';
import { reportRows, type ReportRow } from './import';

export const IMPORT_JOB = 'import';
/**
 * Rows per batch. On the embedded database (visitors' queries wait for a transaction to end) the
 * first batch has IMPORT_BATCH_FIRST rows, each next one is sized from the last one's time so
 * that a batch's transaction takes about PACE_STEP_MS, between IMPORT_BATCH_MIN and
 * IMPORT_BATCH_MAX rows. On PostgreSQL the transaction runs in its own process, visitors'
 * queries in others: batches of IMPORT_BATCH_MAX rows (small ones only made the import wait
 * behind the visitors' pages on a busy server: 8 rows/s). After each batch the import pauses as
 * long as the batch took (the runner's Pacer). A 10,000-row import must not double other
 * visitors' response times (issue 15).
 */
export const IMPORT_BATCH_FIRST = 100;
export const IMPORT_BATCH_MIN = 50;
export const IMPORT_BATCH_MAX = 500;

/** The first batch's rows on this database (see above). */
export const firstBatchSize = (db: Executor): number =>
	isEmbedded(db) ? IMPORT_BATCH_FIRST : IMPORT_BATCH_MAX;

/** The next batch's rows after `rows` rows took `ms`: towards PACE_STEP_MS, at most doubling. */
export function nextBatchSize(rows: number, ms: number, stepMs = PACE_STEP_MS): number {
	const fitting = Math.floor((rows * stepMs) / Math.max(ms, 1));
	return Math.max(IMPORT_BATCH_MIN, Math.min(IMPORT_BATCH_MAX, rows * 2, fitting));
}
/** Attempts in a row without a committed batch before an import is marked failed. */
export const IMPORT_ATTEMPTS_WITHOUT_PROGRESS = 3;

export const importJobKey = (importId: number) => `${IMPORT_JOB}:${importId}`;

export type StartResult =
	{ ok: true } | { ok: false; reason: 'not_found' | 'not_ready'; status?: string };

/**
 * A running import that no runner holds: its job's lease ran out (its process died) or its job
 * failed or is gone. It can be started again at once; it would otherwise wait for a runner.
 */
export function stalled(job: Job | null, now: Date): boolean {
	if (!job || job.status === 'failed' || job.status === 'done') return true;
	return job.status === 'running' && (job.lockedUntil === null || job.lockedUntil < now);
}

/** Whether a running import is stalled (the import page offers to start it again). */
export async function importStalled(db: Executor, importId: number, now: Date = new Date()) {
	return stalled(await jobByKey(db, importJobKey(importId)), now);
}

/**
 * Starts a dry run's import, or starts again one that failed or stalled (it resumes after its
 * last committed batch). Only one start wins: the import's row is locked while its job is queued.
 */
export async function startImport(
	db: Database,
	importId: number,
	actorId: string,
	now: Date = new Date()
): Promise<StartResult> {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ status: imports.status })
			.from(imports)
			// A dry run still writing its rows has no report yet: not found until it is complete.
			.where(and(eq(imports.id, importId), isNotNull(imports.report)))
			.for('update');
		if (!row) return { ok: false, reason: 'not_found' };
		const job = await jobByKey(tx, importJobKey(importId));
		const restart = row.status === 'failed' || (row.status === 'running' && stalled(job, now));
		if (row.status !== 'dry_run' && !restart) {
			return { ok: false, reason: 'not_ready', status: row.status };
		}
		await tx
			.update(imports)
			.set({
				status: 'running',
				finishedAt: null,
				report: sql`${imports.report} - 'error'`,
				// From a dry run, the counters stop saying what the import would do: they count writes.
				...(row.status === 'dry_run'
					? { rowsProcessed: 0, rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 0, rowsSkipped: 0 }
					: {})
			})
			.where(eq(imports.id, importId));
		await enqueueAgain(
			tx,
			{
				kind: IMPORT_JOB,
				key: importJobKey(importId),
				label: `import #${importId}`,
				payload: { importId, actorId },
				maxAttempts: IMPORT_ATTEMPTS_WITHOUT_PROGRESS
			},
			now
		);
		return { ok: true };
	});
}

/** Rows written by a batch, by outcome. */
type Written = Awaited<ReturnType<typeof importListings>>;

/**
 * Writes the batches not written yet, from rows_processed on. `stepDone` is called after each
 * committed batch (the runner's heartbeat); the signal stops it between two batches.
 */
export async function runImport(
	db: Database,
	importId: number,
	actorId: string,
	context: Pick<JobContext, 'signal' | 'heartbeat' | 'pause'>
): Promise<void> {
	const [imp] = await db
		.select({
			status: imports.status,
			processed: imports.rowsProcessed,
			total: imports.rowsTotal,
			invalid: imports.rowsInvalid
		})
		.from(imports)
		.where(eq(imports.id, importId));
	// Started again or already finished by another runner: nothing to do.
	if (!imp || imp.status !== 'running') return;
	// The rows it writes: the valid ones, in line order (read a batch at a time).
	const todo = imp.total - imp.invalid;
	let written = false;
	try {
		const embedded = isEmbedded(db);
		let size = firstBatchSize(db);
		// The next rows to write, read ahead (IMPORT_BATCH_MAX at a time), from `readFrom` on.
		let ahead: ReportRow[] = [];
		let readFrom = imp.processed;
		for (let offset = imp.processed; offset < todo;) {
			if (context.signal.aborted) throw new JobInterrupted();
			await context.pause();
			if (offset + size > readFrom + ahead.length && readFrom + ahead.length < todo) {
				readFrom = offset;
				ahead = await reportRows(db, importId, {
					writes: true,
					offset,
					limit: Math.max(size, IMPORT_BATCH_MAX)
				});
			}
			const batch = ahead.slice(offset - readFrom, offset - readFrom + size);
			if (!batch.length) throw new Error(`import ${importId}: rows missing after ${offset}`);
			const started = performance.now();
			await db.transaction(async (tx) => {
				// First, and only if no one wrote this batch meanwhile: the row stays locked until commit.
				const claimed = await tx
					.update(imports)
					.set({ rowsProcessed: offset + batch.length })
					.where(
						and(
							eq(imports.id, importId),
							eq(imports.status, 'running'),
							eq(imports.rowsProcessed, offset)
						)
					)
					.returning({ id: imports.id });
				if (!claimed.length) throw new JobInterrupted(`import ${importId}: batch already written`);
				const counts = await importListings(
					tx,
					actorId,
					importId,
					batch.map((r) => ({ siret: r.siret, values: r.values!, geocoded: r.geocoded ?? false }))
				);
				await addWritten(tx, importId, counts);
			});
			written = true;
			const took = performance.now() - started;
			await context.heartbeat(true);
			offset += batch.length;
			if (embedded) size = nextBatchSize(batch.length, took);
		}
		await finishImport(db, importId, actorId, imp.invalid);
		if (written) await analyzeImported(db);
	} finally {
		if (written) invalidateListings();
	}
}

/**
 * Thousands of new rows: the planner learns the table's size and the listings' statuses now, not
 * at the nightly ANALYZE (PGlite has no autovacuum). Only those columns, from a small sample:
 * a full ANALYZE of 100,000 merchants held the embedded database 0.9 to 8.6 s (every visitor
 * waiting), this one about 0.15 s; the nightly job's full ANALYZE refines it.
 */
async function analyzeImported(db: Database): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.execute(sql`SET LOCAL default_statistics_target = 10`);
		await tx.execute(sql`ANALYZE merchants (status, import_id)`);
	});
}

async function addWritten(tx: Executor, importId: number, counts: Written): Promise<void> {
	await tx
		.update(imports)
		.set({
			rowsCreated: sql`${imports.rowsCreated} + ${counts.created}`,
			rowsUpdated: sql`${imports.rowsUpdated} + ${counts.updated}`,
			rowsUnchanged: sql`${imports.rowsUnchanged} + ${counts.unchanged}`,
			rowsSkipped: sql`${imports.rowsSkipped} + ${counts.skipped}`
		})
		.where(eq(imports.id, importId));
}

async function finishImport(db: Database, importId: number, actorId: string, invalid: number) {
	await db.transaction(async (tx) => {
		const [done] = await tx
			.update(imports)
			.set({ status: 'done', finishedAt: new Date() })
			.where(and(eq(imports.id, importId), eq(imports.status, 'running')))
			.returning({
				created: imports.rowsCreated,
				updated: imports.rowsUpdated,
				unchanged: imports.rowsUnchanged,
				skipped: imports.rowsSkipped
			});
		if (!done) return;
		await recordAudit(tx, { actorId, action: 'import_run', after: { importId, ...done, invalid } });
	});
}

/** The job that runs imports. */
export const importJob: JobHandler = {
	async run(payload, context) {
		await runImport(context.db, Number(payload.importId), String(payload.actorId), context);
	},
	async failed(payload, db, reason) {
		const importId = Number(payload.importId);
		console.error(`[import ${importId}] failed: ${reason}`);
		await db
			.update(imports)
			.set({
				status: 'failed',
				finishedAt: new Date(),
				report: sql`${imports.report} || jsonb_build_object('error', ${reason.slice(0, 500)}::text)`
			})
			.where(and(eq(imports.id, importId), inArray(imports.status, ['running'])));
	}
};
