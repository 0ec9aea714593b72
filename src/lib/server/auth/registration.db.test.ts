import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, jobs, rateLimits, userTokens, users } from '../db/schema';
import { MAIL_JOB } from '../mail/outbox';
import { JobRunner } from '../jobs/runner';
import { logIn } from './accounts';
import {
	REGISTRATION_LINK_LIFETIME_MS,
	REGISTRATION_JOB,
	completeRegistration,
	registerMerchant,
	registrationJob,
	registrationAccount,
	type Registration
} from './registration';
import { REGISTRATIONS } from './rate-limit';
import { createMerchantAccount } from './testing';

// E-mailed links come from ORIGIN only (never a request's Host).
process.env.ORIGIN = 'https://cashless.example.fr';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
	await createMerchantAccount(t.db, {
		email: 'deja@example.fr',
		password: 'une phrase de passe solide',
		locale: 'zh'
	});
});
beforeEach(async () => {
	await t.db.delete(jobs);
	await t.db.delete(rateLimits);
});
afterAll(async () => {
	await t?.close();
});

let ipCounter = 0;
/** Runs the registration jobs queued (and leaves the e-mails queued, to be read). */
const runJobs = () =>
	new JobRunner(t.db, {
		handlers: { [REGISTRATION_JOB]: registrationJob, [MAIL_JOB]: { run: async () => {} } }
	}).runDue();
const ask = async (over: Partial<Registration> = {}, now = new Date()) => {
	const answer = await answerOf(over, now);
	await runJobs();
	return answer;
};
const answerOf = (over: Partial<Registration> = {}, now = new Date()) =>
	registerMerchant(
		t.db,
		{
			email: 'nouveau@example.fr',
			locale: 'fr',
			consent: true,
			ip: `192.0.2.${++ipCounter}`,
			...over
		},
		now
	);

async function mails() {
	const rows = await t.db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB));
	return rows.map((r) => r.payload as { to: string; subject: string; text: string; kind: string });
}
const linkIn = (text: string) =>
	text.match(/https:\/\/cashless\.example\.fr\/\S+\/register\/(\S+)/)?.[1];

async function accountRow(email: string) {
	const [row] = await t.db.select().from(users).where(eq(users.email, email));
	return row;
}

