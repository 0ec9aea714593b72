/**
 * The benchmarks' database: DATABASE_URL's PostgreSQL when it is set (its data is replaced!),
 * else a PGlite folder made for the run and removed after. Seeded with the demo data (N
 * merchants), topped up to M anonymous search events, and rolled up as the nightly job does.
 *
 * Seeding 100k merchants takes minutes: with `keep` (PGlite only), the seeded folder is kept
 * there as a template, per size, and each run works on a copy of it (a run's import changes
 * the copy, never the template).
 *
 * The seeded database is brought to the steady state of a site that has been running: the jobs
 * due today (the daily freshness job's reconfirmation requests, the e-mails they queue, the
 * rollups…) are run before the server starts, so the bench measures visitors, not the backlog a
 * freshly seeded database holds (at 100k merchants: 5,164 requests to reconfirm and as many
 * e-mails). A kept template is brought up to the day again when it was last settled on another
 * day. What the backlog itself costs visitors is in docs/performance.md.
 */
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import {
	describeTarget,
	openDatabase,
	type DatabaseHandle,
	type DatabaseTarget
} from '../../src/lib/server/db/client';
import { queryRows } from '../../src/lib/server/db/query';
import { rollUpMetrics } from '../../src/lib/server/metrics/rollups';
import { createRunner } from '../../src/lib/server/jobs';
import { parisIsoDate } from '../../src/lib/i18n/format';
import { seedDemo } from '../demo/seed';
import { seedSearchEvents } from './search-events';
import type { SampleListing } from './endpoints';

export interface BenchDatabase {
	target: DatabaseTarget;
	/** 'PGlite (/tmp/…)' or 'PostgreSQL (host:port/db)'. */
	description: string;
	/** What the server needs in its environment to open the same database. */
	env: Record<string, string>;
	/** Opens it in this process (close it before a server opens a PGlite folder). */
	open(): Promise<DatabaseHandle>;
	/** Removes the temporary PGlite folder (PostgreSQL is left as seeded). */
	dispose(): void;
}

export interface SeedTimes {
	/** Seconds (the kept template's when it was copied; null if unknown). */
	merchantsSeconds: number | null;
	eventsSeconds: number | null;
	rollupSeconds: number | null;
	/** Seconds to copy the kept template (PGlite with `keep`). */
	copySeconds: number | null;
	/** Seconds to run the jobs due today (0 when the kept template had run them already). */
	dueJobsSeconds: number | null;
}

const TEMPLATE_MARK = 'bench-seeded.json';
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

export function benchDatabase(): BenchDatabase {
	const url = process.env.DATABASE_URL;
	const target: DatabaseTarget = url
		? { driver: 'postgres', url }
		: { driver: 'pglite', dir: mkdtempSync(join(tmpdir(), 'bench-pglite-')) };
	return {
		target,
		description: describeTarget(target),
		env:
			target.driver === 'postgres'
				? { DATABASE_URL: target.url }
				: { PGLITE_DIR: target.dir!, DATABASE_URL: '' },
		open: () => openDatabase(target),
		dispose: () => {
			if (target.driver === 'pglite' && target.dir)
				rmSync(target.dir, { recursive: true, force: true });
		}
	};
}

/**
 * Runs every job due now, as the server's runner would at its start (e-mails written to a
 * temporary folder, never sent; their log lines counted, not printed). Returns how many ran.
 */
