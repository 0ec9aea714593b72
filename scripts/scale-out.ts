/**
 * `npm run scale-out [-- --keep] [--merchants 2000]`: two app processes on one PostgreSQL behind
 * a proxy, started and checked by this script (issue 16, item 6; docs/scale-out.md). It creates
 * a throw-away PostgreSQL cluster on a free port, builds when `build/` is missing, and then:
 *   0. starts two processes together on an empty database: both must start, each migration once;
 *   1. seeds the demo data, starts processes `a` and `b` (INSTANCE_ID, so each answer says which
 *      served it) and a round-robin proxy in this script, which the site's ORIGIN points to;
 * and prints PASS or FAIL for each check: requests spread over both; a session opened on one is
 * valid on the other; an official's approval on one is visible on the other's listing index
 * within 5 s (timed); the per-address and per-account password limits count across both (and a
 * forged X-Forwarded-For does not escape them); daily jobs enqueued and run once, and each
 * e-mail sent once, with both processes' runners at work. Everything is stopped and the cluster
 * removed at the end, on failure and on Ctrl-C too; `--keep` keeps its folder (logs, e-mails).
 * The checks themselves are in scripts/scale-out-checks.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { RoundRobinProxy } from './scale-out-http';
import {
	accountLimit,
	addressLimit,
	decisionsVisible,
	jobsOnce,
	sessionsShared,
	spread,
	type ScaleOutRun
} from './scale-out-checks';
import {
	AppProcess,
	TemporaryPostgres,
	buildIfMissing,
	freePort,
	seedDemo
} from './throwaway-stack';

const { values: args } = parseArgs({
	options: {
		keep: { type: 'boolean', default: false },
		merchants: { type: 'string', default: '2000' }
	}
});
const log = (text: string) => console.log(`[scale-out] ${text}`);

const work = mkdtempSync(join(tmpdir(), 'cashless-scale-out-'));
const pg = new TemporaryPostgres(work, await freePort());
const proxyPort = await freePort();
const ORIGIN = `http://127.0.0.1:${proxyPort}`;

/** One app process's environment: what docs/scale-out.md lists. */
const appEnv = (id: string, port: number, database: string): NodeJS.ProcessEnv => ({
	...process.env,
	NODE_ENV: 'production',
	INSTANCE_ID: id,
	HOST: '127.0.0.1',
	PORT: String(port),
	ORIGIN,
	DATABASE_URL: pg.url(database),
	ADDRESS_HEADER: 'x-forwarded-for',
	XFF_DEPTH: '1',
	BODY_SIZE_LIMIT: '20M',
	SHUTDOWN_TIMEOUT: '5',
	MAIL_OUTBOX_DIR: join(work, `mail-${id}`),
	SMTP_URL: ''
});
const apps: AppProcess[] = [];
async function startApp(id: string, database: string): Promise<AppProcess> {
	const app = new AppProcess(appEnv(id, await freePort(), database), join(work, `${id}.log`));
	apps.push(app);
	await app.start();
	return app;
}
let proxy: RoundRobinProxy | null = null;

let cleaned = false;
function cleanUp() {
	if (cleaned) return;
	cleaned = true;
	proxy?.close();
	for (const app of apps) app.killNow();
	pg.stopNow();
	if (args.keep) log(`kept ${work}`);
	else rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		log(`${signal}: stopping everything`);
		process.exit(130);
	});
}

const checks: { pass: boolean; name: string; detail: string }[] = [];
function check(pass: boolean, name: string, detail: string) {
	checks.push({ pass, name, detail });
	log(`${pass ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
}

let db: postgres.Sql | null = null;
try {
	await buildIfMissing();
	await pg.create();
	log(`PostgreSQL ${pg.version} on ${pg.port}, folder ${work}`);
	await migrationsAtOnce();

	await seedDemo(appEnv('seed', 0, 'cashless'), Number(args.merchants));
	log(`demo data: ${args.merchants} merchants`);
	const [a, b] = await Promise.all([startApp('a', 'cashless'), startApp('b', 'cashless')]);
	proxy = new RoundRobinProxy([a.url, b.url]);
	await proxy.listen(proxyPort);
	log(`processes a on ${a.env.PORT}, b on ${b.env.PORT}; proxy (ORIGIN) ${ORIGIN}`);
	db = postgres(pg.url(), { max: 2, onnotice: () => {} });

	const run: ScaleOutRun = { origin: ORIGIN, work, db, check, log };
	await spread(run);
	const official = await sessionsShared(run);
	await decisionsVisible(run, official, { a, b });
	await addressLimit(run);
	await accountLimit(run);
	await jobsOnce(run);

	// Stopped as in production (SIGTERM): each finishes its requests and its job, then exits.
	const stopping = Date.now();
	await Promise.all(apps.map((app) => app.stop('SIGTERM')));
	log(`both processes stopped in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
} catch (error) {
	check(false, 'run', error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
	await db?.end();
	if (proxy?.errors.length) {
		check(false, 'the proxy reached a process for every request', proxy.errors.join('; '));
	}
	const failed = checks.filter((c) => !c.pass);
	console.log('\n| check | result | measured |\n| --- | --- | --- |');
	for (const c of checks) console.log(`| ${c.name} | ${c.pass ? 'PASS' : 'FAIL'} | ${c.detail} |`);
	if (failed.length) {
		for (const app of apps) {
			const text = readFileSync(app.logFile, 'utf8');
			console.log(`\n${app.env.INSTANCE_ID}'s log (end):\n${text.slice(-2000)}`);
		}
	}
	console.log(failed.length ? `\n${failed.length} FAILED` : '\nall passed');
	cleanUp();
}
process.exit(checks.some((c) => !c.pass) ? 1 : 0);

/** 0. Two processes started together on an empty database: migrations take turns. */
async function migrationsAtOnce() {
	await pg.createDatabase('fresh');
	const started = await Promise.allSettled([startApp('m1', 'fresh'), startApp('m2', 'fresh')]);
	const fresh = postgres(pg.url('fresh'), { max: 1, onnotice: () => {} });
	const [{ n }] = await fresh`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`;
	await fresh.end();
	const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8'));
	const up = started.filter((s) => s.status === 'fulfilled').length;
	check(
		up === 2 && n === journal.entries.length,
		'two processes started together on an empty database',
		`${up} of 2 started; ${n} migrations applied, ${journal.entries.length} in drizzle/`
	);
	for (const app of apps.splice(0)) await app.stop('SIGTERM');
}
