import { afterEach, describe, expect, it, vi } from 'vitest';
import { siteLink, originProblem, siteOrigin } from './links';

afterEach(() => vi.unstubAllEnvs());

describe('e-mailed links', () => {
	it('are on ORIGIN, in the language asked', () => {
		vi.stubEnv('ORIGIN', 'https://cashless.example.fr/');
		expect(siteLink('/reset-password/abc', 'zh')).toBe(
			'https://cashless.example.fr/zh/reset-password/abc'
		);
		expect(siteLink('/invitation/abc', 'fr')).toBe('https://cashless.example.fr/fr/invitation/abc');
	});

	it('go to the development server when ORIGIN is not set (the production server does not start)', () => {
		expect(siteOrigin({})).toBe('http://localhost:5173');
		expect(siteOrigin({ ORIGIN: 'http://127.0.0.1:4173' })).toBe('http://127.0.0.1:4173');
	});
});

describe('originProblem', () => {
	it('accepts a public URL, refuses none or a malformed one, saying what to set', () => {
		expect(originProblem({ ORIGIN: 'https://cashless.example.fr' })).toBeNull();
		expect(originProblem({ ORIGIN: 'http://127.0.0.1:4173' })).toBeNull();
		expect(originProblem({})).toMatch(/^ORIGIN is not set\. .*ORIGIN=https:\/\//);
		expect(originProblem({ ORIGIN: '' })).toMatch(/not set/);
		for (const bad of ['cashless.example.fr', 'https://cashless.example.fr/fr', 'ftp://x.fr']) {
			expect(originProblem({ ORIGIN: bad }), bad).toMatch(/is not the site's public URL/);
		}
	});
});
