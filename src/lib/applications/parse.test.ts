/** The application parser: a complete application, and a draft. Forms: parse-forms.test.ts. */
import { describe, expect, it } from 'vitest';
import { communesByPostalCode } from '../server/geo/communes';
import { APPLICATION_FIELDS, STEP_FIELDS, stepOfField, type ApplicationForm } from './fields';
import { applicationToForm, hoursInput, parseApplication } from './parse';
import { WEEKDAYS } from '../hours/weekly';
import { validForm } from './testing';

const communes = communesByPostalCode;
const complete = { mode: 'complete', communes } as const;
const draft = { mode: 'draft', communes } as const;

describe('parseApplication, complete', () => {
	it('reads a valid application into normalised values', () => {
		const result = parseApplication(validForm(), APPLICATION_FIELDS, complete);
		expect(result.errors).toEqual({});
		expect(result.ok).toBe(true);
		expect(result.values).toEqual({
			legalName: 'SAS Maison Exemple',
			siret: '73282932000074',
			tradeNameFr: 'Maison Exemple',
			tradeNameZh: '示例之家',
			category: 'luxury_fashion',
			address: '12 rue de Rivoli',
			postalCode: '75001',
			communeCode: '75101',
			communeName: 'Paris 1er Arrondissement',
			departement: '75',
			phone: '+33142603000',
			website: 'https://www.maison-exemple.fr/',
			latitude: 48.8606,
			longitude: 2.3376,
			openingHours: 'Mo-Sa 10:00-19:00',
			paymentMethods: ['alipay', 'wechat_pay'],
			acquirer: 'Banque Démo Paris',
			taxFree: true,
			chineseStaff: false,
			consentToPublish: true
		});
	});

	it('says what is wrong with the SIRET', () => {
		const problem = (siret: string) =>
			parseApplication(validForm({ siret }), ['siret'], complete).errors.siret;
		expect(problem('73282932000075')).toBe('siret_checksum');
		expect(problem('7328293200007')).toBe('siret_length');
		expect(problem('7328293200007A')).toBe('siret_digits');
		expect(problem('')).toBe('required');
		// La Poste: valid by the sum of its digits, not by Luhn.
		expect(problem('35600000009075')).toBeUndefined();
		expect(problem('35600000009090')).toBe('siret_checksum');
	});

	it('keeps the other fields right when one is wrong', () => {
		const result = parseApplication(
			validForm({ siret: '12345678901234' }),
			STEP_FIELDS.shop,
			complete
		);
		expect(result.ok).toBe(false);
		expect(result.errors).toEqual({ siret: 'siret_checksum' });
		expect(result.values.legalName).toBe('SAS Maison Exemple');
	});

	it('requires every required field, and only those', () => {
		const empty: ApplicationForm = {};
		const result = parseApplication(empty, APPLICATION_FIELDS, complete);
		expect(result.errors).toEqual({
			legalName: 'required',
			siret: 'required',
			tradeNameFr: 'required',
			category: 'required',
			address: 'required',
			postalCode: 'required',
			position: 'position_required',
			openingHours: 'required',
			paymentMethods: 'payment_required',
			consentToPublish: 'consent_required'
		});
		for (const key of Object.keys(result.errors)) expect(stepOfField(key)).toBeTruthy();
	});

	it('wants Chinese characters in the Chinese trade name, and no more than allowed', () => {
		expect(
			parseApplication(validForm({ tradeNameZh: 'Maison' }), ['tradeNameZh'], complete).errors
		).toEqual({ tradeNameZh: 'name_zh_no_chinese' });
		expect(parseApplication(validForm({ tradeNameZh: '' }), ['tradeNameZh'], complete)).toEqual(
			expect.objectContaining({ ok: true, values: { tradeNameZh: null } })
		);
		expect(
			parseApplication(validForm({ tradeNameFr: 'x'.repeat(121) }), ['tradeNameFr'], complete)
				.errors
		).toEqual({ tradeNameFr: 'too_long' });
	});

	it('checks the category against the vocabulary', () => {
		expect(
			parseApplication(validForm({ category: 'casino' }), ['category'], complete).errors
		).toEqual({ category: 'category_invalid' });
	});

	describe('postal code and commune', () => {
		const address = (overrides: ApplicationForm) =>
			parseApplication(validForm(overrides), STEP_FIELDS.address, complete);

		it('refuses a code of the wrong shape, outside the region, or serving no commune', () => {
			expect(address({ postalCode: '7500' }).errors).toEqual({ postalCode: 'postal_code_format' });
			expect(address({ postalCode: '69001' }).errors).toEqual({
				postalCode: 'postal_code_not_idf'
			});
			expect(address({ postalCode: '75099' }).errors).toEqual({
				postalCode: 'postal_code_unknown'
			});
		});

		it('asks to choose when the code serves several communes, and accepts a choice', () => {
			const several = communesByPostalCode('95000');
			const unchosen = address({ postalCode: '95000' });
			expect(unchosen.errors).toEqual({ communeCode: 'commune_choose' });
			expect(unchosen.communeChoices.map((c) => c.code)).toEqual(several.map((c) => c.code));
			const cergy = several.find((c) => c.name === 'Cergy')!;
			const chosen = address({ postalCode: '95 000', communeCode: cergy.code });
			expect(chosen.ok).toBe(true);
			expect(chosen.values).toMatchObject({
				postalCode: '95000',
				communeCode: cergy.code,
				communeName: 'Cergy',
				departement: '95'
			});
			expect(address({ postalCode: '95000', communeCode: '75101' }).errors).toEqual({
				communeCode: 'commune_choose'
			});
		});

		it('takes the only commune of a code, whatever commune was posted before', () => {
			expect(address({ postalCode: '77300', communeCode: '75101' }).values).toMatchObject({
				communeCode: '77186',
				communeName: 'Fontainebleau',
				departement: '77'
			});
		});
	});

	it('checks phone and website, which may be left empty', () => {
		const contact = (overrides: ApplicationForm) =>
			parseApplication(validForm(overrides), ['phone', 'website'], complete);
		expect(contact({ phone: '12 34', website: 'ftp://x.fr' }).errors).toEqual({
			phone: 'phone_invalid',
			website: 'website_invalid'
		});
		expect(contact({ phone: '', website: '' }).values).toEqual({ phone: null, website: null });
	});

	it('wants the position inside Île-de-France', () => {
		const position = (latitude: string, longitude: string) =>
			parseApplication(validForm({ latitude, longitude }), STEP_FIELDS.position, complete);
		expect(position('45.764', '4.8357').errors).toEqual({ position: 'position_outside_idf' });
		expect(position('abc', '2.35').errors).toEqual({ latitude: 'position_invalid' });
		expect(position('48.85', '').errors).toEqual({ longitude: 'required' });
		expect(position('', '').errors).toEqual({ position: 'position_required' });
		expect(position(' 48.8049 ', '2,1204').values).toEqual({
			latitude: 48.8049,
			longitude: 2.1204
		});
	});

	describe('opening hours', () => {
		const hours = (overrides: ApplicationForm) =>
			parseApplication(validForm(overrides), ['openingHours'], complete);

		it('writes the weekly editor as opening_hours syntax', () => {
			expect(
				hours({
					[hoursInput.open('Sa')]: '',
					[hoursInput.from('Mo', 2)]: '14h',
					[hoursInput.to('Mo', 1)]: '12:30',
					[hoursInput.to('Mo', 2)]: '19:00',
					[hoursInput.open('Su')]: 'on',
					[hoursInput.from('Su', 1)]: '11:00',
					[hoursInput.to('Su', 1)]: '17:00'
				}).values
			).toEqual({
				openingHours: 'Mo 10:00-12:30,14:00-19:00; Tu-Fr 10:00-19:00; Su 11:00-17:00'
			});
		});

		it('reads a closing time of 00:00 as midnight, and writes midnight back as 00:00', () => {
			const late = {
				[hoursInput.from('Fr', 1)]: '18:00',
				[hoursInput.to('Fr', 1)]: '00:00'
			};
			expect(hours(late).values.openingHours).toBe('Mo-Th,Sa 10:00-19:00; Fr 18:00-24:00');
			expect(applicationToForm({ openingHours: 'Fr 18:00-24:00' })[hoursInput.to('Fr', 1)]).toBe(
				'00:00'
			);
		});

		it('says which day is wrong', () => {
			expect(
				hours({
					[hoursInput.from('Tu', 1)]: '19:00',
					[hoursInput.to('Tu', 1)]: '10:00',
					[hoursInput.from('We', 2)]: '18:00',
					[hoursInput.to('We', 2)]: '20:00',
					[hoursInput.to('Th', 1)]: 'soir'
				}).errors
			).toEqual({
				hours_Tu: 'hours_range_order',
				hours_We: 'hours_overlap',
				hours_Th: 'hours_time_invalid'
			});
			expect(
				hours({ [hoursInput.from('Fr', 1)]: '', [hoursInput.to('Fr', 1)]: '' }).errors
			).toEqual({ hours_Fr: 'hours_time_invalid' });
		});

		it('refuses a week that is never open', () => {
			const closed = Object.fromEntries(WEEKDAYS.map((d) => [hoursInput.open(d), '']));
			expect(hours(closed).errors).toEqual({ openingHours: 'hours_all_closed' });
			// Open on public holidays only is no better.
			expect(
				hours({
					...closed,
					[hoursInput.holidays]: 'open',
					[hoursInput.from('PH', 1)]: '10:00',
					[hoursInput.to('PH', 1)]: '18:00'
				}).errors
			).toEqual({ openingHours: 'hours_all_closed' });
		});

		it('writes public holidays closed or with their own hours, and says when they are wrong', () => {
			expect(hours({ [hoursInput.holidays]: 'closed' }).values).toEqual({
				openingHours: 'Mo-Sa 10:00-19:00; PH off'
			});
			expect(
				hours({
					[hoursInput.holidays]: 'open',
					[hoursInput.from('PH', 1)]: '10:00',
					[hoursInput.to('PH', 1)]: '13:00',
					[hoursInput.from('PH', 2)]: '14h',
					[hoursInput.to('PH', 2)]: '18h'
				}).values
			).toEqual({ openingHours: 'Mo-Sa 10:00-19:00; PH 10:00-13:00,14:00-18:00' });
			expect(hours({ [hoursInput.holidays]: 'open' }).errors).toEqual({
				hours_PH: 'hours_time_invalid'
			});
			// Times typed for holidays kept "as usual" are not read.
			expect(
				hours({ [hoursInput.holidays]: 'usual', [hoursInput.from('PH', 1)]: 'soir' }).values
			).toEqual({ openingHours: 'Mo-Sa 10:00-19:00' });
			const form = applicationToForm({ openingHours: 'Mo-Sa 10:00-19:00; PH off' });
			expect(form[hoursInput.mode]).toBe('weekly');
			expect(form[hoursInput.holidays]).toBe('closed');
		});

		it('accepts raw syntax the library accepts, in its canonical spelling', () => {
			expect(
				hours({ [hoursInput.mode]: 'raw', [hoursInput.raw]: 'mo-sa 10:00-19:00; PH off' }).values
			).toEqual({ openingHours: 'Mo-Sa 10:00-19:00; PH off' });
			expect(
				hours({ [hoursInput.mode]: 'raw', [hoursInput.raw]: 'tous les jours' }).errors
			).toEqual({ openingHours: 'hours_syntax' });
			expect(hours({ [hoursInput.mode]: 'raw', [hoursInput.raw]: '' }).errors).toEqual({
				openingHours: 'required'
			});
		});
	});

	it('wants at least one known payment method', () => {
		const pay = (paymentMethods: string) =>
			parseApplication(validForm({ paymentMethods }), ['paymentMethods'], complete);
		expect(pay('').errors).toEqual({ paymentMethods: 'payment_required' });
		expect(pay('alipay,bitcoin').errors).toEqual({ paymentMethods: 'payment_invalid' });
		expect(pay('unionpay,alipay,alipay').values).toEqual({
			paymentMethods: ['alipay', 'unionpay']
		});
	});
});

describe('parseApplication, draft', () => {
	it('lets fields be empty except those a listing cannot lack', () => {
		const result = parseApplication({}, APPLICATION_FIELDS, draft);
		expect(result.errors).toEqual({
			legalName: 'required',
			tradeNameFr: 'required',
			category: 'required'
		});
		expect(result.values).toMatchObject({
			siret: null,
			postalCode: null,
			communeCode: null,
			latitude: null,
			openingHours: null,
			paymentMethods: [],
			consentToPublish: false
		});
	});

	it('still refuses what is filled in wrongly', () => {
		const result = parseApplication(
			validForm({ siret: '1234', phone: 'x', latitude: '40', longitude: '2' }),
			APPLICATION_FIELDS,
			draft
		);
		expect(result.errors).toEqual({
			siret: 'siret_length',
			phone: 'phone_invalid',
			position: 'position_outside_idf'
		});
	});
});
