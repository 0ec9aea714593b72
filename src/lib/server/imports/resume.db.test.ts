/**
 * Imports as jobs, on both drivers: an import whose process dies after some batches resumes after
 * its last committed batch and writes each row once; a runner that lost its lease writes nothing
 * more; an import abandoned three times without progress is marked failed and can be started
 * again; a stalled import can be started again at once ("run again" never answers 409 forever).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, jobs, merchants, users } from '../db/schema';
import { createDryRun, importById } from './import';
import {
	IMPORT_ATTEMPTS_WITHOUT_PROGRESS,
	firstBatchSize,
	IMPORT_JOB,
	importJob,
	importJobKey,
	runImport,
	startImport
} from './run';
import { claim, extendLease, jobByKey } from '../jobs/queue';
import { JobInterrupted, JobRunner } from '../jobs/runner';
import { syntheticAcquirerCsv } from './synthetic';

let t: TestDatabase;
let officialId: string;
const LEASE_MS = 60_000;
/** The first batch's rows on this driver (500 on PostgreSQL, 100 on PGlite, run.ts). */
let FIRST: number;
/** Rows enough for several batches (sized from the first one's FIRST rows on). */
let ROWS: number;
const noPause = async () => {};

beforeAll(async () => {
	t = await openTestDatabase();
	FIRST = firstBatchSize(t.db);
	ROWS = FIRST * 6;
	const [u] = await t.db
		.insert(users)
		.values({ email: 'resume@region.fr', role: 'official' })
		.returning({ id: users.id });
	officialId = u.id;
});
afterAll(() => t?.close());

/** A started import of `rows` new shops (SIRENs from `stem`). */
async function startedImport(rows: number, stem: number) {
	const dry = await createDryRun(t.db, {
		csv: syntheticAcquirerCsv(rows, stem),
		filename: `reprise-${stem}.csv`,
		acquirer: 'Reprise',
		uploadedBy: officialId
	});
	if (!dry.ok) throw new Error(dry.problem);
	expect(await startImport(t.db, dry.importId, officialId)).toEqual({ ok: true });
	return dry.importId;
}

/** A clock `minutes` ahead: past the lease of a job claimed now. */
const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

const server = (worker: string, now?: () => Date) =>
	new JobRunner(t.db, {
		handlers: { [IMPORT_JOB]: importJob },
		leaseMs: LEASE_MS,
		worker,
		now
	});

/**
 * A server that claims the import's job and dies after `batches` committed batches: its job stays
 * "running" under its lease, nothing is given back or marked (as after kill -9). Returns the rows
 * the import's counters then say were processed.
 */
async function dieAfter(
	batches: number,
	importId: number,
	worker: string,
	now = new Date()
): Promise<number> {
	const job = await claim(t.db, worker, now, LEASE_MS);
	if (job?.key !== importJobKey(importId)) throw new Error('the import job was not claimed');
	let committed = 0;
	const died = new Error('process killed');
	await expect(
		runImport(t.db, importId, officialId, {
			signal: new AbortController().signal,
			// As the runner's heartbeat after a committed batch, then the process dies.
			heartbeat: async () => {
				await extendLease(t.db, job, new Date(now.getTime() + LEASE_MS), true);
				if (++committed >= batches) throw died;
			},
			pause: noPause
		})
	).rejects.toBe(died);
	return (await importById(t.db, importId))!.rowsProcessed;
}

async function writesOf(importId: number) {
	const [{ rows }] = await t.db
		.select({ rows: count() })
		.from(merchants)
		.where(eq(merchants.importId, importId));
	const [{ audits }] = await t.db
		.select({ audits: count() })
		.from(auditEvents)
		.where(
			and(
				eq(auditEvents.action, 'import_create'),
				inArray(
					auditEvents.merchantId,
					t.db.select({ id: merchants.id }).from(merchants).where(eq(merchants.importId, importId))
				)
			)
		);
	return { rows, audits };
}

