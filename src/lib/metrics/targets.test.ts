import { describe, expect, it } from 'vitest';
import { parseTarget } from './targets';

const TODAY = '2026-11-28';

describe('target form', () => {
	it('accepts the region or a département, a whole count and a future date', () => {
		expect(parseTarget({ scope: 'region', count: '1 500', date: '2027-12-31' }, TODAY)).toEqual({
			ok: true,
			input: { departement: null, targetCount: 1500, targetDate: '2027-12-31' }
		});
		expect(parseTarget({ scope: '93', count: '1,200', date: '2027-01-01' }, TODAY)).toEqual({
			ok: true,
			input: { departement: '93', targetCount: 1200, targetDate: '2027-01-01' }
		});
	});

	it('says what is wrong with each field', () => {
		expect(parseTarget({ scope: '13', count: '', date: '' }, TODAY)).toEqual({
			ok: false,
			errors: { scope: 'scope_invalid', count: 'count_required', date: 'date_required' }
		});
		expect(parseTarget({ scope: 'region', count: '12,5', date: '2026-02-30' }, TODAY)).toEqual({
			ok: false,
			errors: { count: 'count_invalid', date: 'date_invalid' }
		});
		expect(parseTarget({ scope: 'region', count: '0', date: TODAY }, TODAY)).toEqual({
			ok: false,
			errors: { count: 'count_invalid', date: 'date_past' }
		});
		expect(
			parseTarget({ scope: 'region', count: '2000000', date: '2027-01-01' }, TODAY)
		).toMatchObject({
			ok: false,
			errors: { count: 'count_invalid' }
		});
	});

	it('refuses a control character beside its field', () => {
		expect(
			parseTarget({ scope: 'region\u0000', count: '12\u0000', date: '2027-01-01' }, TODAY)
		).toEqual({
			ok: false,
			errors: { scope: 'control_character', count: 'control_character' }
		});
	});
});
