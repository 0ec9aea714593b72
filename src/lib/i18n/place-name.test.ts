import { describe, expect, it } from 'vitest';
import { placeAfterNear } from './place-name';
import type { PlaceCard } from '../merchants/cards';

const card = (fr: string, zhHans = '卢浮宫'): PlaceCard => ({
	slug: 'x',
	fr,
	zhHans,
	zhHant: zhHans,
	en: fr,
	lat: 48.86,
	lon: 2.34,
	zoom: 16
});

describe('placeAfterNear', () => {
	it('gives the Chinese name in Chinese', () => {
		expect(placeAfterNear(card('le Louvre'), 'zh')).toBe('卢浮宫');
	});
	it('contracts "de" with the French article', () => {
		expect(placeAfterNear(card('le Louvre'), 'fr')).toBe('du Louvre');
		expect(placeAfterNear(card('les Invalides'), 'fr')).toBe('des Invalides');
		expect(placeAfterNear(card('la tour Eiffel'), 'fr')).toBe('de la tour Eiffel');
		expect(placeAfterNear(card("l'Opéra Garnier"), 'fr')).toBe("de l'Opéra Garnier");
		expect(placeAfterNear(card('Montmartre'), 'fr')).toBe('de Montmartre');
		expect(placeAfterNear(card('Orly'), 'fr')).toBe('d’Orly');
		expect(placeAfterNear(card('La Défense'), 'fr')).toBe('de La Défense');
	});
});
