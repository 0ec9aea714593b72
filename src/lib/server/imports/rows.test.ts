import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAcquirerCsv } from './csv';
import { booleanOf, categoryOf, checkImportRow, paymentMethodsOf } from './rows';

const sample = await readAcquirerCsv(readFileSync('docs/samples/acquirer-sample.csv', 'utf8'));
const rows = sample.ok ? sample.rows : [];
const check = (i: number) => checkImportRow(rows[i], 'Acquéreur Test');

describe('checking an import row', () => {
	it('reads categories, payment methods and yes/no cells as acquirers write them', () => {
		expect(categoryOf('Restaurants et cafés')).toBe('restaurant_cafe');
		expect(categoryOf('restaurant_cafe')).toBe('restaurant_cafe');
		expect(categoryOf('酒店')).toBe('hotel');
		expect(categoryOf('Boulangerie industrielle')).toBeNull();
		expect(paymentMethodsOf('Alipay|WeChat Pay')).toBe('alipay,wechat_pay');
		expect(paymentMethodsOf('Alipay+ / unionpay')).toBe('alipay_plus,unionpay');
		expect(paymentMethodsOf('')).toBe('alipay');
		expect(booleanOf('Oui')).toBe(true);
		expect(booleanOf('')).toBe(false);
		expect(booleanOf('peut-être')).toBeNull();
	});

	it('accepts a complete row, with its own position', () => {
		const r = check(0);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.geocoded).toBe(false);
		expect(r.values).toMatchObject({
			siret: '81200000800019',
			tradeNameFr: 'Maison Lumière',
			tradeNameZh: '光之家',
			category: 'luxury_fashion',
			communeCode: '75108',
			departement: '75',
			latitude: 48.8697,
			longitude: 2.318,
			paymentMethods: ['alipay', 'wechat_pay'],
			taxFree: true,
			chineseStaff: true,
			openingHours: 'Mo-Sa 10:00-19:00',
			acquirer: 'Acquéreur Test'
		});
	});

	it('places a row without coordinates at its commune centre', () => {
		const r = check(3);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
		expect(r.geocoded).toBe(true);
		expect(r.values.communeCode).toBe('92012');
		expect(r.values.latitude).toBeGreaterThan(48.8);
		expect(r.values.paymentMethods).toEqual(['alipay']);
	});

	it.each([
		[5, { siret: 'siret_checksum' }],
		[6, { code_postal: 'postal_code_not_idf' }],
		[7, { categorie: 'category_invalid' }],
		[9, { detaxe: 'boolean_invalid' }],
		[10, { latitude: 'position_outside_idf' }]
	])('refuses row %i with the reason beside its column', (i, errors) => {
		const r = check(i);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors).toEqual(errors);
	});

	it('asks for what an import cannot do without', () => {
		const r = checkImportRow(
			{ line: 2, cells: { raison_sociale: 'A', enseigne: 'B', categorie: 'hotel' } },
			'X'
		);
		expect(r).toEqual({
			ok: false,
			errors: { siret: 'required', adresse: 'required', code_postal: 'required' }
		});
	});
});
