import { describe, expect, it } from 'vitest';
import { communeCentre, communesByPostalCode, idfCommunes } from './communes';
import { COMMUNE_CENTRES } from '../reference/commune-centres';
import { isInIdf } from '../../geo/idf';

describe('communesByPostalCode', () => {
	it('gives the arrondissement of a Paris postal code', () => {
		expect(communesByPostalCode('75001').map((c) => [c.code, c.name])).toEqual([
			['75101', 'Paris 1er Arrondissement']
		]);
		// The 16th has two postal codes.
		expect(communesByPostalCode('75116').map((c) => c.code)).toEqual(['75116']);
		expect(communesByPostalCode('75016').map((c) => c.code)).toEqual(['75116']);
	});

	it('gives the single commune of a postal code', () => {
		expect(communesByPostalCode('77300').map((c) => c.name)).toEqual(['Fontainebleau']);
		expect(communesByPostalCode(' 78000 ').map((c) => c.name)).toEqual(['Versailles']);
	});

	it('gives every commune a shared postal code serves, largest first', () => {
		const list = communesByPostalCode('95000');
		expect(list.length).toBeGreaterThan(1);
		expect(list.map((c) => c.name)).toContain('Cergy');
		for (const c of list) expect(c.postalCodes).toContain('95000');
		const populations = list.map((c) => c.population);
		expect(populations).toEqual([...populations].sort((a, b) => b - a));
	});

	it('gives nothing outside Île-de-France or for an unknown code', () => {
		expect(communesByPostalCode('69001')).toEqual([]);
		expect(communesByPostalCode('13001')).toEqual([]);
		expect(communesByPostalCode('75099')).toEqual([]);
		expect(communesByPostalCode('')).toEqual([]);
	});

	it('never gives Paris as a whole, only its arrondissements', () => {
		expect(idfCommunes().has('75056')).toBe(false);
		for (let a = 1; a <= 20; a++) {
			const pc = `750${String(a).padStart(2, '0')}`;
			expect(
				communesByPostalCode(pc).every((c) => c.kind === 'arrondissement'),
				pc
			).toBe(true);
		}
	});
});

describe('communeCentre', () => {
	it('knows the centre of the arrondissements, inside the region', () => {
		for (let a = 1; a <= 20; a++) {
			const centre = communeCentre(`751${String(a).padStart(2, '0')}`);
			expect(centre).not.toBeNull();
			expect(isInIdf(centre!.lat, centre!.lon)).toBe(true);
		}
	});
	it('says when it does not know', () => {
		expect(communeCentre('99999')).toBeNull();
	});
	it('lists only communes of the region, each centre inside it', () => {
		const communes = idfCommunes();
		for (const [code, [lat, lon]] of Object.entries(COMMUNE_CENTRES)) {
			expect(communes.has(code), code).toBe(true);
			expect(isInIdf(lat, lon), code).toBe(true);
		}
	});
});
