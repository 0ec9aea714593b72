import { describe, it, expect } from 'vitest';
import { normalizeText, tokenize } from './text';

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
