import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sameOriginPath } from './next-path';

const SITE = 'https://cashless.example.fr';
const FALLBACK = '/fr/merchant';

/** What a browser does with a Location header on this site. */
function staysOnSite(location: string): boolean {
	return new URL(location, SITE).origin === SITE;
}

/** Characters an attacker mixes in: controls, whitespace, slashes, backslashes, encodings. */
const tricky = fc.constantFrom(
	'/',
	'//',
	'\\',
	'/\\',
	'\t',
	'\n',
	'\r',
	'\r\n',
	'\0',
	'\u000b',
	'\u000c',
	'\u007f',
	'\u0085',
	'\u00a0',
	'\u2028',
	'\u3000',
	'\ufeff',
	'\ud800',
	' ',
	'%2F',
	'%2f',
	'%5C',
	'%09',
	'%0A',
	'%0D',
	'%00',
	'%E3%80%80',
	'%252F',
	'.',
	'..',
	'./',
	'../',
	'@',
	':',
	'?',
	'#',
	'evil.example',
	'javascript:alert(1)',
	'http:',
	'https:',
	'data:text/html,x',
	'fr',
	'zh',
	'admin'
);

const values = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 60 }),
	fc.webUrl({ withQueryParameters: true, withFragments: true }),
	fc.webPath(),
	fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join('')),
	fc
		.tuple(fc.array(tricky, { maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 12 }))
		.map(([parts, tail]) => `/${parts.join('')}${tail}`)
);

describe('sameOriginPath', () => {
	it('keeps a path of the site, its query and its fragment', () => {
		expect(sameOriginPath('/fr/account?saved=locale#top', FALLBACK)).toBe(
			'/fr/account?saved=locale#top'
		);
		expect(sameOriginPath('/zh/merchants/12-café', FALLBACK)).toBe('/zh/merchants/12-caf%C3%A9');
	});

	it.each([
		['/\t/evil.example'],
		['/\n/evil.example'],
		['//evil.example'],
		['/\\evil.example'],
		['\\/evil.example'],
		['https://evil.example/fr'],
		['javascript:alert(1)'],
		['/.//evil.example'],
		['fr/account'],
		[''],
		[null]
	])('refuses %j (the fallback instead)', (value) => {
		expect(sameOriginPath(value, FALLBACK)).toBe(FALLBACK);
	});

	it('never answers a header a server cannot send (CR, LF, U+3000, NUL)', () => {
		for (const value of ['/fr\r\nSet-Cookie: x=1', '/fr/\u3000', '/fr/\0', '/fr?q=\u3000#\u0085']) {
			expect(sameOriginPath(value, FALLBACK)).toMatch(/^[\x21-\x7e]+$/);
		}
	});

	it('always answers one path of this site (property, 5,000 values)', () => {
		fc.assert(
			fc.property(values, (value) => {
				const path = sameOriginPath(value, FALLBACK);
				expect(path.startsWith('/')).toBe(true);
				expect(path.startsWith('//')).toBe(false);
				expect(path.startsWith('/\\')).toBe(false);
				expect(path).toMatch(/^[\x21-\x7e]+$/);
				expect(staysOnSite(path)).toBe(true);
				// Normalised once, it stays the same.
				expect(sameOriginPath(path, FALLBACK)).toBe(path);
			}),
			{ numRuns: 5000 }
		);
	});
});
