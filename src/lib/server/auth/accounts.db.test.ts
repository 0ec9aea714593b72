import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, sessions, users } from '../db/schema';
import {
	accountProfile,
	changePassword,
	landingPath,
	logIn,
	registerMerchant,
	setLocalePreference,
	type Registration
} from './accounts';
import { deleteAccount } from './personal-data';
import { createSession, generateSessionToken, validateSessionToken } from './session';

let t: TestDatabase;
beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const registration = (over: Partial<Registration> = {}): Registration => ({
	email: 'Li.Wei@Example.fr',
	password: 'une phrase de passe solide',
	passwordConfirm: 'une phrase de passe solide',
	locale: 'zh',
	consent: true,
	...over
});

describe('registration', () => {
	it('creates a merchant account, e-mail in lower case, and records the consent', async () => {
		const result = await registerMerchant(t.db, registration());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.user).toMatchObject({
			email: 'li.wei@example.fr',
			role: 'merchant',
			locale: 'zh'
		});
		const [row] = await t.db.select().from(users).where(eq(users.id, result.user.id));
		expect(row.passwordHash).toMatch(/^\$argon2id\$/);
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.subjectUserId, result.user.id));
		expect(audit).toHaveLength(1);
		expect(audit[0].action).toBe('account_created');
		expect(JSON.stringify(audit[0].after)).not.toContain('example.fr');
	});

	it('refuses an address already taken, whatever its case', async () => {
		const result = await registerMerchant(t.db, registration({ email: ' LI.WEI@EXAMPLE.FR ' }));
		expect(result).toEqual({
			ok: false,
			errors: expect.objectContaining({ email: 'email_taken' })
		});
		const rows = await t.db.select().from(users);
		expect(rows.filter((u) => u.email.toLowerCase() === 'li.wei@example.fr')).toHaveLength(1);
	});

	it('refuses an address registered in another case by someone else (database constraint)', async () => {
		await t.db.insert(users).values({ email: 'Mixed.Case@Example.fr' });
		const result = await registerMerchant(t.db, registration({ email: 'mixed.case@example.fr' }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors.email).toBe('email_taken');
	});

	it('keeps one account when the same address registers twice at once', async () => {
		const input = registration({ email: 'twice@example.fr' });
		const results = await Promise.all([
			registerMerchant(t.db, input),
			registerMerchant(t.db, input)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const refused = results.find((r) => !r.ok);
		expect(refused && !refused.ok && refused.errors.email).toBe('email_taken');
	});

	it('says what is wrong with each field', async () => {
		const result = await registerMerchant(t.db, {
			email: 'not-an-address',
			password: 'short',
			passwordConfirm: 'other',
			locale: 'en',
			consent: false
		});
		expect(result).toEqual({
			ok: false,
			errors: {
				email: 'email_invalid',
				password: 'password_too_short',
				passwordConfirm: 'password_mismatch',
				locale: 'locale_invalid',
				consent: 'consent_required'
			}
		});
		const common = await registerMerchant(
			t.db,
			registration({ email: 'x@example.fr', password: '1234567890', passwordConfirm: '1234567890' })
		);
		expect(common.ok === false && common.errors.password).toBe('password_common');
	});
});

describe('login', () => {
	const ip = '198.51.100.1';

	it('logs in with the right password, whatever the e-mail case', async () => {
		const result = await logIn(t.db, {
			email: 'LI.WEI@example.fr ',
			password: 'une phrase de passe solide',
			ip
		});
		expect(result.ok && result.user.email).toBe('li.wei@example.fr');
		expect(landingPath('merchant')).toBe('/merchant');
		expect(landingPath('official')).toBe('/admin');
		expect(landingPath('admin')).toBe('/admin');
	});

	it('gives the same answer for a wrong password and an unknown address', async () => {
		const wrong = await logIn(t.db, {
			email: 'li.wei@example.fr',
			password: 'pas le bon mot',
			ip
		});
		const unknown = await logIn(t.db, {
			email: 'nobody@example.fr',
			password: 'pas le bon mot',
			ip
		});
		expect(wrong).toEqual({ ok: false, errors: { form: 'credentials_invalid' } });
		expect(unknown).toEqual(wrong);
	});

	it('asks for both fields', async () => {
		expect(await logIn(t.db, { email: '', password: '', ip })).toEqual({
			ok: false,
			errors: { email: 'required', password: 'required' }
		});
	});

	it('refuses deactivated and erased accounts like a wrong password', async () => {
		const created = await registerMerchant(t.db, registration({ email: 'inactive@example.fr' }));
		if (!created.ok) throw new Error('setup');
		await t.db.update(users).set({ active: false }).where(eq(users.id, created.user.id));
		const result = await logIn(t.db, {
			email: 'inactive@example.fr',
			password: 'une phrase de passe solide',
			ip
		});
		expect(result).toEqual({ ok: false, errors: { form: 'credentials_invalid' } });
	});

	it('a successful login clears the account counter', async () => {
		await registerMerchant(t.db, registration({ email: 'cleared@example.fr' }));
		// A minute apart: past the first failures, each guess waits longer (login-limits.db.test.ts).
		let at = new Date('2030-02-01T10:00:00Z').getTime();
		const login = (password: string) => {
			at += 61_000;
			return logIn(
				t.db,
				{ email: 'cleared@example.fr', password, ip: '192.0.2.200' },
				new Date(at)
			);
		};
		for (let i = 0; i < 9; i++) await login('mauvais mot de passe');
		expect((await login('une phrase de passe solide')).ok).toBe(true);
		for (let i = 0; i < 9; i++) await login('mauvais mot de passe');
		expect((await login('une phrase de passe solide')).ok).toBe(true);
	});
});

describe('password change', () => {
	it('checks the current password, then ends every session of the account', async () => {
		const created = await registerMerchant(t.db, registration({ email: 'change@example.fr' }));
		if (!created.ok) throw new Error('setup');
		const user = created.user;
		const tokens = [generateSessionToken(), generateSessionToken()];
		for (const token of tokens) await createSession(t.db, token, user.id);

		const wrong = await changePassword(t.db, user, {
			current: 'pas le bon',
			password: 'nouvelle phrase secrète',
			passwordConfirm: 'nouvelle phrase secrète',
			ip: '198.51.100.9'
		});
		expect(wrong).toEqual({ ok: false, errors: { current: 'password_current_wrong' } });
		expect((await validateSessionToken(t.db, tokens[0])).session).not.toBeNull();

		const weak = await changePassword(t.db, user, {
			current: 'une phrase de passe solide',
			password: 'motdepasse',
			passwordConfirm: 'motdepasse',
			ip: '198.51.100.9'
		});
		expect(weak.ok === false && weak.errors.password).toBe('password_common');

		const done = await changePassword(t.db, user, {
			current: 'une phrase de passe solide',
			password: 'nouvelle phrase secrète',
			passwordConfirm: 'nouvelle phrase secrète',
			ip: '198.51.100.9'
		});
		expect(done).toEqual({ ok: true });
		for (const token of tokens) {
			expect((await validateSessionToken(t.db, token)).session).toBeNull();
		}
		expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
		const ip = '198.51.100.10';
		expect(
			(await logIn(t.db, { email: user.email, password: 'une phrase de passe solide', ip })).ok
		).toBe(false);
		expect(
			(await logIn(t.db, { email: user.email, password: 'nouvelle phrase secrète', ip })).ok
		).toBe(true);
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.subjectUserId, user.id));
		expect(audit.map((a) => a.action)).toContain('password_changed');
	});
});

