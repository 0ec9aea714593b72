/**
 * Password guesses slow an attacker down without locking the owner out: failures on an account
 * make the next guess wait longer, then lock it for unknown devices (its owner is e-mailed an
 * unlock link), but a browser that signed in before keeps its way in; and one address's guesses
 * never block other addresses. Guesses that arrive all at once, as from several app processes on
 * one database, are counted one by one.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { testDatabase } from '../db/testing';
import { rateLimits, userTokens, users } from '../db/schema';
import { logIn } from './accounts';
import { createMerchantAccount } from './testing';
import { rememberDevice } from './known-devices';
import { useUnlockLink } from './account-unlock';
import {
	ACCOUNT_GUESSES,
	PASSWORD_ATTEMPTS,
	accountKey,
	guessDelaySeconds,
	ipKey,
	passwordAttempt
} from './rate-limit';
import { generateSessionToken } from './session';
import { userTokenId } from './user-tokens';

const t = await testDatabase();

const password = 'une phrase de passe solide';

async function account(email: string): Promise<string> {
	const created = await createMerchantAccount(t.db, { email, password });
	return created.user.id;
}

/** Guesses a wrong password as slowly as the account allows, from a fresh address each time. */
async function failUntilLocked(email: string, start: number): Promise<number> {
	let at = start;
	for (let i = 0; i < ACCOUNT_GUESSES.lockAt; i++) {
		at += guessDelaySeconds(i) * 1000 + 1;
		const r = await logIn(
			t.db,
			{ email, password: `mauvais ${i}`, ip: `192.0.2.${i}` },
			new Date(at)
		);
		expect(r.ok).toBe(false);
	}
	return at;
}

describe('password guesses on one account', () => {
	it('wait longer after each failure past the first few, and the wait does not count', async () => {
		await account('slow@example.fr');
		const at = (ms: number) => new Date(Date.UTC(2030, 0, 1, 10) + ms);
		const guess = (pw: string, ms: number, ip = '192.0.2.1') =>
			logIn(t.db, { email: 'slow@example.fr', password: pw, ip }, at(ms));
		for (let i = 0; i < ACCOUNT_GUESSES.freeFailures; i++) {
			expect(await guess('mauvais', i)).toEqual({
				ok: false,
				errors: { form: 'credentials_invalid' }
			});
		}
		// Fifth failure at 4 ms: the next guess waits 1 s, even the right one, from any address.
		expect(await guess(password, 500, '203.0.113.5')).toEqual({
			ok: false,
			errors: { form: 'login_slowed' },
			retrySeconds: 1
		});
		expect((await guess('mauvais', 1_010)).ok).toBe(false);
		// Sixth failure: now 2 s.
		const slowed = await guess(password, 2_000);
		expect(slowed.ok === false && slowed.errors.form).toBe('login_slowed');
		expect((await guess(password, 3_020)).ok).toBe(true);
	});

	it('lock it for unknown devices, e-mail one unlock link, and the link lifts the lock', async () => {
		const userId = await account('locked@example.fr');
		const start = Date.UTC(2030, 1, 1, 10);
		const at = await failUntilLocked('locked@example.fr', start);

		const refused = await logIn(
			t.db,
			{ email: 'locked@example.fr', password, ip: '198.51.100.50' },
			new Date(at + 120_000)
		);
		expect(refused.ok === false && refused.errors.form).toBe('account_locked');
		expect(refused.ok === false && refused.retryMinutes).toBeGreaterThan(0);

		const links = await t.db
			.select({ id: userTokens.id })
			.from(userTokens)
			.where(and(eq(userTokens.userId, userId), eq(userTokens.kind, 'account_unlock')));
		expect(links).toHaveLength(1);

		// The link itself is only in the e-mail; here a link is made the same way to follow it.
		const token = generateSessionToken();
		await t.db.insert(userTokens).values({
			id: userTokenId(token),
			kind: 'account_unlock',
			userId,
			expiresAt: new Date(at + 3_600_000)
		});
		expect(await useUnlockLink(t.db, token, new Date(at + 130_000))).toBe(true);
		expect(await useUnlockLink(t.db, token, new Date(at + 131_000))).toBe(false);
		const after = await logIn(
			t.db,
			{ email: 'locked@example.fr', password, ip: '198.51.100.50' },
			new Date(at + 140_000)
		);
		expect(after.ok).toBe(true);
	});

	it('never refuse the right password from a device that signed in before', async () => {
		const userId = await account('owner@example.fr');
		const device = await rememberDevice(t.db, userId, undefined, new Date(Date.UTC(2030, 2, 1)));
		const at = await failUntilLocked('owner@example.fr', Date.UTC(2030, 2, 1, 10));
		const owner = await logIn(
			t.db,
			{ email: 'owner@example.fr', password, ip: '192.0.2.7', device },
			new Date(at + 1)
		);
		expect(owner.ok).toBe(true);
		// The device is known for its own account only.
		await account('other@example.fr');
		const elsewhere = await logIn(
			t.db,
			{ email: 'other@example.fr', password: 'mauvais', ip: '192.0.2.7', device },
			new Date(at + 2)
		);
		expect(elsewhere.ok === false && elsewhere.errors.form).toBe('credentials_invalid');
	});

	it('treat a known device like any other once it fails too often itself', async () => {
		const userId = await account('stolen@example.fr');
		const device = await rememberDevice(t.db, userId, undefined, new Date(Date.UTC(2030, 3, 1)));
		let at = Date.UTC(2030, 3, 1, 10);
		for (let i = 0; i < 10 + ACCOUNT_GUESSES.freeFailures; i++) {
			at += 31_000;
			const ip = '192.0.2.9';
			await logIn(t.db, { email: 'stolen@example.fr', password: 'x', ip, device }, new Date(at));
		}
		const next = await logIn(
			t.db,
			{ email: 'stolen@example.fr', password, ip: '192.0.2.9', device },
			new Date(at + 100)
		);
		expect(next.ok === false && next.errors.form).toBe('login_slowed');
	});
});

