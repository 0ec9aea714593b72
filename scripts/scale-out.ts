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
 */
import { VERSION_CHECK_MS } from '../src/lib/server/merchants/listing-index';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import * as m from '../src/lib/paraglide/messages';
import { DAILY_JOBS } from '../src/lib/server/jobs';
import { MAIL_JOB } from '../src/lib/server/mail/outbox';
import { REGISTRATION_JOB } from '../src/lib/server/auth/registration';
import { PASSWORD_ATTEMPTS, accountKey, ipKey } from '../src/lib/server/auth/rate-limit';
import { parisIsoDate } from '../src/lib/i18n/format';
import { parisWallClock } from '../src/lib/hours/open-now';
import { DEMO_ACCOUNTS } from './demo/seed';
import { RoundRobinProxy, Visitor, type Answer } from './scale-out-http';
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
		keep: { type: 'boolean', default: false },
		merchants: { type: 'string', default: '2000' }
	}
});
const log = (text: string) => console.log(`[scale-out] ${text}`);
const VISIBLE_WITHIN_MS = 5_000;

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
/** "a 20, b 20" */
function tally(answers: Answer[]): Map<string, number> {
	const by = new Map<string, number>();
	for (const a of answers) by.set(a.servedBy, (by.get(a.servedBy) ?? 0) + 1);
	return by;
}
const show = (by: Map<string, number>) =>
	[...by]
		.sort()
		.map(([who, n]) => `${who} ${n}`)
		.join(', ');
const bothServed = (by: Map<string, number>) => (by.get('a') ?? 0) > 0 && (by.get('b') ?? 0) > 0;

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

	await spread();
	const official = await sessionsShared();
	await decisionsVisible(official, { a, b });
	await addressLimit();
	await accountLimit();
	await jobsOnce();

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

/** 1. Requests through the proxy are answered by both processes. */
async function spread() {
	const visitor = new Visitor(ORIGIN, ORIGIN, '127.0.0.2');
	const paths = ['/fr', '/zh', '/fr?q=pharmacie', '/api/map?bbox=2.25,48.81,2.42,48.90&zoom=13'];
	const answers: Answer[] = [];
	for (let i = 0; i < 40; i++) answers.push(await visitor.get(paths[i % paths.length]));
	const by = tally(answers);
	const ok = answers.every((r) => r.status === 200);
	const share = Math.min(by.get('a') ?? 0, by.get('b') ?? 0) / answers.length;
	check(
		ok && share >= 0.25,
		'requests spread across both processes',
		`40 anonymous pages and map data: ${show(by)} (all 200: ${ok})`
	);
}

/** 2. Signed in through one process, recognised by the other: sessions are in the database. */
async function sessionsShared(): Promise<Visitor> {
	const official = new Visitor(ORIGIN, ORIGIN, '127.0.0.3');
	const who = DEMO_ACCOUNTS.find((account) => account.role === 'official')!;
	const login = await official.post('/fr/login', { email: who.email, password: who.password });
	if (login.status !== 303) throw new Error(`the official's login was refused (${login.status})`);
	const pages: Answer[] = [];
	for (let i = 0; i < 4; i++) pages.push(await official.get('/fr/admin/queue'));
	const by = tally(pages);
	check(
		pages.every((p) => p.status === 200) && bothServed(by),
		'a session opened on one process is valid on the other',
		`signed in on ${login.servedBy}; the review queue answered 200 by ${show(by)}`
	);
	return official;
}

/**
 * 3. An official approves pending applications through the proxy (the real form); the other
 * process's listing index (GET /api/listings/{id}, read from memory) is polled every 100 ms
 * until it shows the listing. Decisions are spread over the 5 s between two version checks.
 */