describe('imports as jobs', () => {
	it('an import killed after 2 batches resumes after them and writes each row once', async () => {
		const total = ROWS + 17;
		const id = await startedImport(total, 71_000_000);
		const processed = await dieAfter(2, id, 'server-1');
		expect(processed).toBeGreaterThanOrEqual(2 * 5);
		expect(processed).toBeLessThan(total);
		let imp = (await importById(t.db, id))!;
		// The counters say what was written, not what the dry run planned.
		expect(imp).toMatchObject({ status: 'running', rowsCreated: processed });
		expect(await writesOf(id)).toEqual({ rows: processed, audits: processed });
		// The restarted server takes the job once its lease has run out, and resumes.
		expect(await server('server-2', later(2)).runDue()).toBe(1);
		imp = (await importById(t.db, id))!;
		expect(imp).toMatchObject({
			status: 'done',
			rowsProcessed: total,
			rowsCreated: total,
			rowsUpdated: 0,
			rowsUnchanged: 0
		});
		expect(await writesOf(id)).toEqual({ rows: total, audits: total });
		expect(await jobByKey(t.db, importJobKey(id))).toMatchObject({ status: 'done' });
	});

	it('a runner that lost its lease writes nothing more', async () => {
		const total = ROWS;
		const id = await startedImport(total, 72_000_000);
		await claim(t.db, 'slow', new Date(), LEASE_MS);
		// The slow runner commits one batch, then stalls past its lease.
		let resume: () => void = () => {};
		const stalled = new Promise<void>((done) => (resume = done));
		let beats = 0;
		const slow = runImport(t.db, id, officialId, {
			signal: new AbortController().signal,
			heartbeat: async () => {
				if (++beats === 1) await stalled;
				else throw new Error('the slow runner went on');
			},
			pause: noPause
		});
		for (let i = 0; i < 400 && (await importById(t.db, id))!.rowsProcessed === 0; i++) {
			await new Promise((done) => setTimeout(done, 25));
		}
		// Another server takes the job over and finishes it.
		expect(await server('fast', later(2)).runDue()).toBe(1);
		expect((await importById(t.db, id))!.status).toBe('done');
		// The slow one wakes up: its next batch is refused, it stops.
		resume();
		await expect(slow).rejects.toBeInstanceOf(JobInterrupted);
		expect(await writesOf(id)).toEqual({ rows: total, audits: total });
		expect((await importById(t.db, id))!.rowsCreated).toBe(total);
	});

	it('abandoned without progress, it ends failed; started again, it finishes', async () => {
		const total = FIRST + 3;
		const id = await startedImport(total, 73_000_000);
		// Each attempt dies before its first batch commits: no progress.
		for (let attempt = 0; attempt < IMPORT_ATTEMPTS_WITHOUT_PROGRESS; attempt++) {
			const at = new Date(Date.now() + attempt * 2 * LEASE_MS);
			expect(await claim(t.db, `crashing-${attempt}`, at, LEASE_MS)).not.toBeNull();
		}
		expect(await server('after', later(10)).runDue()).toBe(0);
		expect((await importById(t.db, id))!.status).toBe('failed');
		expect(await jobByKey(t.db, importJobKey(id))).toMatchObject({ status: 'failed' });
		// "Run again" is accepted, and resumes.
		expect(await startImport(t.db, id, officialId)).toEqual({ ok: true });
		expect(await server('again').runDue()).toBe(1);
		expect(await importById(t.db, id)).toMatchObject({ status: 'done', rowsCreated: total });
		expect(await writesOf(id)).toEqual({ rows: total, audits: total });
	});

	it('progress resets the count of attempts: an import interrupted often still finishes', async () => {
		const total = ROWS;
		const id = await startedImport(total, 74_000_000);
		for (let k = 0; k < 3; k++) {
			await dieAfter(1, id, `flaky-${k}`, new Date(Date.now() + k * 2 * LEASE_MS));
		}
		expect(await jobByKey(t.db, importJobKey(id))).toMatchObject({ attempts: 1 });
		expect(await server('steady', later(10)).runDue()).toBe(1);
		expect(await importById(t.db, id)).toMatchObject({ status: 'done', rowsCreated: total });
		expect(await writesOf(id)).toEqual({ rows: total, audits: total });
	});

	it('a stalled import can be started again at once, a live one cannot', async () => {
		const total = ROWS;
		const id = await startedImport(total, 75_000_000);
		// Queued: not stalled.
		expect(await startImport(t.db, id, officialId)).toMatchObject({ ok: false, status: 'running' });
		const processed = await dieAfter(1, id, 'gone');
		expect(processed).toBe(FIRST);
		// Its lease still holds: a runner may be at work.
		expect(await startImport(t.db, id, officialId)).toMatchObject({ ok: false });
		// Past its lease (no runner came back): accepted, and resumed after the written batch.
		expect(await startImport(t.db, id, officialId, later(2)())).toEqual({ ok: true });
		const [job] = await t.db
			.select()
			.from(jobs)
			.where(eq(jobs.key, importJobKey(id)));
		expect(job).toMatchObject({ status: 'pending', attempts: 0 });
		expect(await server('next', later(3)).runDue()).toBe(1);
		expect(await importById(t.db, id)).toMatchObject({
			status: 'done',
			rowsProcessed: total,
			rowsCreated: total
		});
		expect(await writesOf(id)).toEqual({ rows: total, audits: total });
	});
});
