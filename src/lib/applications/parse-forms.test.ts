/** The application parser, from the posted form: reading it, writing it back, control characters. */
import { describe, expect, it } from 'vitest';
import { communesByPostalCode } from '../server/geo/communes';
import { APPLICATION_FIELDS } from './fields';
import {
	applicationToForm,
	hoursInput,
	parseApplication,
	parseCompleteApplication,
	readApplicationForm
} from './parse';
import { validForm } from './testing';

const communes = communesByPostalCode;
const complete = { mode: 'complete', communes } as const;
const draft = { mode: 'draft', communes } as const;

describe('forms', () => {
	it('reads a posted form, with several payment methods and unticked boxes', () => {
		const data = new FormData();
		data.set('legalName', 'SAS Exemple');
		data.append('paymentMethods', 'alipay');
		data.append('paymentMethods', 'unionpay');
		data.set('taxFree', 'on');
		data.set(hoursInput.open('Mo'), 'on');
		data.set(hoursInput.from('Mo', 1), '10:00');
		const form = readApplicationForm(data);
		expect(form).toMatchObject({
			legalName: 'SAS Exemple',
			siret: '',
			paymentMethods: 'alipay,unionpay',
			taxFree: 'on',
			chineseStaff: '',
			[hoursInput.open('Mo')]: 'on',
			[hoursInput.open('Tu')]: '',
			[hoursInput.from('Mo', 1)]: '10:00'
		});
	});

	it('fills the forms back from stored values: stored → form → parsed gives the same values', () => {
		const parsed = parseApplication(validForm(), APPLICATION_FIELDS, complete);
		const again = parseCompleteApplication(parsed.values, communes);
		expect(again).toEqual({ ok: true, values: parsed.values });
		expect(applicationToForm(parsed.values).phone).toBe('01 42 60 30 00');
	});

	it('puts hours the weekly editor cannot show in the raw field', () => {
		const form = applicationToForm({ openingHours: 'Mo-Sa 10:00-19:00; SH off' });
		expect(form[hoursInput.mode]).toBe('raw');
		expect(form[hoursInput.raw]).toBe('Mo-Sa 10:00-19:00; SH off');
		expect(applicationToForm({ openingHours: 'Mo-Fr 09:00-18:00' })).toMatchObject({
			[hoursInput.mode]: 'weekly',
			[hoursInput.open('Mo')]: 'on',
			[hoursInput.from('Mo', 1)]: '09:00',
			[hoursInput.open('Sa')]: ''
		});
		expect(applicationToForm({})[hoursInput.mode]).toBe('');
	});

	it('finds a stored application incomplete, field by field', () => {
		const result = parseCompleteApplication(
			{ legalName: 'SAS Exemple', tradeNameFr: 'Exemple', category: 'hotel' },
			communes
		);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(Object.keys(result.errors)).toContain('siret');
	});
});

describe('control characters', () => {
	it('are refused beside their field, and nothing read from that input is kept', () => {
		const result = parseApplication(
			validForm({
				legalName: 'SAS Maison\u0000 Exemple',
				postalCode: '75001\u0000',
				[hoursInput.from('Mo', 1)]: '09:00\u0007'
			}),
			APPLICATION_FIELDS,
			draft
		);
		expect(result.errors).toEqual({
			legalName: 'control_character',
			postalCode: 'control_character',
			hours_Mo: 'control_character'
		});
		for (const field of ['legalName', 'postalCode', 'communeCode', 'departement', 'openingHours']) {
			expect(result.values).not.toHaveProperty(field);
		}
		expect(result.values.tradeNameFr).toBe('Maison Exemple');
	});

	it('line breaks are refused in a one-line field, kept in the raw opening hours', () => {
		const raw = parseApplication(
			validForm({
				[hoursInput.mode]: 'raw',
				[hoursInput.raw]: 'Mo-Fr 09:00-18:00;\r\nSa 10:00-12:00'
			}),
			['openingHours'],
			complete
		);
		expect(raw.errors.openingHours).not.toBe('control_character');
		const address = parseApplication(
			validForm({ address: '12 rue\nde Rivoli' }),
			['address'],
			draft
		);
		expect(address.errors).toEqual({ address: 'control_character' });
	});
});