describe('password guesses from one address', () => {
	it('limit that address only: the same account from another address still gets in', async () => {
		const start = Date.UTC(2030, 4, 1, 10);
		for (let i = 0; i < PASSWORD_ATTEMPTS.perIp; i++) {
			await logIn(
				t.db,
				{ email: `nobody${i}@example.fr`, password: 'x', ip: '192.0.2.66' },
				new Date(start + i)
			);
		}
		await account('shared@example.fr');
		const fromThere = await logIn(
			t.db,
			{ email: 'shared@example.fr', password, ip: '192.0.2.66' },
			new Date(start + 1_000)
		);
		expect(fromThere.ok === false && fromThere.errors.form).toBe('rate_limited');
		const fromElsewhere = await logIn(
			t.db,
			{ email: 'shared@example.fr', password, ip: '192.0.2.67' },
			new Date(start + 1_000)
		);
		expect(fromElsewhere.ok).toBe(true);
		const [user] = await t.db.select().from(users).where(eq(users.email, 'shared@example.fr'));
		expect(user.active).toBe(true);
	});
});

describe('password guesses all at once (several app processes on one database)', () => {
	it('let through only the free failures of an account, the others wait', async () => {
		const now = new Date(Date.UTC(2030, 5, 1, 10));
		const verdicts = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				passwordAttempt(
					t.db,
					{ email: 'crowd@example.fr', ip: `198.51.100.${i}`, knownDevice: null },
					now
				)
			)
		);
		expect(verdicts.filter((v) => v.allowed)).toHaveLength(ACCOUNT_GUESSES.freeFailures);
		expect(verdicts.filter((v) => !v.allowed && v.reason === 'slowed')).toHaveLength(
			20 - ACCOUNT_GUESSES.freeFailures
		);
		const [counter] = await t.db
			.select({ count: rateLimits.count })
			.from(rateLimits)
			.where(eq(rateLimits.key, accountKey(PASSWORD_ATTEMPTS, 'crowd@example.fr')));
		expect(counter.count).toBe(ACCOUNT_GUESSES.freeFailures);
	});

	it('from one address, count each guess once: the limit refuses the same guess', async () => {
		const now = new Date(Date.UTC(2030, 5, 2, 10));
		const verdicts = await Promise.all(
			Array.from({ length: PASSWORD_ATTEMPTS.perIp + 10 }, (_, i) =>
				passwordAttempt(
					t.db,
					{ email: `crowd${i}@example.fr`, ip: '198.51.100.200', knownDevice: null },
					now
				)
			)
		);
		expect(verdicts.filter((v) => v.allowed)).toHaveLength(PASSWORD_ATTEMPTS.perIp);
		const [counter] = await t.db
			.select({ count: rateLimits.count })
			.from(rateLimits)
			.where(eq(rateLimits.key, ipKey(PASSWORD_ATTEMPTS, '198.51.100.200')));
		expect(counter.count).toBe(PASSWORD_ATTEMPTS.perIp + 10);
	});
});
