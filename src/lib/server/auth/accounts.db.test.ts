import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../db/testing';
import { auditEvents, sessions, users } from '../db/schema';
import {
	accountProfile,
	changePassword,
	landingPath,
	logIn,
	setLocalePreference
} from './accounts';
import { createMerchantAccount } from './testing';
import { deleteAccount } from './personal-data';
import { createSession, generateSessionToken, validateSessionToken } from './session';

const t = await testDatabase();

const registration = (over: { email?: string; locale?: string } = {}) => ({
	email: 'Li.Wei@Example.fr',
	password: 'une phrase de passe solide',
	locale: 'zh',
	...over
});

describe('login', () => {
	const ip = '198.51.100.1';
	beforeAll(async () => {
		await createMerchantAccount(t.db, registration());
	});

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
		const created = await createMerchantAccount(
			t.db,
			registration({ email: 'inactive@example.fr' })
		);
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
		await createMerchantAccount(t.db, registration({ email: 'cleared@example.fr' }));
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
		const created = await createMerchantAccount(t.db, registration({ email: 'change@example.fr' }));
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
		const created = await createMerchantAccount(t.db, registration({ email: 'langue@example.fr' }));
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
		const created = await createMerchantAccount(
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
