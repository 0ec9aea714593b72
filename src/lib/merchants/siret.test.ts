import { describe, expect, it } from 'vitest';
import { isValidSiret, luhnValid, makeSiret, normalizeSiret, siretProblem } from './siret';

describe('SIRET', () => {
	// Two real establishments; the second is the head office of La Poste (SIREN 356 000 000).
	it('accepts numbers that pass Luhn', () => {
		expect(isValidSiret('73282932000074')).toBe(true);
		expect(isValidSiret('35600000000048')).toBe(true);
	});

	it('accepts La Poste establishments by the sum-of-digits rule only', () => {
		expect(luhnValid('35600000009075')).toBe(false);
		expect(isValidSiret('35600000009075')).toBe(true);
		expect(isValidSiret('35600000009093')).toBe(true);
		expect(siretProblem('35600000009090')).toBe('checksum');
	});

	it('says what is wrong', () => {
		expect(siretProblem('7328293200007')).toBe('length');
		expect(siretProblem('7328293200007A')).toBe('digits');
		expect(siretProblem('73282932000075')).toBe('checksum');
	});

	it('ignores the spaces people type', () => {
		expect(normalizeSiret('732 829 320 00074')).toBe('73282932000074');
		expect(isValidSiret('732 829 320 00074')).toBe(true);
	});

	it('builds valid, distinct SIRETs for demo data', () => {
		const made = Array.from({ length: 500 }, (_, i) => makeSiret(10_000_000 + i * 7919));
		for (const s of made) {
			expect(s).toMatch(/^[0-9]{14}$/);
			expect(isValidSiret(s)).toBe(true);
			expect(luhnValid(s.slice(0, 9))).toBe(true);
		}
		expect(new Set(made).size).toBe(made.length);
	});
});
