import { describe, it, expect } from 'vitest';
import { CATEGORIES } from '../merchants/vocabulary';
import { CATEGORY_KEYWORDS } from './keywords';
import { interpretQuery } from './interpret';

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
