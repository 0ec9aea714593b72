import { describe, expect, it } from 'vitest';
import { fieldId, summaryItems } from './error-summary';

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
