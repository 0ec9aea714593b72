import { describe, expect, it } from 'vitest';
import { describedBy, fieldId, summaryItems } from './error-summary';

describe('the error summary', () => {
	it('keeps the refused fields, in the order the form lists them', () => {
		expect(
			summaryItems([
				[fieldId('email'), 'E-mail', 'Adresse invalide'],
				[fieldId('password'), 'Mot de passe', undefined],
				['consent', 'Consentement', 'Obligatoire'],
				[fieldId('locale'), 'Langue', '']
			])
		).toEqual([
			{ href: '#field-email', label: 'E-mail', message: 'Adresse invalide' },
			{ href: '#consent', label: 'Consentement', message: 'Obligatoire' }
		]);
	});

	it('has nothing to say about a form without errors', () => {
		expect(summaryItems([[fieldId('email'), 'E-mail', null]])).toEqual([]);
	});
});

describe('describedBy', () => {
	it('names the hint and the error a control has, or nothing', () => {
		expect(describedBy('field-siret', 'Quatorze chiffres', 'Trop court')).toBe(
			'field-siret-hint field-siret-error'
		);
		expect(describedBy('field-siret', undefined, 'Trop court')).toBe('field-siret-error');
		expect(describedBy('field-siret', 'Quatorze chiffres')).toBe('field-siret-hint');
		expect(describedBy('field-siret')).toBeUndefined();
	});
});