async function runDueJobs(handle: DatabaseHandle, log: (line: string) => void): Promise<number> {
	const mailDir = mkdtempSync(join(tmpdir(), 'bench-due-mail-'));
	const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_OUTBOX_DIR: process.env.MAIL_OUTBOX_DIR };
	const print = console.log;
	let muted = 0;
	process.env.SMTP_URL = '';
	process.env.MAIL_OUTBOX_DIR = mailDir;
	console.log = (...args: unknown[]) => {
		if (typeof args[0] === 'string' && args[0].startsWith('[mail]')) muted++;
		else print(...args);
	};
	try {
		const ran = await createRunner(handle.db, { soleProcess: true, paceMaxMs: 0 }).runDue();
		log(`[seed] ${ran} due job(s) run (${muted} e-mails written, not sent)`);
		return ran;
	} finally {
		console.log = print;
		for (const [key, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
		rmSync(mailDir, { recursive: true, force: true });
	}
}

/** Migrates, seeds `merchants` demo merchants and `events` search events, runs the rollup job. */
async function seedInto(
	handle: DatabaseHandle,
	merchants: number,
	events: number,
	log: (line: string) => void
): Promise<Omit<SeedTimes, 'copySeconds' | 'dueJobsSeconds'>> {
	let started = performance.now();
	await handle.migrate();
	await seedDemo(handle.db, { merchants, log: (line) => log(`[seed] ${line}`) });
	const merchantsSeconds = seconds(started);
	started = performance.now();
	await seedSearchEvents(handle.db, events);
	const eventsSeconds = seconds(started);
	started = performance.now();
	// As the nightly job leaves it: the dashboard reads the days before today from the rollups.
	await rollUpMetrics(handle.db, new Date());
	return { merchantsSeconds, eventsSeconds, rollupSeconds: seconds(started) };
}

/** Runs the jobs due today and says how long it took. */
async function settleJobs(handle: DatabaseHandle, log: (line: string) => void): Promise<number> {
	const started = performance.now();
	await runDueJobs(handle, log);
	return seconds(started);
}

/**
 * Fills the database; with `keep` and PGlite, from (or into) the kept template of this size.
 */
export async function seedBenchDatabase(
	database: BenchDatabase,
	options: {
		merchants: number;
		events: number;
		keep?: string;
		/** PostgreSQL: the database is already seeded at this size (`--reuse`). */
		reuse?: boolean;
		log: (line: string) => void;
	}
): Promise<SeedTimes> {
	const { merchants, events, keep, reuse, log } = options;
	const workDir = database.target.driver === 'pglite' ? database.target.dir : null;
	if (!workDir && reuse) {
		// Seeded by an earlier run of the same size: only what its import wrote is removed.
		const handle = await database.open();
		try {
			await handle.migrate();
			await handle.db.execute(sql`DELETE FROM merchants WHERE import_id IS NOT NULL`);
			await handle.db.execute(sql`DELETE FROM imports`);
			await handle.db.execute(sql`DELETE FROM jobs WHERE kind = 'import'`);
			log(`reusing the seeded ${database.description} (its imported merchants removed)`);
			const times = { merchantsSeconds: null, eventsSeconds: null, rollupSeconds: null };
			return { ...times, copySeconds: null, dueJobsSeconds: await settleJobs(handle, log) };
		} finally {
			await handle.close();
		}
	}
	if (!keep || !workDir) {
		const handle = await database.open();
		try {
			const times = await seedInto(handle, merchants, events, log);
			return { ...times, copySeconds: null, dueJobsSeconds: await settleJobs(handle, log) };
		} finally {
			await handle.close();
		}
	}
	const template = join(keep, `merchants-${merchants}-events-${events}`);
	let times: Omit<SeedTimes, 'copySeconds' | 'dueJobsSeconds'> = {
		merchantsSeconds: null,
		eventsSeconds: null,
		rollupSeconds: null
	};
	if (existsSync(join(template, TEMPLATE_MARK))) {
		// The template's own seed times: what seeding this size costs.
		times = JSON.parse(readFileSync(join(template, TEMPLATE_MARK), 'utf8')).times ?? times;
		log(`reusing the seeded template ${template}`);
	} else {
		rmSync(template, { recursive: true, force: true });
		mkdirSync(template, { recursive: true });
		log(`seeding the template ${template} (kept for the next runs)`);
		const handle = await openDatabase({ driver: 'pglite', dir: template });
		try {
			times = await seedInto(handle, merchants, events, log);
		} finally {
			await handle.close();
		}
	}
	const mark = join(template, TEMPLATE_MARK);
	const today = parisIsoDate(new Date());
	let dueJobsSeconds = 0;
	if (!existsSync(mark) || JSON.parse(readFileSync(mark, 'utf8')).jobsRunOn !== today) {
		const handle = await openDatabase({ driver: 'pglite', dir: template });
		try {
			dueJobsSeconds = await settleJobs(handle, log);
		} finally {
			await handle.close();
		}
		writeFileSync(mark, JSON.stringify({ merchants, events, times, jobsRunOn: today }));
	}
	const started = performance.now();
	rmSync(workDir, { recursive: true, force: true });
	cpSync(template, workDir, { recursive: true });
	return { ...times, copySeconds: seconds(started), dueJobsSeconds };
}

/** Listed shops drawn at random, for merchant pages, cards and directions. */
export async function sampleListings(
	handle: DatabaseHandle,
	count = 500
): Promise<SampleListing[]> {
	const rows = await queryRows<{ id: number; name: string }>(
		handle.db,
		sql`SELECT id, trade_name_fr AS name FROM merchants
			WHERE status = 'approved' AND latitude IS NOT NULL ORDER BY random() LIMIT ${count}`
	);
	return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}
