import { describe, expect, it } from 'vitest';
import { delocalizePath, localeOfPath, localizeHref } from './paths';

describe('language in the path', () => {
	it('reads the locale of the first segment only', () => {
		expect(localeOfPath('/zh')).toBe('zh');
		expect(localeOfPath('/zh/')).toBe('zh');
		expect(localeOfPath('/fr/about')).toBe('fr');
		expect(localeOfPath('/')).toBeUndefined();
		expect(localeOfPath('/about')).toBeUndefined();
		expect(localeOfPath('/zhx/a')).toBeUndefined();
		expect(localeOfPath('/ZH/a')).toBeUndefined();
		expect(localeOfPath('/api/zh')).toBeUndefined();
	});

	it('finds the route behind a localized path', () => {
		expect(delocalizePath('/zh')).toBe('/');
		expect(delocalizePath('/zh/')).toBe('/');
		expect(delocalizePath('/fr/about')).toBe('/about');
		expect(delocalizePath('/fr/merchants/12-cafe')).toBe('/merchants/12-cafe');
		expect(delocalizePath('/about')).toBe('/about');
		expect(delocalizePath('/zhx/a')).toBe('/zhx/a');
		expect(delocalizePath('/')).toBe('/');
	});

	// The table paraglide's localizeHref gave with the previous "url" strategy (checked by
	// running it): the same links are rendered as before.
	it.each([
		['/', '/zh/', '/fr/'],
		['/about', '/zh/about', '/fr/about'],
		['/login?next=%2Ffr%2Fx', '/zh/login?next=%2Ffr%2Fx', '/fr/login?next=%2Ffr%2Fx'],
		['/fr/about', '/zh/about', '/fr/about'],
		['/zh', '/zh', '/fr'],
		['/zh/', '/zh/', '/fr/'],
		['/fr', '/zh', '/fr'],
		['/merchants/12-x#a', '/zh/merchants/12-x#a', '/fr/merchants/12-x#a'],
		['/?q=a', '/zh/?q=a', '/fr/?q=a'],
		['/?next=/fr/x', '/zh/?next=/fr/x', '/fr/?next=/fr/x']
	])('localizes %s', (href, zh, fr) => {
		expect(localizeHref(href, { locale: 'zh' })).toBe(zh);
		expect(localizeHref(href, { locale: 'fr' })).toBe(fr);
	});

	it('leaves other sites and schemes alone', () => {
		expect(localizeHref('https://other.example/x', { locale: 'fr' })).toBe(
			'https://other.example/x'
		);
		expect(localizeHref('//other.example/x', { locale: 'fr' })).toBe('//other.example/x');
		expect(localizeHref('mailto:a@b.c', { locale: 'fr' })).toBe('mailto:a@b.c');
	});
});
