/**
 * The places reference list, and the table of queries visitors type, in simplified and
 * traditional Chinese, pinyin, French and English, with the place, category, kind of shop and
 * name words each must be read as.
 */
import { describe, expect, it } from 'vitest';
import { isInIdf } from '../../geo/idf';
import { interpretQuery } from '../../search/interpret';
import { PLACES, placeIndex } from './places';

describe('PLACES', () => {
	it('holds at least 80 places, each with four names, a position in the region and a source', () => {
		expect(PLACES.length).toBeGreaterThanOrEqual(80);
		for (const p of PLACES) {
			expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
			for (const name of [p.fr, p.zhHans, p.zhHant, p.en]) expect(name.trim()).not.toBe('');
			expect(p.zhHans).toMatch(/\p{Script=Han}/u);
			expect(isInIdf(p.lat, p.lon)).toBe(true);
			expect(p.source).toMatch(/^https:\/\//);
		}
		expect(new Set(PLACES.map((p) => p.slug)).size).toBe(PLACES.length);
	});

	it('covers the department stores, stations, airports and all twenty arrondissements', () => {
		const slugs = new Set(PLACES.map((p) => p.slug));
		for (const s of [
			'galeries-lafayette-haussmann',
			'printemps-haussmann',
			'le-bon-marche',
			'bhv-marais',
			'la-samaritaine',
			'la-vallee-village',
			'aeroport-paris-charles-de-gaulle',
			'aeroport-paris-orly',
			'gare-du-nord',
			'gare-de-lyon',
			'chatelet-les-halles',
			'gare-montparnasse',
			'gare-saint-lazare',
			'marne-la-vallee-chessy',
			'le-marais',
			'saint-germain-des-pres',
			'montmartre',
			'opera-garnier',
			'quartier-asiatique',
			'belleville'
		]) {
			expect(slugs.has(s), s).toBe(true);
		}
		expect(PLACES.filter((p) => p.kind === 'arrondissement')).toHaveLength(20);
	});
});

/** query → [place slug or null, categories, kinds, remaining name words]. */
type Expected = [string | null, string[]?, string[]?, string[]?];
const TABLE: [string, Expected][] = [
	// Simplified Chinese: names, aliases, partial names.
	['卢浮宫', ['musee-du-louvre']],
	['卢浮', ['musee-du-louvre']],
	['卢浮宫博物馆', ['musee-du-louvre']],
	['老佛爷', ['galeries-lafayette-haussmann']],
	['老佛爷百货', ['galeries-lafayette-haussmann']],
	['春天', ['printemps-haussmann']],
	['巴黎春天百货', ['printemps-haussmann']],
	['埃菲尔铁塔', ['tour-eiffel']],
	['铁塔', ['tour-eiffel']],
	['香榭丽舍', ['avenue-des-champs-elysees']],
	['香榭丽舍大街', ['avenue-des-champs-elysees']],
	['迪士尼', ['disneyland-paris']],
	['乐蓬马歇', ['le-bon-marche']],
	['莎玛丽丹', ['la-samaritaine']],
	['河谷购物村', ['la-vallee-village']],
	['戴高乐机场', ['aeroport-paris-charles-de-gaulle']],
	['戴高乐', ['aeroport-paris-charles-de-gaulle']],
	['奥利机场', ['aeroport-paris-orly']],
	['北站', ['gare-du-nord']],
	['巴黎北站', ['gare-du-nord']],
	['里昂火车站', ['gare-de-lyon']],
	['玛黑区', ['le-marais']],
	['中国城', ['quartier-asiatique']],
	['美丽城', ['belleville']],
	['蒙马特', ['montmartre']],
	['凯旋门', ['arc-de-triomphe']],
	['凡尔赛宫', ['chateau-de-versailles']],
	['巴黎第一区', ['paris-01']],
	['巴黎13区', ['paris-13']],
	['13区', ['paris-13']],
	['十六区', ['paris-16']],
	['老佛爷香榭丽舍店', ['galeries-lafayette-champs-elysees']],
	['戴高乐机场T2', ['cdg-terminal-2e']],
	['巴黎大堂', ['chatelet-les-halles']],
	// Place plus category, kind or filter words.
	['卢浮宫 药店', ['musee-du-louvre', ['cosmetics_pharmacy'], ['pharmacy']]],
	['卢浮宫药店', ['musee-du-louvre', ['cosmetics_pharmacy'], ['pharmacy']]],
	['卢浮宫附近的药店', ['musee-du-louvre', ['cosmetics_pharmacy'], ['pharmacy']]],
	['老佛爷附近 退税', ['galeries-lafayette-haussmann']],
	['埃菲尔铁塔 餐厅', ['tour-eiffel', ['restaurant_cafe']]],
	['北站 酒店', ['gare-du-nord', ['hotel']]],
	['香榭丽舍 香水', ['avenue-des-champs-elysees', ['cosmetics_pharmacy'], ['perfumery']]],
	['中国城 超市', ['quartier-asiatique', ['food_wine']]],
	['卢浮 咖啡', ['musee-du-louvre', ['restaurant_cafe'], ['cafe']]],
	// Traditional Chinese.
	['羅浮宮', ['musee-du-louvre']],
	['盧浮宮', ['musee-du-louvre']],
	['艾菲爾鐵塔', ['tour-eiffel']],
	['老佛爺百貨', ['galeries-lafayette-haussmann']],
	['香榭麗舍大道', ['avenue-des-champs-elysees']],
	['巴黎聖母院', ['cathedrale-notre-dame']],
	['凡爾賽宮', ['chateau-de-versailles']],
	['巴黎迪士尼樂園', ['disneyland-paris']],
	['戴高樂機場', ['aeroport-paris-charles-de-gaulle']],
	['奧利機場', ['aeroport-paris-orly']],
	['河谷購物村', ['la-vallee-village']],
	['羅浮宮 藥房', ['musee-du-louvre', ['cosmetics_pharmacy'], ['pharmacy']]],
	['藥妝店', [null, ['cosmetics_pharmacy']]],
	// Pinyin.
	['lufugong', ['musee-du-louvre']],
	['laofoye', ['galeries-lafayette-haussmann']],
	['aifeiertieta', ['tour-eiffel']],
	['xiangxielishe', ['avenue-des-champs-elysees']],
	['dishini', ['disneyland-paris']],
	['daigaoleJichang', ['aeroport-paris-charles-de-gaulle']],
	['lufugong yaodian', ['musee-du-louvre', ['cosmetics_pharmacy'], ['pharmacy']]],
	['yaofang', [null, ['cosmetics_pharmacy'], ['pharmacy']]],
	['tuishui', [null]],
	// French, with or without accents.
	['Louvre', ['musee-du-louvre']],
	['près du Louvre pharmacie', ['musee-du-louvre', ['cosmetics_pharmacy'], ['pharmacy']]],
	['champs elysees', ['avenue-des-champs-elysees']],
	['Champs-Élysées', ['avenue-des-champs-elysees']],
	['tour eiffel', ['tour-eiffel']],
	['Galeries Lafayette', ['galeries-lafayette-haussmann']],
	['printemps haussmann', ['printemps-haussmann']],
	['bon marche', ['le-bon-marche']],
	['gare du nord hotel', ['gare-du-nord', ['hotel']]],
	['gare de lyon', ['gare-de-lyon']],
	['roissy', ['aeroport-paris-charles-de-gaulle']],
	['orly', ['aeroport-paris-orly']],
	['le marais', ['le-marais']],
	['saint germain des pres', ['saint-germain-des-pres']],
	['opera parfumerie', ['opera-garnier', ['cosmetics_pharmacy'], ['perfumery']]],
	['75008', ['paris-08']],
	['Paris 1er', ['paris-01']],
	['13e arrondissement', ['paris-13']],
	['quartier chinois', ['quartier-asiatique']],
	['la vallee village', ['la-vallee-village']],
	['chatelet', ['chatelet-les-halles']],
	// English.
	['Eiffel Tower', ['tour-eiffel']],
	['Louvre Museum', ['musee-du-louvre']],
	['Chinatown', ['quartier-asiatique']],
	['Disneyland', ['disneyland-paris']],
	['CDG', ['aeroport-paris-charles-de-gaulle']],
	['Notre Dame', ['cathedrale-notre-dame']],
	['Latin Quarter', ['quartier-latin']],
	['pharmacy near Louvre', ['musee-du-louvre', ['cosmetics_pharmacy'], ['pharmacy']]],
	// No place: categories, kinds and names.
	['药店', [null, ['cosmetics_pharmacy'], ['pharmacy']]],
	['香水', [null, ['cosmetics_pharmacy'], ['perfumery']]],
	['pharmacie', [null, ['cosmetics_pharmacy'], ['pharmacy']]],
	['巴黎', [null, [], [], ['巴黎']]],
	['中国餐厅', [null, ['restaurant_cafe'], [], ['中国']]],
	['pharmacie monge', [null, ['cosmetics_pharmacy'], ['pharmacy'], ['monge']]],
	['ladurée', [null, [], [], ['laduree']]]
];

describe('reading queries that name places', () => {
	it('has at least 80 queries in the table', () => {
		expect(TABLE.length).toBeGreaterThanOrEqual(80);
	});
	for (const [q, [slug, categories, kinds, rest]] of TABLE) {
		it(`${q} → ${slug ?? 'no place'}`, () => {
			const r = interpretQuery(q, placeIndex);
			expect(r.place?.slug ?? null).toBe(slug);
			if (categories) expect(r.categories).toEqual(categories);
			if (kinds) expect(r.shopKinds).toEqual(kinds);
			if (rest) expect(r.rest).toEqual(rest);
		});
	}

	it('keeps the filter words beside the place, and what the chip’s × leaves', () => {
		const r = interpretQuery('老佛爷附近 退税', placeIndex);
		expect(r.taxFree).toBe(true);
		expect(r.withoutPlace).toBe('附近 退税');
		expect(interpretQuery('卢浮宫', placeIndex).withoutPlace).toBe('');
	});
});
