import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales, baseLocale } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';

const dir = new URL('../../../messages/', import.meta.url);
const catalogue = (locale: string): Record<string, string> => {
	const messages = JSON.parse(readFileSync(new URL(`${locale}.json`, dir), 'utf8'));
	delete messages.$schema;
	return messages;
};

describe('message catalogues', () => {
	it('has exactly one catalogue per locale, Chinese first', () => {
		expect(baseLocale).toBe('zh');
		const files = readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => f.replace('.json', ''));
		expect(files.sort()).toEqual([...locales].sort());
	});

	it.each(locales)('%s has every key of every other locale, none empty', (locale) => {
		const mine = catalogue(locale);
		for (const other of locales) {
			const missing = Object.keys(catalogue(other)).filter((k) => !(k in mine));
			expect(missing, `${locale}.json lacks keys of ${other}.json`).toEqual([]);
		}
		const empty = Object.entries(mine).filter(([, v]) => typeof v !== 'string' || !v.trim());
		expect(empty).toEqual([]);
	});

	it('uses the same placeholders in both languages', () => {
		const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
		const zh = catalogue('zh');
		const fr = catalogue('fr');
		for (const key of Object.keys(zh))
			expect(placeholders(fr[key] ?? ''), key).toEqual(placeholders(zh[key]));
	});

	it('compiles every key into a message function for both locales', () => {
		const messages = m as unknown as Record<string, (i?: object, o?: { locale: string }) => string>;
		for (const key of Object.keys(catalogue('zh'))) {
			expect(typeof messages[key], key).toBe('function');
			const template = catalogue('fr')[key];
			const inputs = Object.fromEntries(
				[...template.matchAll(/\{(\w+)\}/g)].map(([, name], i) => [name, `<${name}${i}>`])
			);
			const expected = template.replace(/\{(\w+)\}/g, (_, name: string) => String(inputs[name]));
			expect(messages[key](inputs, { locale: 'fr' }), key).toBe(expected);
		}
	});
});
