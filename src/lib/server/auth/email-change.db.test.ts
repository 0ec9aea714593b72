/**
 * Changing an account's e-mail address: a link to the new address (only its SHA-256 stored),
 * single-use, the last one asked for only, valid a day; confirmed, the address changes, the old
 * one is told, and the account signs in with the new one. Asking needs the password and is
 * rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, jobs, userTokens, users } from '../db/schema';
import { MAIL_JOB } from '../mail/outbox';
import { logIn } from './accounts';
import { createMerchantAccount } from './testing';
import {
	EMAIL_CHANGE_LINK_LIFETIME_MS,
	confirmEmailChange,
	emailChangeLink,
	requestEmailChange
} from './email-change';
import { EMAIL_CHANGE_REQUESTS } from './rate-limit';
import { userTokenId } from './user-tokens';
import type { SessionUser } from './session';

let t: TestDatabase;
const password = 'une phrase secrète assez longue';
const context = { ip: '203.0.113.7' };
process.env.ORIGIN = 'https://cashless.example.fr';

/** The account asks to move to `newEmail`, with its right password, from the test's address. */
const askChange = (user: SessionUser, newEmail: string, now?: Date) =>
	requestEmailChange(t.db, user, { newEmail, password, ...context }, now);

async function register(email: string, locale: 'zh' | 'fr' = 'fr'): Promise<SessionUser> {
	return (await createMerchantAccount(t.db, { email, password, locale })).user;
}
async function mails() {
	const rows = await t.db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB));
	return rows.map((r) => r.payload as { to: string; subject: string; text: string; kind: string });
}
/** The token of the last link e-mailed (the tests read it as its owner would, from the mail). */
async function lastLink(): Promise<string> {
	const mail = (await mails()).filter((m) => m.kind === 'email_change').at(-1)!;
	return /\/account\/email\/([A-Za-z0-9]+)/.exec(mail.text)![1];
}

beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(() => t?.close());

describe('asking for a new address', () => {
	it('checks the address and the password, and refuses an address another account has', async () => {
		const user = await register('lin@boutique.test', 'zh');
		await register('pris@boutique.test');
		const ask = (newEmail: string, pw = password) =>
			requestEmailChange(t.db, user, { newEmail, password: pw, ...context });
		expect(await ask('pas-une-adresse', '')).toMatchObject({
			ok: false,
			errors: { newEmail: 'email_invalid', emailPassword: 'required' }
		});
		expect(await ask(' LIN@boutique.test ')).toMatchObject({
			errors: { newEmail: 'email_same' }
		});
		expect(await ask('lin.nouveau@boutique.test', 'mauvais mot de passe')).toMatchObject({
			errors: { emailPassword: 'password_current_wrong' }
		});
		expect(await ask('PRIS@boutique.test')).toMatchObject({ errors: { newEmail: 'email_in_use' } });
		expect(
			await t.db.select().from(userTokens).where(eq(userTokens.kind, 'email_change'))
		).toHaveLength(0);
	});

	it('e-mails a link to the new address, in the account’s language, storing only its digest', async () => {
		const user = await register('wei@boutique.test', 'zh');
		await t.db.delete(jobs);
		const asked = await askChange(user, ' Wei.Nouveau@Boutique.test ');
		expect(asked).toEqual({ ok: true, email: 'wei.nouveau@boutique.test' });
		const [mail] = await mails();
		expect(mail).toMatchObject({ to: 'wei.nouveau@boutique.test', kind: 'email_change' });
		expect(mail.subject).toBe('请确认您的新邮箱');
		const token = await lastLink();
		expect(mail.text).toContain(`https://cashless.example.fr/zh/account/email/${token}`);
		const [stored] = await t.db
			.select()
			.from(userTokens)
			.where(and(eq(userTokens.userId, user.id), eq(userTokens.kind, 'email_change')));
		expect(stored).toMatchObject({
			id: userTokenId(token),
			kind: 'email_change',
			newEmail: 'wei.nouveau@boutique.test',
			usedAt: null
		});
		expect(stored.id).not.toContain(token);
		// Nothing changed yet: the old address still signs in.
		expect((await logIn(t.db, { email: 'wei@boutique.test', password, ...context })).ok).toBe(true);
	});

	it('is rate-limited per account', async () => {
		const user = await register('limite@boutique.test');
		const now = new Date('2026-11-30T10:00:00Z');
		for (let i = 0; i < EMAIL_CHANGE_REQUESTS.perAccount; i++) {
			const asked = await askChange(user, `limite${i}@boutique.test`, now);
			expect(asked.ok).toBe(true);
		}
		expect(await askChange(user, 'limite-trop@boutique.test', now)).toMatchObject({
			ok: false,
			errors: { form: 'rate_limited' },
			retryMinutes: 15
		});
	});
});

describe('confirming through the link', () => {
	it('changes the address once, tells the old one, and signs in with the new one only', async () => {
		const user = await register('chen@boutique.test');
		ok(await askChange(user, 'chen@atelier.test'));
		const token = await lastLink();
		expect(await emailChangeLink(t.db, token)).toEqual({ newEmail: 'chen@atelier.test' });
		await t.db.delete(jobs);

		expect(await confirmEmailChange(t.db, token)).toEqual({ ok: true, email: 'chen@atelier.test' });
		const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
		expect(row.email).toBe('chen@atelier.test');
		const [told] = await mails();
		expect(told).toMatchObject({ to: 'chen@boutique.test', kind: 'email_changed' });
		expect(told.text).toContain('c•••@atelier.test');
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.subjectUserId, user.id), eq(auditEvents.action, 'email_changed')));
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit[0])).not.toContain('atelier');

		// Single use.
		expect(await confirmEmailChange(t.db, token)).toEqual({
			ok: false,
			errors: { form: 'email_link_invalid' }
		});
		expect(await emailChangeLink(t.db, token)).toBeNull();
		expect((await logIn(t.db, { email: 'chen@atelier.test', password, ...context })).ok).toBe(true);
		expect((await logIn(t.db, { email: 'chen@boutique.test', password, ...context })).ok).toBe(
			false
		);
	});

	it('works only for the last link asked for, within a day', async () => {
		const user = await register('zhao@boutique.test');
		const now = new Date();
		ok(await askChange(user, 'zhao1@boutique.test', now));
		const first = await lastLink();
		ok(await askChange(user, 'zhao2@boutique.test', now));
		const second = await lastLink();
		expect(await confirmEmailChange(t.db, first, now)).toMatchObject({ ok: false });
		const late = new Date(now.getTime() + EMAIL_CHANGE_LINK_LIFETIME_MS + 1000);
		expect(await confirmEmailChange(t.db, second, late)).toMatchObject({
			ok: false,
			errors: { form: 'email_link_invalid' }
		});
		expect(await confirmEmailChange(t.db, second, now)).toEqual({
			ok: true,
			email: 'zhao2@boutique.test'
		});
	});

	it('refuses an address another account took after the link was sent', async () => {
		const user = await register('sun@boutique.test');
		ok(await askChange(user, 'sun@atelier.test'));
		const token = await lastLink();
		await register('sun@atelier.test');
		expect(await confirmEmailChange(t.db, token)).toEqual({
			ok: false,
			errors: { form: 'email_in_use' }
		});
		const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
		expect(row.email).toBe('sun@boutique.test');
	});
});

function ok(result: { ok: boolean }) {
	if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
}
