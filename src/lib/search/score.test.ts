import { describe, it, expect } from 'vitest';
import { MATCH_POINTS, SearchTexts, matchScore, prepareFields, prepareQuery } from './score';

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

describe('SearchTexts', () => {
	const raw = [
		{
			nameFr: 'Pharmacie Monge',
			nameZh: '蒙日药房',
			address: '1 place Monge',
			commune: '75005 Paris'
		},
		{ nameFr: 'Café de Flore', nameZh: null, address: null, commune: '75006 Paris' },
		{
			nameFr: 'Galeries Lafayette',
			nameZh: '老佛爷百货',
			address: '40 bd Haussmann',
			commune: null
		}
	];
	const fields = raw.map(prepareFields);
	const queries = [['paris'], ['monge'], ['yaofang'], ['老佛爷'], ['cafe', 'paris'], ['x']];
	const scoreOne = (q: string[], i: number) => matchScore(q, raw[i]);
	const scoresOf = (texts: SearchTexts) => queries.map((q) => [...texts.scores(prepareQuery(q))]);

	it('scores each listing as matchScore does, after a gather or a replacement too', () => {
		const texts = SearchTexts.of(fields);
		expect(scoresOf(texts).slice(0, 3)).toEqual([
			[3, 3, 0],
			[10, 0, 0],
			// Inside the pinyin of 蒙日药房 (mengriyaofang), a long enough token.
			[6, 0, 0]
		]);
		expect(scoresOf(texts)).toEqual(queries.map((q) => fields.map((_, i) => scoreOne(q, i))));
		const reversed = SearchTexts.gather([texts], new Uint8Array(3), Int32Array.from([2, 1, 0]));
		expect(scoresOf(reversed)).toEqual(scoresOf(SearchTexts.of([...fields].reverse())));
		const replaced = texts.replaced(new Map([[1, fields[2]]]));
		expect(scoresOf(replaced)).toEqual(scoresOf(SearchTexts.of([fields[0], fields[2], fields[2]])));
		expect(replaced.fields(1)).toEqual(fields[2]);
	});
});
