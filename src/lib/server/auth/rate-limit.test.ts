import { describe, expect, it } from 'vitest';
import { PASSWORD_ATTEMPTS, RESET_REQUESTS, accountKey, ipKey, minutesToWait } from './rate-limit';

const start = new Date('2026-03-01T10:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const WINDOW = 15 * 60_000;

describe('rate-limit windows', () => {
	it('says how many whole minutes are left, at least one', () => {
		expect(minutesToWait(start, WINDOW, start)).toBe(15);
		expect(minutesToWait(start, WINDOW, at(0.5))).toBe(15);
		expect(minutesToWait(start, WINDOW, at(1))).toBe(14);
		expect(minutesToWait(start, WINDOW, at(14.9))).toBe(1);
		expect(minutesToWait(start, WINDOW, at(20))).toBe(1);
	});

	it('keys hold digests, one per policy, whatever the e-mail case', () => {
		const key = accountKey(PASSWORD_ATTEMPTS, ' Chen@Example.fr ');
		expect(key).toBe(accountKey(PASSWORD_ATTEMPTS, 'chen@example.fr'));
		expect(key).toMatch(/^password:account:[0-9a-f]{64}$/);
		expect(key).not.toContain('chen');
		expect(accountKey(RESET_REQUESTS, 'chen@example.fr')).not.toBe(key);
		expect(ipKey(PASSWORD_ATTEMPTS, '203.0.113.7')).not.toContain('203');
	});
});
