import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales, baseLocale } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';

/**
 * Catalogues are split by domain (messages/{locale}.json for the site, messages/<domain>/{locale}.json
 * for accounts, applications, back-office, metrics), as listed in project.inlang/settings.json.
 */
const dir = new URL('../../../messages/', import.meta.url);
const settings = JSON.parse(readFileSync(new URL('project.inlang/settings.json', dir), 'utf8'));
const patterns: string[] = [settings['plugin.inlang.messageFormat'].pathPattern].flat();
const read = (path: string): Record<string, string> => {
	const messages = JSON.parse(readFileSync(new URL(path, dir), 'utf8'));
	delete messages.$schema;
	return messages;
};
const catalogue = (locale: string): Record<string, string> =>
	Object.assign({}, ...patterns.map((p) => read(p.replace('{locale}', locale))));

describe('message catalogues', () => {
	it('has exactly one catalogue per locale and domain, Chinese first', () => {
		expect(baseLocale).toBe('zh');
		for (const pattern of patterns) {
			const folder = new URL(pattern.replace(/[^/]*$/, ''), dir);
			const files = readdirSync(folder)
				.filter((f) => f.endsWith('.json'))
				.map((f) => f.replace('.json', ''));
			expect(files.sort(), pattern).toEqual([...locales].sort());
		}
	});

	it('defines each key in one domain catalogue only', () => {
		const seen = new Map<string, string>();
		for (const pattern of patterns)
			for (const key of Object.keys(read(pattern.replace('{locale}', 'zh')))) {
				expect(seen.get(key), `${key} in ${pattern}`).toBeUndefined();
				seen.set(key, pattern);
			}
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
