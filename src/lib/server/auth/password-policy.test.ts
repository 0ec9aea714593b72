import { describe, expect, it } from 'vitest';
import { commonPasswordCount, isCommonPassword, newPasswordError } from './password-policy';

describe('password policy', () => {
	it('loads the common-password list without its comments', () => {
		expect(commonPasswordCount()).toBeGreaterThan(1000);
		expect(isCommonPassword('# Common passwords refused at registration')).toBe(false);
	});

	it('refuses short passwords, counting characters rather than bytes', () => {
		expect(newPasswordError('')).toBe('required');
		expect(newPasswordError('Tr0ub4dor')).toBe('password_too_short');
		expect(newPasswordError('Tr0ub4dor&')).toBeNull();
		expect(newPasswordError('我的密码很长但是九个')).toBeNull(); // 10 characters
		expect(newPasswordError('我的密码很长但是九')).toBe('password_too_short');
	});

	it('refuses very long passwords', () => {
		expect(newPasswordError('x7'.repeat(100))).toBeNull();
		expect(newPasswordError('x7'.repeat(100) + 'y')).toBe('password_too_long');
	});

	it('refuses common passwords whatever their case, and one repeated character', () => {
		for (const p of ['1234567890', 'QwertyUiop', 'azertyuiop', 'motdepasse', 'password123']) {
			expect(newPasswordError(p), p).toBe('password_common');
		}
		expect(newPasswordError('aaaaaaaaaaaa')).toBe('password_common');
		expect(newPasswordError('zzzzzzzzzzzzzzzzzzzzzzzz')).toBe('password_common');
		expect(newPasswordError('rue de Rivoli 2026')).toBeNull();
	});

	it('refuses the e-mail address as password', () => {
		expect(newPasswordError('Chen.Li@Example.fr', 'chen.li@example.fr')).toBe('password_is_email');
		expect(newPasswordError('Chen.Li@Example.fr', 'autre@example.fr')).toBeNull();
	});
});
