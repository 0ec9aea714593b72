import { describe, it, expect } from 'vitest';
import { MATCH_POINTS, matchScore } from './score';

describe('matchScore', () => {
	const noPlace = { address: null, commune: null };

	it('ranks name prefix > name substring > commune', () => {
		const prefix = matchScore(['巴黎'], {
			nameFr: 'Printemps',
			nameZh: '巴黎春天百货',
			...noPlace
		});
		const substring = matchScore(['巴黎'], { nameFr: 'X', nameZh: '老佛爷巴黎', ...noPlace });
		const commune = matchScore(['巴黎'], {
			nameFr: 'Pharmacie Monge',
			nameZh: '蒙日药房',
			address: null,
			commune: '巴黎'
		});
		expect(prefix).toBe(12);
		expect(substring).toBe(6);
		expect(commune).toBe(3);
	});

	it('scores a word start inside a name between prefix and substring', () => {
		const at = (nameFr: string) => matchScore(['paris'], { nameFr, nameZh: null, ...noPlace });
		expect(at('Paris Look')).toBe(MATCH_POINTS.namePrefix);
		expect(at('Pharmacie de Paris')).toBe(MATCH_POINTS.nameWord);
		expect(at('Aéroparis')).toBe(MATCH_POINTS.nameSubstring);
		expect(at('Pharmacie Monge')).toBe(0);
	});

	it('adds up tokens and gives 0 when one matches nothing', () => {
		const opera = {
			nameFr: 'Pharmacie de l’Opéra',
			nameZh: '歌剧院药房',
			address: '6 boulevard des Capucines',
			commune: 'Paris'
		};
		expect(matchScore(['pharmacie', 'opera'], opera)).toBe(12 + 10);
		expect(matchScore(['pharmacie', 'capucines'], opera)).toBe(12 + 3);
		expect(matchScore(['pharmacie', 'ucines'], opera)).toBe(12 + 1);
		expect(matchScore(['歌剧院'], opera)).toBe(12);
		expect(matchScore(['OPÉRA'], opera)).toBe(10);
		expect(matchScore(['pharmacie', 'lafayette'], opera)).toBe(0);
		expect(matchScore([], opera)).toBe(1);
	});
});