describe('language preference', () => {
	it('accepts zh and fr only', async () => {
		const created = await registerMerchant(t.db, registration({ email: 'langue@example.fr' }));
		if (!created.ok) throw new Error('setup');
		expect(await setLocalePreference(t.db, created.user.id, 'fr')).toEqual({ ok: true });
		expect(await setLocalePreference(t.db, created.user.id, 'de')).toEqual({
			ok: false,
			errors: { locale: 'locale_invalid' }
		});
		const [row] = await t.db.select().from(users).where(eq(users.id, created.user.id));
		expect(row.locale).toBe('fr');
	});
});

describe('account profile', () => {
	it('shows the live account and nothing once it is erased', async () => {
		const created = await registerMerchant(
			t.db,
			registration({ email: 'Profil@Example.fr', locale: 'fr' })
		);
		if (!created.ok) throw new Error('setup');
		const profile = await accountProfile(t.db, created.user.id);
		expect(profile).toMatchObject({ email: 'profil@example.fr', role: 'merchant', locale: 'fr' });
		expect(profile?.createdAt).toBeInstanceOf(Date);
		const deleted = await deleteAccount(t.db, created.user, {
			password: registration().password,
			ip: '203.0.113.9'
		});
		expect(deleted.ok).toBe(true);
		expect(await accountProfile(t.db, created.user.id)).toBeNull();
	});
});
