import { describe, expect, it } from 'vitest';
import { formatFrenchPhone, normalizeFrenchPhone, normalizeWebsite } from './contact';

describe('normalizeFrenchPhone', () => {
	it.each([
		['01 42 60 30 00', '+33142603000'],
		['0142603000', '+33142603000'],
		['01.42.60.30.00', '+33142603000'],
		['01-42-60-30-00', '+33142603000'],
		['+33 1 42 60 30 00', '+33142603000'],
		['+33 (0)1 42 60 30 00', '+33142603000'],
		['+330142603000', '+33142603000'],
		['0033 1 42 60 30 00', '+33142603000'],
		['06 12 34 56 78', '+33612345678'],
		['09 70 00 00 00', '+33970000000']
	])('%s → %s', (input, expected) => expect(normalizeFrenchPhone(input)).toBe(expected));

	it.each([
		'',
		'01 42 60 30',
		'01 42 60 30 00 00',
		'00 42 60 30 00',
		'+44 20 7946 0958',
		'+86 10 1234 5678',
		'téléphone',
		'1 42 60 30 00'
	])('refuses %s', (input) => expect(normalizeFrenchPhone(input)).toBeNull());

	it('writes a stored number the French way', () => {
		expect(formatFrenchPhone('+33142603000')).toBe('01 42 60 30 00');
		expect(formatFrenchPhone('something else')).toBe('something else');
	});
});

describe('normalizeWebsite', () => {
	it.each([
		['https://www.galerieslafayette.com', 'https://www.galerieslafayette.com/'],
		['http://exemple.fr/boutique?x=1', 'http://exemple.fr/boutique?x=1'],
		['www.exemple.fr', 'https://www.exemple.fr/'],
		['exemple.paris', 'https://exemple.paris/'],
		['  HTTPS://Exemple.FR/  ', 'https://exemple.fr/']
	])('%s → %s', (input, expected) => expect(normalizeWebsite(input)).toBe(expected));

	it.each([
		'',
		'javascript:alert(1)',
		'ftp://exemple.fr',
		'mailto:contact@exemple.fr',
		'https://localhost',
		'https://exemple',
		'exemple fr',
		'https://user:pass@exemple.fr',
		`https://exemple.fr/${'a'.repeat(400)}`
	])('refuses %s', (input) => expect(normalizeWebsite(input)).toBeNull());
});
