/**
 * The checks of `npm run scale-out` (scripts/scale-out.ts starts the processes, the proxy and the
 * database, then calls these in order): each sends requests through the proxy or straight to one
 * process, reads the database, and reports PASS or FAIL through `run.check`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type postgres from 'postgres';
import * as m from '../src/lib/paraglide/messages';
import { DAILY_JOBS } from '../src/lib/server/jobs';
import { MAIL_JOB } from '../src/lib/server/mail/outbox';
import { REGISTRATION_JOB } from '../src/lib/server/auth/registration';
import { PASSWORD_ATTEMPTS, accountKey, ipKey } from '../src/lib/server/auth/rate-limit';
import { VERSION_CHECK_MS } from '../src/lib/server/merchants/listing-index';
import { parisIsoDate } from '../src/lib/i18n/format';
import { parisWallClock } from '../src/lib/hours/open-now';
import { DEMO_ACCOUNTS } from './demo/seed';
import { Visitor, type Answer } from './scale-out-http';
import { sleep, type AppProcess } from './throwaway-stack';

/** An approval on one process must be on the other's listing index within this time. */
export const VISIBLE_WITHIN_MS = 5_000;

/** What the checks share with the script that runs them. */
export interface ScaleOutRun {
	/** The proxy's address: the site's ORIGIN. */
	origin: string;
	/** The run's folder: each process's outbox is `mail-<id>` in it. */
	work: string;
	db: postgres.Sql;
	check: (pass: boolean, name: string, detail: string) => void;
	log: (text: string) => void;
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

/** 1. Requests through the proxy are answered by both processes. */
export async function spread(run: ScaleOutRun) {
	const visitor = new Visitor(run.origin, run.origin, '127.0.0.2');
	const paths = ['/fr', '/zh', '/fr?q=pharmacie', '/api/map?bbox=2.25,48.81,2.42,48.90&zoom=13'];
	const answers: Answer[] = [];
	for (let i = 0; i < 40; i++) answers.push(await visitor.get(paths[i % paths.length]));
	const by = tally(answers);
	const ok = answers.every((r) => r.status === 200);
	const share = Math.min(by.get('a') ?? 0, by.get('b') ?? 0) / answers.length;
	run.check(
		ok && share >= 0.25,
		'requests spread across both processes',
		`40 anonymous pages and map data: ${show(by)} (all 200: ${ok})`
	);
}

/** 2. Signed in through one process, recognised by the other: sessions are in the database. */
export async function sessionsShared(run: ScaleOutRun): Promise<Visitor> {
	const official = new Visitor(run.origin, run.origin, '127.0.0.3');
	const who = DEMO_ACCOUNTS.find((account) => account.role === 'official')!;
	const login = await official.post('/fr/login', { email: who.email, password: who.password });
	if (login.status !== 303) throw new Error(`the official's login was refused (${login.status})`);
	const pages: Answer[] = [];
	for (let i = 0; i < 4; i++) pages.push(await official.get('/fr/admin/queue'));
	const by = tally(pages);
	run.check(
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
export async function decisionsVisible(
	run: ScaleOutRun,
	official: Visitor,
	byId: Record<string, AppProcess>
) {
	const pending = await run.db`SELECT id, version FROM merchants
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
		const [stored] = await run.db`SELECT status FROM merchants WHERE id = ${row.id}`;
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
		run.log(
			`#${row.id} approved on ${decision.servedBy}, on ${other.env.INSTANCE_ID} after ${seen ? seen - decidedAt : 'never (20 s)'} ms`
		);
	}
	const worst = Math.max(...delays);
	run.check(
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

async function counter(run: ScaleOutRun, key: string): Promise<number> {
	const [row] = await run.db`SELECT count FROM rate_limits WHERE key = ${key}`;
	return row ? Number(row.count) : 0;
}

/**
 * 4. One address guesses passwords of many accounts through the proxy, forging a different
 * X-Forwarded-For each time: refused at the same attempt as on one process (perIp + 1).
 */
export async function addressLimit(run: ScaleOutRun) {
	const guesser = new Visitor(run.origin, run.origin, '127.0.0.4');
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
	const counted = await counter(run, ipKey(PASSWORD_ATTEMPTS, guesser.address));
	const forged = await counter(run, ipKey(PASSWORD_ATTEMPTS, '203.0.113.1'));
	const by = tally(answers);
	run.check(
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
export async function accountLimit(run: ScaleOutRun) {
	const guesser = new Visitor(run.origin, run.origin, '127.0.0.5');
	const account = DEMO_ACCOUNTS.find((a) => a.email.startsWith('hotel@'))!;
	const answers: Answer[] = [];
	let lastCountedAt = 0;
	for (let i = 0; i < 5; i++) {
		lastCountedAt = Date.now();
		answers.push(
			await guesser.post('/fr/login', { email: account.email, password: `faux-${i}-mot-de-passe` })
		);
	}
	const counted = await counter(run, accountKey(PASSWORD_ATTEMPTS, account.email));
	const sixth = await guesser.post('/fr/login', { email: account.email, password: 'faux-6' });
	const within = Date.now() - lastCountedAt < 1_000;
	const verdicts = answers.map(loginRefusal);
	const by = tally([...answers, sixth]);
	run.check(
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
async function jobsSettled(run: ScaleOutRun, kinds: string[]): Promise<void> {
	for (const until = Date.now() + 90_000; Date.now() < until; await sleep(500)) {
		const [{ n }] = await run.db`SELECT count(*)::int AS n FROM jobs
			WHERE kind IN ${run.db(kinds)} AND status IN ('pending', 'running')`;
		if (n === 0) return;
	}
}

/** The e-mails a process's outbox folder holds, by recipient. */
function mailsIn(run: ScaleOutRun, id: string): string[] {
	const folder = join(run.work, `mail-${id}`);
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
export async function jobsOnce(run: ScaleOutRun) {
	const newcomer = new Visitor(run.origin, run.origin, '127.0.0.6');
	const emails = Array.from({ length: 20 }, (_, i) => `scale-out-${i}@boutique.test`);
	const answers: Answer[] = [];
	for (const email of emails) {
		answers.push(await newcomer.post('/fr/register', { email, consent: 'on', locale: 'fr' }));
	}
	await jobsSettled(run, [REGISTRATION_JOB, MAIL_JOB]);
	const sent = { a: mailsIn(run, 'a'), b: mailsIn(run, 'b') };
	const each = emails.map((e) => [...sent.a, ...sent.b].filter((to) => to === e).length);
	const byRunner = `a ${sent.a.filter((to) => emails.includes(to)).length}, b ${sent.b.filter((to) => emails.includes(to)).length}`;
	const jobs =
		await run.db`SELECT kind, status, attempts FROM jobs WHERE kind IN ${run.db([REGISTRATION_JOB, MAIL_JOB])}`;
	const unusual = jobs.filter((j) => j.status !== 'done' || j.attempts !== 1);
	run.check(
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
	await jobsSettled(
		run,
		due.map((s) => s.kind)
	);
	const day = parisIsoDate(now);
	const rows = await run.db`SELECT kind, key, status, attempts FROM jobs
		WHERE kind IN ${run.db(DAILY_JOBS.map((s) => s.kind))}`;
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
	run.check(
		due.length > 0 && once.every((o) => o.ok),
		'each daily job due today enqueued and run once',
		`Paris ${String(wall.getHours()).padStart(2, '0')}:${String(wall.getMinutes()).padStart(2, '0')}: ` +
			once.map((o) => `${o.kind} ${o.seen || 'missing'}`).join(', ') +
			(notYet.length ? `; not due yet: ${notYet.join(', ')}` : '')
	);
}
