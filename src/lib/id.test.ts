import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_ID, isId, parseId } from './id';

describe('ids in URLs and forms', () => {
	it('reads positive integers that fit PostgreSQL integer', () => {
		expect(parseId('1')).toBe(1);
		expect(parseId('42')).toBe(42);
		expect(parseId(String(MAX_ID))).toBe(MAX_ID);
	});

	it.each([
		'',
		'0',
		'-1',
		'+1',
		'01',
		'007',
		' 1',
		'1 ',
		'1.0',
		'1e3',
		'0x10',
		'١٢',
		'2147483648',
		'99999999999',
		'9'.repeat(400),
		'1\u0000',
		'Infinity',
		'NaN'
	])('refuses %j', (value) => {
		expect(parseId(value)).toBeNull();
		expect(isId(value)).toBe(false);
	});

	it('refuses what is not a string', () => {
		expect(parseId(null)).toBeNull();
		expect(parseId(undefined)).toBeNull();
	});

	it('round-trips every valid id and never throws', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: MAX_ID }), (id) => {
				expect(parseId(String(id))).toBe(id);
			})
		);
		fc.assert(
			fc.property(fc.string(), (s) => {
				const id = parseId(s);
				expect(id === null || (Number.isInteger(id) && id >= 1 && id <= MAX_ID)).toBe(true);
			})
		);
	});
});
