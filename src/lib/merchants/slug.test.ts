import { describe, expect, it } from 'vitest';
import { merchantIdFromParam, merchantPath, merchantSlug } from './slug';

describe('merchant URLs', () => {
	it('turns French names into ASCII slugs', () => {
		expect(merchantSlug('Pharmacie de l’Opéra')).toBe('pharmacie-de-l-opera');
		expect(merchantSlug('Œuvres & Cœur — Café')).toBe('oeuvres-coeur-cafe');
		expect(merchantSlug('歌剧院药房')).toBe('commerce');
	});

	it('builds the path and reads the id back', () => {
		const path = merchantPath(42, 'Galeries Étoile');
		expect(path).toBe('/merchants/42-galeries-etoile');
		expect(merchantIdFromParam(path.split('/')[2])).toBe(42);
		expect(merchantIdFromParam('42')).toBe(42);
	});

	it('refuses anything that is not an id', () => {
		for (const bad of ['', '0-x', 'abc', '-1', '12abc', '99999999999', '1.5', '7-Slug']) {
			expect(merchantIdFromParam(bad), bad).toBeNull();
		}
	});
});
