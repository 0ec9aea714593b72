import { describe, expect, it } from 'vitest';
import { testDatabase } from '../db/testing';
import { rateLimits } from '../db/schema';
import {
	PASSWORD_ATTEMPTS,
	RESET_REQUESTS,
	accountKey,
	attempt,
	countAttempt,
	ipKey,
	type RateLimitPolicy
} from './rate-limit';

const t = await testDatabase();

const start = new Date('2030-05-01T08:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const WINDOW = 15 * 60_000;

describe('rate-limit counters in the database', () => {
	it('counts in a fixed window and starts again once it has ended', async () => {
		// [attempt at (minutes), its window's start (minutes), the count in that window]
		const expected = [
			[0, 0, 1],
			[5, 0, 2],
			[14.9, 0, 3],
			[15, 15, 1]
		];
		for (const [minutes, windowStart, count] of expected) {
			expect(await countAttempt(t.db, 'test:a', WINDOW, at(minutes))).toEqual({
				windowStart: at(windowStart),
				count
			});
		}
	});

	it('adds up the attempts on one account from any address, and of one address on any account', async () => {
		const policy: RateLimitPolicy = { name: 'shared', windowMs: WINDOW, perAccount: 3, perIp: 5 };
		const results = [];
		for (let i = 0; i < 4; i++) {
			results.push(
				(await attempt(t.db, policy, { email: 'a@example.fr', ip: `10.0.0.${i}` }, at(1))).allowed
			);
		}
		expect(results).toEqual([true, true, true, false]);
		const ipResults = [];
		for (let i = 0; i < 6; i++) {
			ipResults.push(
				(await attempt(t.db, policy, { email: `u${i}@example.fr`, ip: '10.9.9.9' }, at(1))).allowed
			);
		}
		expect(ipResults).toEqual([true, true, true, true, true, false]);
		// The counters live in the table (any app server reads the same rows), under digests.
		const rows = await t.db.select().from(rateLimits);
		const keys = rows.map((r) => r.key);
		expect(keys).toContain(accountKey(policy, 'a@example.fr'));
		expect(keys).toContain(ipKey(policy, '10.9.9.9'));
		expect(keys.join(' ')).not.toMatch(/example|10\.9/);
	});

	it('says how long to wait, and forgets the window once it has passed', async () => {
		const policy: RateLimitPolicy = { name: 'wait', windowMs: WINDOW, perAccount: 1, perIp: 100 };
		const who = { email: 'w@example.fr', ip: '10.1.1.1' };
		expect((await attempt(t.db, policy, who, at(0))).allowed).toBe(true);
		expect(await attempt(t.db, policy, who, at(4))).toEqual({ allowed: false, retryMinutes: 11 });
		expect((await attempt(t.db, policy, who, at(15))).allowed).toBe(true);
	});

	it('never lets more than the limit through, even all at once', async () => {
		const policy: RateLimitPolicy = {
			name: 'burst',
			windowMs: WINDOW,
			perAccount: 10,
			perIp: 1000
		};
		const verdicts = await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				attempt(t.db, policy, { email: 'burst@example.fr', ip: `10.2.0.${i}` }, at(2))
			)
		);
		expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
	});

	it('a success clears the account and gives the address its attempt back', async () => {
		const who = { email: 'ok@example.fr', ip: '10.3.3.3' };
		await attempt(t.db, PASSWORD_ATTEMPTS, who, at(0));
		const verdict = await attempt(t.db, PASSWORD_ATTEMPTS, who, at(1));
		if (!verdict.allowed) throw new Error('expected allowed');
		await verdict.succeeded();
		const rows = await t.db.select().from(rateLimits);
		expect(rows.find((r) => r.key === accountKey(PASSWORD_ATTEMPTS, who.email))).toBeUndefined();
		expect(rows.find((r) => r.key === ipKey(PASSWORD_ATTEMPTS, who.ip))?.count).toBe(1);
		expect(RESET_REQUESTS.perAccount).toBeLessThan(PASSWORD_ATTEMPTS.perAccount);
	});

	it('purges counters older than an hour', async () => {
		await countAttempt(t.db, 'test:old', WINDOW, at(0));
		await attempt(t.db, PASSWORD_ATTEMPTS, { email: 'p@example.fr', ip: '10.4.4.4' }, at(61));
		const keys = (await t.db.select().from(rateLimits)).map((r) => r.key);
		expect(keys).not.toContain('test:old');
	});
});