async function decisionsVisible(official: Visitor, byId: Record<string, AppProcess>) {
	const pending = await db!`SELECT id, version FROM merchants
		WHERE status = 'pending' AND latitude IS NOT NULL ORDER BY id LIMIT 4`;
	const direct = (app: AppProcess) =>
		official.via(app.url, { 'x-forwarded-for': official.address });
	const delays: number[] = [];
	const problems: string[] = [];
	for (const [i, row] of pending.entries()) {
		const card = `/api/listings/${row.id}`;
		// Nothing asked of either process for longer than its check interval: the next request makes each check
		// its version; the approval then comes `1.3 s × i` after that check (i = 0: the worst case,
		// the other process's next check is as far away as it can be).
		await sleep(VERSION_CHECK_MS + 200);
		for (const app of Object.values(byId)) {
			const before = await direct(app).get(card);
			if (before.status !== 404) problems.push(`#${row.id} listed before its approval`);
		}
		await sleep(1_300 * i);
		const decision = await official.post(`/fr/admin/merchants/${row.id}?/approve`, {
			version: String(row.version)
		});
		const decidedAt = Date.now();
		const [stored] = await db!`SELECT status FROM merchants WHERE id = ${row.id}`;
		if (decision.status !== 200 || stored.status !== 'approved') {
			problems.push(`#${row.id}: the approval answered ${decision.status}, ${stored.status}`);
			continue;
		}
		const decider = byId[decision.servedBy];
		const other = byId[decision.servedBy === 'a' ? 'b' : 'a'];
		if ((await direct(decider).get(card)).status !== 200) {
			problems.push(`#${row.id} not at once on ${decision.servedBy}, which approved it`);
		}
		let seen = 0;
		while (!seen && Date.now() - decidedAt < 20_000) {
			if ((await direct(other).get(card)).status === 200) seen = Date.now();
			else await sleep(100);
		}
		delays.push(seen ? seen - decidedAt : Infinity);
		log(
			`#${row.id} approved on ${decision.servedBy}, on ${other.env.INSTANCE_ID} after ${seen ? seen - decidedAt : 'never (20 s)'} ms`
		);
	}
	const worst = Math.max(...delays);
	check(
		problems.length === 0 && delays.length === pending.length && worst <= VISIBLE_WITHIN_MS,
		`an approval on one process is on the other's map index within ${VISIBLE_WITHIN_MS / 1000} s`,
		`${delays.length} approvals, visible on the other after ${delays.map((d) => (d === Infinity ? 'never (20 s)' : `${d} ms`)).join(', ')}` +
			(problems.length ? `; ${problems.join('; ')}` : '')
	);
}

/** The login form's refusal in an answer: which of the messages it shows. */
function loginRefusal(answer: Answer): string {
	const texts: [string, string][] = [
		['wrong', m.auth_error_credentials_invalid({}, { locale: 'fr' })],
		['address limit', m.auth_error_rate_limited({ minutes: '\u0000' }, { locale: 'fr' })],
		['slowed', m.auth_error_login_slowed({ seconds: '\u0000' }, { locale: 'fr' })],
		['locked', m.auth_error_account_locked({ minutes: '\u0000' }, { locale: 'fr' })]
	];
	const found = texts.find(([, text]) => answer.body.includes(text.split('\u0000')[0]));
	return found ? found[0] : `${answer.status}?`;
}

async function counter(key: string): Promise<number> {
	const [row] = await db!`SELECT count FROM rate_limits WHERE key = ${key}`;
	return row ? Number(row.count) : 0;
}

/**
 * 4. One address guesses passwords of many accounts through the proxy, forging a different
 * X-Forwarded-For each time: refused at the same attempt as on one process (perIp + 1).
 */
async function addressLimit() {
	const guesser = new Visitor(ORIGIN, ORIGIN, '127.0.0.4');
	const answers: Answer[] = [];
	const limit = PASSWORD_ATTEMPTS.perIp;
	for (let i = 1; i <= limit + 1; i++) {
		answers.push(
			await guesser.post(
				'/fr/login',
				{ email: `personne-${i}@example.test`, password: 'pas-le-bon-mot-de-passe' },
				{ 'x-forwarded-for': `203.0.113.${i}` }
			)
		);
	}
	const verdicts = answers.map(loginRefusal);
	const firstRefused = verdicts.findIndex((v) => v !== 'wrong') + 1;
	const counted = await counter(ipKey(PASSWORD_ATTEMPTS, guesser.address));
	const forged = await counter(ipKey(PASSWORD_ATTEMPTS, '203.0.113.1'));
	const by = tally(answers);
	check(
		firstRefused === limit + 1 &&
			verdicts[limit] === 'address limit' &&
			counted === limit + 1 &&
			forged === 0 &&
			bothServed(by),
		'the per-address password limit holds across both processes',
		`${limit + 1} wrong guesses from ${guesser.address} (each with a forged X-Forwarded-For), served by ${show(by)}: ` +
			`first refusal at guess ${firstRefused} ("${verdicts[limit]}"), limit ${limit}; ` +
			`database counter ${counted} for the real address, ${forged} for a forged one`
	);
}

/**
 * 5. Wrong passwords on one account through the proxy: one counter in the database, and the
 * guess after the free ones is slowed down whichever process answers it.
 */
async function accountLimit() {
	const guesser = new Visitor(ORIGIN, ORIGIN, '127.0.0.5');
	const account = DEMO_ACCOUNTS.find((a) => a.email.startsWith('hotel@'))!;
	const answers: Answer[] = [];
	let lastCountedAt = 0;
	for (let i = 0; i < 5; i++) {
		lastCountedAt = Date.now();
		answers.push(
			await guesser.post('/fr/login', { email: account.email, password: `faux-${i}-mot-de-passe` })
		);
	}
	const counted = await counter(accountKey(PASSWORD_ATTEMPTS, account.email));
	const sixth = await guesser.post('/fr/login', { email: account.email, password: 'faux-6' });
	const within = Date.now() - lastCountedAt < 1_000;
	const verdicts = answers.map(loginRefusal);
	const by = tally([...answers, sixth]);
	check(
		verdicts.every((v) => v === 'wrong') &&
			counted === 5 &&
			(!within || loginRefusal(sixth) === 'slowed') &&
			bothServed(by),
		'the per-account password slow-down holds across both processes',
		`5 wrong passwords on one account served by ${show(tally(answers))}: database counter ${counted}; ` +
			`the 6th, on ${sixth.servedBy}, "${loginRefusal(sixth)}"` +
			(within ? '' : ' (came more than 1 s after the 5th: not expected to be slowed)')
	);
}

