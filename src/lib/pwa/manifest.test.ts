import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { ICONS, APPLE_TOUCH_ICON, webManifest } from './manifest';

const staticFile = (path: string) => new URL(`../../../static${path}`, import.meta.url);

describe('web app manifest', () => {
	it('names the app and starts it in the language it was installed from', () => {
		const zh = webManifest('zh');
		expect(zh).toMatchObject({
			name: '无现金巴黎',
			start_url: '/zh',
			lang: 'zh-Hans',
			display: 'standalone',
			theme_color: '#0b63ce',
			id: '/'
		});
		const fr = webManifest('fr');
		expect(fr).toMatchObject({ name: 'Paris sans espèces', start_url: '/fr', lang: 'fr', id: '/' });
	});

	it('lists icons that exist, as PNGs of the stated size, with maskable ones', () => {
		for (const icon of [...ICONS, { src: APPLE_TOUCH_ICON, sizes: '180x180' }]) {
			const file = staticFile(icon.src);
			expect(existsSync(file), icon.src).toBe(true);
			const png = readFileSync(file);
			expect(png.subarray(1, 4).toString('ascii'), icon.src).toBe('PNG');
			const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
			expect(`${w}x${h}`, icon.src).toBe(icon.sizes);
		}
		expect(ICONS.filter((i) => i.purpose === 'maskable').map((i) => i.sizes)).toEqual([
			'192x192',
			'512x512'
		]);
	});
});
