import { describe, it, expect } from 'vitest';
import { CATEGORIES } from '../merchants/vocabulary';
import {
	CATEGORY_KEYWORDS,
	MATCH_POINTS,
	interpretQuery,
	matchScore,
	normalizeText,
	tokenize
} from './normalize';

describe('normalizeText', () => {
	it('folds full-width letters and case', () => {
		expect(normalizeText('Ｐｈａｒｍａｃｉｅ')).toBe('pharmacie');
		expect(normalizeText('PHARMACIE')).toBe('pharmacie');
		expect(normalizeText('pharmacie')).toBe('pharmacie');
		expect(normalizeText('ＡＢＣ１２３\u3000ｘｙｚ')).toBe('abc123 xyz');
	});

	it('strips French diacritics and ligatures', () => {
		expect(normalizeText('Épicerie Fine')).toBe('epicerie fine');
		expect(normalizeText('Garçon Œuvre Æther')).toBe('garcon oeuvre aether');
		expect(normalizeText('Bébé à Noël')).toBe('bebe a noel');
	});

	it('collapses punctuation, apostrophes and hyphens into single spaces', () => {
		expect(normalizeText("l’Opéra d'Orsay — Saint-Germain  ")).toBe(
			'l opera d orsay saint germain'
		);
		expect(normalizeText('老佛爷、春天，莎玛丽丹。')).toBe('老佛爷 春天 莎玛丽丹');
		expect(normalizeText('巴黎・卢浮宫·铁塔')).toBe('巴黎 卢浮宫 铁塔');
	});

	it('leaves CJK characters as they are', () => {
		expect(normalizeText('巴黎春天百货')).toBe('巴黎春天百货');
		expect(normalizeText('ガイド')).toBe('ガイド');
	});

	it('keeps a + glued to a word only', () => {
		expect(normalizeText('Alipay+')).toBe('alipay+');
		expect(normalizeText('+33 1 42')).toBe('33 1 42');
	});
});

describe('tokenize', () => {
	it('splits on spaces and keeps a CJK run whole', () => {
		expect(tokenize('附近的 药店')).toEqual(['附近的', '药店']);
		expect(tokenize('Pharmacie de l’Opéra')).toEqual(['pharmacie', 'de', 'l', 'opera']);
	});

	it('splits where Latin and CJK meet', () => {
		expect(tokenize('iPhone手机 Paris')).toEqual(['iphone', '手机', 'paris']);
		expect(tokenize('13区')).toEqual(['13', '区']);
	});

	it('gives nothing for blank input', () => {
		expect(tokenize('  、。 ')).toEqual([]);
	});
});

describe('CATEGORY_KEYWORDS', () => {
	it('has words for every category in Chinese and in French', () => {
		for (const c of CATEGORIES) {
			expect(CATEGORY_KEYWORDS[c].some((k) => /\p{Script=Han}/u.test(k))).toBe(true);
			expect(CATEGORY_KEYWORDS[c].some((k) => /^[\p{Script=Latin} ]+$/u.test(k))).toBe(true);
		}
	});
});

describe('interpretQuery', () => {
	it('recognises category words in Chinese and French', () => {
		expect(interpretQuery('药店').categories).toEqual(['cosmetics_pharmacy']);
		expect(interpretQuery('parfumerie').categories).toEqual(['cosmetics_pharmacy']);
		expect(interpretQuery('Cosmétiques').categories).toEqual(['cosmetics_pharmacy']);
		expect(interpretQuery('grands magasins').categories).toEqual(['department_store']);
		expect(interpretQuery('musées').categories).toEqual(['museum_attraction']);
		expect(interpretQuery('换汇').categories).toEqual(['services']);
	});

	it('sets the tax-refund flag', () => {
		expect(interpretQuery('退税').taxFree).toBe(true);
		expect(interpretQuery('Tax-Free').taxFree).toBe(true);
		expect(interpretQuery('détaxe').taxFree).toBe(true);
		expect(interpretQuery('pharmacie').taxFree).toBe(false);
	});

	it('reads a full Chinese query', () => {
		const q = interpretQuery('巴黎 药店 退税');
		expect(q.categories).toEqual(['cosmetics_pharmacy']);
		expect(q.taxFree).toBe(true);
		expect(q.chineseStaff).toBe(false);
		expect(q.paymentMethods).toEqual([]);
		expect(q.rest).toEqual(['巴黎']);
		expect(q.tokens).toEqual(['巴黎', '药店', '退税']);
		expect(q.text).toBe('巴黎 药店 退税');
	});

	it('finds keywords inside a longer CJK run and drops filler words', () => {
		const q = interpretQuery('附近的药店');
		expect(q.categories).toEqual(['cosmetics_pharmacy']);
		expect(q.rest).toEqual([]);
		expect(interpretQuery('巴黎春天百货').rest).toEqual(['巴黎春天']);
		expect(interpretQuery('巴黎春天百货').categories).toEqual(['department_store']);
	});

	it('prefers the longest keyword', () => {
		expect(interpretQuery('面包店').categories).toEqual(['restaurant_cafe']);
		const staff = interpretQuery('中文服务药妆');
		expect(staff.chineseStaff).toBe(true);
		expect(staff.categories).toEqual(['cosmetics_pharmacy']);
		const chinese = interpretQuery('restaurant chinois');
		expect(chinese.categories).toEqual(['restaurant_cafe']);
		expect(chinese.chineseStaff).toBe(false);
		expect(interpretQuery('pharmacie parle chinois').chineseStaff).toBe(true);
	});

	it('recognises wallets, keeping Alipay+ apart from Alipay', () => {
		expect(interpretQuery('alipay').paymentMethods).toEqual(['alipay']);
		expect(interpretQuery('Alipay+ parfumerie').paymentMethods).toEqual(['alipay_plus']);
		expect(interpretQuery('alipay plus').paymentMethods).toEqual(['alipay_plus']);
		const both = interpretQuery('可以用支付宝和微信支付吗');
		expect(both.paymentMethods).toEqual(['alipay', 'wechat_pay']);
		expect(both.rest).toEqual([]);
		expect(interpretQuery('Union Pay').paymentMethods).toEqual(['unionpay']);
	});

	it('keeps names, streets and communes in rest', () => {
		const q = interpretQuery('Pharmacie de l’Opéra');
		expect(q.categories).toEqual(['cosmetics_pharmacy']);
		expect(q.rest).toEqual(['opera']);
		expect(interpretQuery('Ladurée Champs-Élysées').rest).toEqual(['laduree', 'champs', 'elysees']);
	});
});

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