/** Waits until no job of these kinds is pending or running (at most 90 s). */
async function jobsSettled(kinds: string[]): Promise<void> {
	for (const until = Date.now() + 90_000; Date.now() < until; await sleep(500)) {
		const [{ n }] = await db!`SELECT count(*)::int AS n FROM jobs
			WHERE kind IN ${db!(kinds)} AND status IN ('pending', 'running')`;
		if (n === 0) return;
	}
}

/** The e-mails a process's outbox folder holds, by recipient. */
function mailsIn(id: string): string[] {
	const folder = join(work, `mail-${id}`);
	const names = (() => {
		try {
			return readdirSync(folder).filter((n) => n.endsWith('.json'));
		} catch {
			return [];
		}
	})();
	return names.map((n) => (JSON.parse(readFileSync(join(folder, n), 'utf8')) as { to: string }).to);
}

/**
 * 6. Jobs: 20 registrations through the proxy (each queues a job in the process that answered,
 * which queues its e-mail) are each e-mailed once, by both processes' runners together; and each
 * daily job due today was enqueued and run once, though both runners enqueue them.
 */
async function jobsOnce() {
	const newcomer = new Visitor(ORIGIN, ORIGIN, '127.0.0.6');
	const emails = Array.from({ length: 20 }, (_, i) => `scale-out-${i}@boutique.test`);
	const answers: Answer[] = [];
	for (const email of emails) {
		answers.push(await newcomer.post('/fr/register', { email, consent: 'on', locale: 'fr' }));
	}
	await jobsSettled([REGISTRATION_JOB, MAIL_JOB]);
	const sent = { a: mailsIn('a'), b: mailsIn('b') };
	const each = emails.map((e) => [...sent.a, ...sent.b].filter((to) => to === e).length);
	const byRunner = `a ${sent.a.filter((to) => emails.includes(to)).length}, b ${sent.b.filter((to) => emails.includes(to)).length}`;
	const jobs =
		await db!`SELECT kind, status, attempts FROM jobs WHERE kind IN ${db!([REGISTRATION_JOB, MAIL_JOB])}`;
	const unusual = jobs.filter((j) => j.status !== 'done' || j.attempts !== 1);
	check(
		answers.every((r) => r.status === 200) &&
			each.every((n) => n === 1) &&
			unusual.length === 0 &&
			bothServed(tally(answers)) &&
			!byRunner.includes(' 0'),
		'each e-mail sent once, by both runners',
		`20 registrations answered by ${show(tally(answers))}; e-mails per address: ${[...new Set(each)].join('/')}; ` +
			`sent by ${byRunner}; ${jobs.length} registration and mail jobs, ${unusual.length} not done in one attempt`
	);

	const now = new Date();
	const wall = parisWallClock(now);
	const minutes = wall.getHours() * 60 + wall.getMinutes();
	const due = DAILY_JOBS.filter((s) => {
		const [h, min] = s.at.split(':').map(Number);
		return minutes >= h * 60 + min;
	});
	await jobsSettled(due.map((s) => s.kind));
	const day = parisIsoDate(now);
	const rows = await db!`SELECT kind, key, status, attempts FROM jobs
		WHERE kind IN ${db!(DAILY_JOBS.map((s) => s.kind))}`;
	const once = due.map((s) => {
		const mine = rows.filter((r) => r.kind === s.kind);
		const ok =
			mine.length === 1 &&
			mine[0].key === `${s.kind}@${day}` &&
			mine[0].status === 'done' &&
			mine[0].attempts === 1;
		return { kind: s.kind, ok, seen: mine.map((r) => `${r.status}×${r.attempts}`).join('+') };
	});
	const notYet = DAILY_JOBS.filter((s) => !due.includes(s)).map((s) => `${s.kind} ${s.at}`);
	check(
		due.length > 0 && once.every((o) => o.ok),
		'each daily job due today enqueued and run once',
		`Paris ${String(wall.getHours()).padStart(2, '0')}:${String(wall.getMinutes()).padStart(2, '0')}: ` +
			once.map((o) => `${o.kind} ${o.seen || 'missing'}`).join(', ') +
			(notYet.length ? `; not due yet: ${notYet.join(', ')}` : '')
	);
}
