/**
 * `npm run reliability [-- --seconds 60 --clients 200 --keep]`: the load-and-fault run (issue 15).
 * It starts a throw-away PostgreSQL cluster (the Debian binaries under /usr/lib/postgresql, in a
 * temporary folder, on a free port), seeds the demo data, and starts the production build on it.
 * Then:
 *   1. `--clients` concurrent clients browse, search and submit applications (register, the six
 *      wizard steps as plain forms) for `--seconds`; PostgreSQL is restarted in the middle. Every
 *      submission the server acknowledged (303 to "?done=submitted") must be stored, pending.
 *   2. An administrator uploads and starts a 10,000-row acquirer import while a few clients
 *      browse; the server is killed (SIGKILL) in the middle of it and started again. The import
 *      must resume and finish with each row written once.
 * It prints the figures (requests, errors, recovery times, p99s) and exits non-zero on a
 * violation. Needs `npm run build` first (it runs it when build/ is missing).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { syntheticAcquirerCsv } from '../src/lib/server/imports/synthetic';
import { DEMO_ACCOUNTS } from './demo/seed';
import { Client, Latencies, browseWhile, type Outcome } from './reliability-client';
import {
	AppProcess,
	TemporaryPostgres,
	buildIfMissing,
	freePort,
	seedDemo,
	sleep
} from './throwaway-stack';

const { values: args } = parseArgs({
	options: {
		seconds: { type: 'string', default: '60' },
		clients: { type: 'string', default: '200' },
		'import-rows': { type: 'string', default: '10000' },
		keep: { type: 'boolean', default: false }
	}
});
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const IMPORT_ROWS = Number(args['import-rows']);
const log = (text: string) => console.log(`[reliability] ${text}`);

const work = mkdtempSync(join(tmpdir(), 'cashless-reliability-'));
const pg = new TemporaryPostgres(work, await freePort());

// --- The server ----------------------------------------------------------------------------------
const port = await freePort();
const ORIGIN = `http://127.0.0.1:${port}`;
const DATABASE_URL = pg.url();
const serverEnv = {
	...process.env,
	NODE_ENV: 'production',
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN,
	DATABASE_URL,
	BODY_SIZE_LIMIT: '20M',
	MAIL_OUTBOX_DIR: join(work, 'mail'),
	SMTP_URL: '',
	// Each client has its own address, as behind a proxy (per-address limits).
	ADDRESS_HEADER: 'x-forwarded-for',
	XFF_DEPTH: '1',
	// A dead server's import is taken back after 10 s rather than a minute.
	JOBS_LEASE_MS: '10000',
	JOBS_POLL_MS: '500'
};
const server = new AppProcess(serverEnv, join(work, 'server.log'));

let cleaned = false;
function cleanUp() {
	if (cleaned) return;
	cleaned = true;
	server.killNow();
	pg.stopNow();
	if (!args.keep) rmSync(work, { recursive: true, force: true });
	else log(`kept ${work}`);
}
process.on('exit', cleanUp);
process.on('SIGINT', () => process.exit(130));

const violations: string[] = [];
const figures: [string, string][] = [];
const figure = (name: string, value: string) => (
	figures.push([name, value]),
	log(`${name}: ${value}`)
);

try {
	await buildIfMissing();
	await pg.create();
	await seedDemo(serverEnv);
	log(`PostgreSQL ${pg.version} on ${pg.port}, server on ${port}`);
	await server.start();
	const db = postgres(DATABASE_URL, { max: 2, onnotice: () => {} });
	const ids = (
		await db`SELECT id FROM merchants WHERE status = 'approved' ORDER BY id LIMIT 200`
	).map((r) => Number(r.id));

	// --- 1. Load, with PostgreSQL restarted in the middle --------------------------------------
	const outcomes: Outcome[] = [];
	const deadline = Date.now() + SECONDS * 1000;
	const clients = Array.from(
		{ length: CLIENTS },
		(_, i) => new Client(ORIGIN, i, ids, outcomes, join(work, 'mail'))
	);
	const running = clients.map((c) => c.run(deadline, submits(c.index)));
	await sleep((SECONDS * 1000) / 2);
	const stopAt = Date.now();
	await pg.stop('fast');
	await sleep(2000);
	await pg.start();
	const pgBack = Date.now();
	await Promise.all(running);
	const served = outcomes.filter((o) => o.ok).length;
	const failed = outcomes.filter((o) => !o.ok);
	const afterRestart = outcomes
		.filter((o) => o.ok && o.db && o.at > pgBack)
		.sort((a, b) => a.at - b.at)[0];
	const lastFailure = failed.filter((o) => o.at > stopAt).sort((a, b) => b.at - a.at)[0];
	figure(
		'clients',
		`${CLIENTS} for ${SECONDS} s (${clients.filter((c) => submits(c.index)).length} submitting)`
	);
	figure('requests served', String(served));
	figure(
		'errors (5xx or refused connection)',
		`${failed.length} (${failed.filter((o) => o.at >= stopAt && o.at <= (lastFailure?.at ?? stopAt)).length} during the restart)`
	);
	figure('PostgreSQL down', `${((pgBack - stopAt) / 1000).toFixed(1)} s`);
	figure(
		'recovery (PostgreSQL back → first database answer)',
		afterRestart ? `${((afterRestart.at - pgBack) / 1000).toFixed(2)} s` : 'never'
	);
	const kinds = new Map<string, number>();
	for (const o of outcomes) {
		if (o.status === 200 || o.status === 303) continue;
		const key = `${o.status} ${o.what}`;
		kinds.set(key, (kinds.get(key) ?? 0) + 1);
	}
	log(`answers other than 200/303: ${JSON.stringify(Object.fromEntries(kinds))}`);
	if (lastFailure)
		figure(
			'last error after the stop',
			`${((lastFailure.at - stopAt) / 1000).toFixed(1)} s after it`
		);
	if (!afterRestart) violations.push('the site never answered from the database after the restart');
	const acknowledged = clients.flatMap((c) => c.acknowledged);
	const stored = acknowledged.length
		? await db`SELECT id, siret, status FROM merchants WHERE id IN ${db(acknowledged.map((a) => a.id))}`
		: [];
	const lost = acknowledged.filter(
		(a) =>
			!stored.some((s) => Number(s.id) === a.id && s.siret === a.siret && s.status === 'pending')
	);
	figure(
		'acknowledged submissions',
		`${acknowledged.length}, stored ${acknowledged.length - lost.length}, lost ${lost.length}`
	);
	if (lost.length) violations.push(`${lost.length} acknowledged submissions are not stored`);

	// --- 2. An import, killed in the middle -----------------------------------------------------
	const admin = new Client(ORIGIN, 100_000, ids, []);
	const demoAdmin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
	await admin.logIn(demoAdmin.email, demoAdmin.password);
	const baseline = new Latencies();
	await browseWhile(ORIGIN, baseline, sleep(5000));
	const importId = await admin.uploadImport(syntheticAcquirerCsv(IMPORT_ROWS, 90_000_000));
	const during = new Latencies();
	const killed = (async () => {
		await admin.startImport(importId);
		for (;;) {
			const p = await admin.importProgress(importId);
			if (p && p.rowsProcessed >= IMPORT_ROWS / 4) return p.rowsProcessed;
			if (p && p.status !== 'running') throw new Error(`import ended before the kill: ${p.status}`);
			await sleep(100);
		}
	})();
	await browseWhile(ORIGIN, during, killed);
	const processedAtKill = await killed;
	const killedAt = Date.now();
	await server.stop('SIGKILL');
	figure('import killed at', `${processedAtKill} of ${IMPORT_ROWS} rows`);
	figure('server restart', `${((await server.start()) / 1000).toFixed(1)} s`);
	let final: Awaited<ReturnType<Client['importProgress']>> = null;
	let resumedAt = 0;
	for (const limit = Date.now() + 300_000; Date.now() < limit; await sleep(250)) {
		final = await admin.importProgress(importId);
		if (!resumedAt && final && final.rowsProcessed > processedAtKill) resumedAt = Date.now();
		if (final?.status !== 'running') break;
	}
	figure(
		'import resumed',
		resumedAt ? `${((resumedAt - killedAt) / 1000).toFixed(1)} s after the kill` : 'never'
	);
	const [{ rows, audits }] = await db`SELECT
		(SELECT count(*)::int FROM merchants WHERE import_id = ${importId}) AS rows,
		(SELECT count(*)::int FROM audit_events a JOIN merchants m ON m.id = a.merchant_id
			WHERE a.action = 'import_create' AND m.import_id = ${importId}) AS audits`;
	figure(
		'import end',
		`${final?.status}, ${final?.rowsProcessed} rows processed, ${rows} listings, ${audits} creations audited`
	);
	if (final?.status !== 'done' || rows !== IMPORT_ROWS || audits !== IMPORT_ROWS) {
		violations.push('the import did not finish with each row written once');
	}
	figure('visitors p99 without an import', `${baseline.p99()} ms (${baseline.count} requests)`);
	figure('visitors p99 during the import', `${during.p99()} ms (${during.count} requests)`);
	// A budget of the hardening issue, measured here where the import runs against real traffic
	// (a figure with PASS/FAIL, not a violation: timings are never asserted).
	const ratio = during.p99() / Math.max(1, baseline.p99());
	figure(
		'visitors p99 during / without the import',
		`${ratio.toFixed(2)}× (budget ≤ 2×: ${ratio <= 2 ? 'PASS' : 'FAIL'})`
	);
	await db.end();
} catch (error) {
	violations.push(`run failed: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
	console.log('\n| figure | value |\n| --- | --- |');
	for (const [name, value] of figures) console.log(`| ${name} | ${value} |`);
	if (violations.length && existsSync(join(work, 'server.log'))) {
		console.log(
			'\nserver log (end):\n' + readFileSync(join(work, 'server.log'), 'utf8').slice(-3000)
		);
	}
	console.log(violations.length ? `\nVIOLATIONS:\n- ${violations.join('\n- ')}` : '\nno violation');
	cleanUp();
}
process.exit(violations.length ? 1 : 0);

/** One client in ten submits applications; the others browse and search. */
function submits(index: number) {
	return index % 10 === 0;
}