describe('registration', () => {
	it('answers the same for a new and a taken address, and e-mails the owner instead', async () => {
		const before = await accountRow('deja@example.fr');
		const fresh = await answerOf({ email: 'Nouveau@Example.fr ' });
		const taken = await answerOf({ email: ' DEJA@example.fr' });
		expect(fresh).toEqual({ ok: true, email: 'nouveau@example.fr' });
		expect(taken).toEqual({ ok: true, email: 'deja@example.fr' });
		// Before the answer, the same work either way: one job, its label without the address.
		const queued = await t.db.select().from(jobs);
		expect(queued.map((j) => [j.kind, j.label])).toEqual([
			[REGISTRATION_JOB, 'registration → n•••@example.fr'],
			[REGISTRATION_JOB, 'registration → d•••@example.fr']
		]);
		await runJobs();
		const done = await t.db.select().from(jobs).where(eq(jobs.kind, REGISTRATION_JOB));
		expect(done.map((j) => [j.status, j.payload])).toEqual([
			['done', {}],
			['done', {}]
		]);

		const sent = (await mails()).sort((a, b) => a.kind.localeCompare(b.kind));
		expect(sent.map((m) => [m.kind, m.to])).toEqual([
			['registration', 'nouveau@example.fr'],
			['registration_attempt', 'deja@example.fr']
		]);
		// The new address gets its link in the language it chose, on ORIGIN.
		expect(sent[0].text).toContain('https://cashless.example.fr/fr/register/');
		// The owner, in the account's language, gets the ways in — and no link that sets a password.
		expect(sent[1].text).toContain('https://cashless.example.fr/zh/login');
		expect(sent[1].text).toContain('https://cashless.example.fr/zh/forgot-password');
		expect(linkIn(sent[1].text)).toBeUndefined();
		// Nothing changed for the existing account.
		expect(await accountRow('deja@example.fr')).toEqual(before);

		// The new account exists without a password: nobody can log in until the link is used.
		const created = await accountRow('nouveau@example.fr');
		expect(created).toMatchObject({ role: 'merchant', locale: 'fr', passwordHash: null });
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.subjectUserId, created.id));
		expect(audit.map((a) => a.action)).toEqual(['account_created']);
		expect(JSON.stringify(audit[0].after)).not.toContain('example.fr');
	});

	it('the e-mailed link chooses the password, signs up once and is then dead', async () => {
		await ask({ email: 'lien@example.fr', locale: 'zh' });
		const token = linkIn((await mails())[0].text)!;
		expect(await registrationAccount(t.db, token)).toMatchObject({
			email: 'lien@example.fr',
			locale: 'zh'
		});
		const weak = await completeRegistration(t.db, {
			token,
			password: 'motdepasse',
			passwordConfirm: 'motdepasse'
		});
		expect(weak).toMatchObject({ ok: false, errors: { password: 'password_common' } });
		const input = {
			token,
			password: 'lanterne rouge 2026',
			passwordConfirm: 'lanterne rouge 2026'
		};
		const [first, second] = await Promise.all([
			completeRegistration(t.db, input),
			completeRegistration(t.db, input)
		]);
		expect([first.ok, second.ok].sort()).toEqual([false, true]);
		expect(await registrationAccount(t.db, token)).toBeNull();
		const login = await logIn(t.db, {
			email: 'lien@example.fr',
			password: 'lanterne rouge 2026',
			ip: '198.51.100.7'
		});
		expect(login.ok && login.user.locale).toBe('zh');
		const row = await accountRow('lien@example.fr');
		const actions = await t.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.subjectUserId, row.id));
		expect(actions.map((a) => a.action)).toEqual(['account_created', 'registration_completed']);
	});

	it('registering again before the link is used sends a new link; the old one dies', async () => {
		await ask({ email: 'encore@example.fr' });
		const old = linkIn((await mails())[0].text)!;
		await t.db.delete(jobs);
		await ask({ email: 'encore@example.fr' });
		const sent = await mails();
		expect(sent.map((m) => m.kind)).toEqual(['registration']);
		const renewed = linkIn(sent[0].text)!;
		expect(renewed).not.toBe(old);
		expect(await registrationAccount(t.db, old)).toBeNull();
		expect(await registrationAccount(t.db, renewed)).not.toBeNull();
		const rows = await t.db.select().from(users).where(eq(users.email, 'encore@example.fr'));
		expect(rows).toHaveLength(1);
	});

	it('a link is valid 24 hours', async () => {
		const now = new Date('2031-03-01T08:00:00Z');
		await ask({ email: 'expire@example.fr' }, now);
		const token = linkIn((await mails())[0].text)!;
		const later = new Date(now.getTime() + REGISTRATION_LINK_LIFETIME_MS + 1000);
		expect(await registrationAccount(t.db, token, later)).toBeNull();
		const done = await completeRegistration(
			t.db,
			{ token, password: 'lanterne rouge 2026', passwordConfirm: 'lanterne rouge 2026' },
			later
		);
		expect(done).toEqual({ ok: false, errors: { form: 'reset_link_invalid' } });
	});

	it('a deactivated account gets the same answer and no e-mail', async () => {
		await t.db.insert(users).values({ email: 'ferme@example.fr', role: 'official', active: false });
		expect(await ask({ email: 'ferme@example.fr' })).toEqual({
			ok: true,
			email: 'ferme@example.fr'
		});
		expect(await mails()).toEqual([]);
	});

	it('keeps one account when one new address registers twice at once', async () => {
		const results = await Promise.all([
			ask({ email: 'deux@example.fr' }),
			ask({ email: 'deux@example.fr' })
		]);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(await t.db.select().from(users).where(eq(users.email, 'deux@example.fr'))).toHaveLength(
			1
		);
		expect((await mails()).map((m) => m.kind).sort()).toEqual(['registration', 'registration']);
	});

	it('says what is wrong with each field, and writes nothing', async () => {
		const count = async () => ({
			users: (await t.db.select().from(users)).length,
			tokens: (await t.db.select().from(userTokens)).length,
			jobs: (await t.db.select().from(jobs)).length,
			limits: (await t.db.select().from(rateLimits)).length
		});
		const before = await count();
		expect(await ask({ email: 'pas-une-adresse', locale: 'en', consent: false })).toEqual({
			ok: false,
			errors: { email: 'email_invalid', locale: 'locale_invalid', consent: 'consent_required' }
		});
		expect(await count()).toEqual(before);
	});

	it('is rate-limited per address and per IP, the same way for new and taken addresses', async () => {
		const now = new Date('2031-04-01T08:00:00Z');
		for (const email of ['limite@example.fr', 'deja@example.fr']) {
			for (let i = 0; i < REGISTRATIONS.perAccount; i++) {
				expect((await ask({ email }, now)).ok).toBe(true);
			}
			expect(await ask({ email }, now)).toEqual({
				ok: false,
				errors: { form: 'rate_limited' },
				retryMinutes: 15
			});
		}
		const ip = '203.0.113.50';
		for (let i = 0; i < REGISTRATIONS.perIp; i++) {
			expect((await ask({ email: `ip${i}@example.fr`, ip }, now)).ok).toBe(true);
		}
		const over = await ask({ email: 'encore-une@example.fr', ip }, now);
		expect(over).toMatchObject({ ok: false, errors: { form: 'rate_limited' } });
		expect(await accountRow('encore-une@example.fr')).toBeUndefined();
	});
});
