import { describe, expect, it } from 'vitest';
import { basemapSources, responseSecurity, securityHeaders, withSources } from './security-headers';

const KIT_POLICY =
	"default-src 'self'; script-src 'self' 'nonce-abc'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'";

describe('basemapSources', () => {
	it('is OpenFreeMap by default, nothing with no basemap', () => {
		expect(basemapSources({})).toEqual(['https://tiles.openfreemap.org']);
		expect(basemapSources({ PUBLIC_MAP_STYLE_URL: 'none' })).toEqual([]);
		expect(basemapSources({ PUBLIC_MAP_STYLE_URL: '' })).toEqual([]);
	});

	it('takes a style URL, or the PMTiles archive with its glyphs and sprites, never the other', () => {
		expect(basemapSources({ PUBLIC_MAP_STYLE_URL: 'https://maps.example.fr/style.json' })).toEqual([
			'https://maps.example.fr'
		]);
		expect(
			basemapSources({
				PUBLIC_MAP_STYLE_URL: 'https://ignored.example',
				PUBLIC_MAP_PMTILES_URL: 'https://cdn.example.fr/basemap/idf.pmtiles',
				PUBLIC_MAP_GLYPHS_URL: 'https://fonts.example.fr/{fontstack}/{range}.pbf',
				PUBLIC_MAP_SPRITE_URL: 'https://cdn.example.fr/sprites/v4/light'
			})
		).toEqual(['https://cdn.example.fr', 'https://fonts.example.fr']);
	});

	it("leaves out the site's own paths and anything not http(s); adds MAP_CSP_HOSTS", () => {
		expect(
			basemapSources({
				PUBLIC_MAP_PMTILES_URL: '/basemap/idf.pmtiles',
				PUBLIC_MAP_GLYPHS_URL: "javascript:alert('x')",
				MAP_CSP_HOSTS: ' https://tiles.example.fr/x  nonsense  https://a.example:8443 '
			})
		).toEqual(['https://tiles.example.fr', 'https://a.example:8443']);
	});
});

describe('withSources', () => {
	it('adds the sources to the named directives only', () => {
		expect(withSources(KIT_POLICY, ['connect-src', 'img-src'], ['https://t.example'])).toBe(
			"default-src 'self'; script-src 'self' 'nonce-abc'; img-src 'self' data: blob: https://t.example; connect-src 'self' https://t.example; frame-ancestors 'none'"
		);
		expect(withSources(KIT_POLICY, ['connect-src'], [])).toBe(KIT_POLICY);
	});
});

describe('securityHeaders', () => {
	it('HSTS only for an https origin', () => {
		expect(securityHeaders({ ORIGIN: 'http://127.0.0.1:4173' })).not.toHaveProperty(
			'strict-transport-security'
		);
		expect(securityHeaders({ ORIGIN: 'https://cashless.example.fr' })).toMatchObject({
			'strict-transport-security': 'max-age=31536000; includeSubDomains',
			'x-frame-options': 'DENY',
			'x-content-type-options': 'nosniff'
		});
	});

	it('are set on a response, the CSP extended only where there is one', () => {
		const secure = responseSecurity({ PUBLIC_MAP_STYLE_URL: 'https://t.example/style.json' });
		const page = new Headers({ 'content-security-policy': KIT_POLICY });
		secure(page);
		expect(page.get('content-security-policy')).toContain("connect-src 'self' https://t.example");
		expect(page.get('permissions-policy')).toMatch(/^geolocation=\(self\), camera=\(\)/);
		const json = new Headers();
		secure(json);
		expect(json.get('content-security-policy')).toBeNull();
		expect(json.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	});
});
