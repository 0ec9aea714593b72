/**
 * Loading maplibre lazily (after the page has painted) and choosing the basemap, for every
 * map of the site; `startMap` (lifecycle.ts) creates the maps with them. The basemap comes
 * from the environment (see README):
 *   PUBLIC_MAP_PMTILES_URL  a self-hosted PMTiles archive, drawn with @protomaps/basemaps, labels
 *                           in the page's language (glyphs/sprites: PUBLIC_MAP_GLYPHS_URL,
 *                           PUBLIC_MAP_SPRITE_URL);
 *   PUBLIC_MAP_STYLE_URL    any MapLibre style URL (default: OpenFreeMap "liberty", keyless);
 *                           "none" for a plain background.
 * Chinese labels are drawn with the device's fonts (CJK_FONTS in lifecycle.ts), never downloaded.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { env } from '$env/dynamic/public';
import type { Locale } from '$lib/paraglide/runtime';
import { PLAIN_STYLE, type Basemap, type Maplibre } from './lifecycle';

export const DEFAULT_STYLE_URL = 'https://tiles.openfreemap.org/styles/liberty';

let loading: Promise<Maplibre> | undefined;

/** The library, its worker and its CSS, loaded once. */
export function loadMaplibre(): Promise<Maplibre> {
	loading ??= (async () => {
		const [lib, worker] = await Promise.all([
			import('maplibre-gl'),
			// maplibre 6 loads its worker from a separate module: Vite must bundle it (with its
			// shared chunk) and maplibre must be told where it is.
			import('maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url'),
			import('maplibre-gl/dist/maplibre-gl.css')
		]);
		lib.setWorkerUrl(worker.default);
		return lib;
	})().catch((error) => {
		loading = undefined;
		throw error;
	});
	return loading;
}

let pmtilesRegistered = false;

/** The basemap chosen by the environment, with labels in the page's language where possible. */
export async function basemapStyle(
	maplibre: Maplibre,
	locale: Locale
): Promise<StyleSpecification | string> {
	const pmtiles = env.PUBLIC_MAP_PMTILES_URL;
	if (pmtiles) {
		const [{ Protocol }, basemaps] = await Promise.all([
			import('pmtiles'),
			import('@protomaps/basemaps')
		]);
		if (!pmtilesRegistered) {
			maplibre.addProtocol('pmtiles', new Protocol().tile);
			pmtilesRegistered = true;
		}
		const glyphs = env.PUBLIC_MAP_GLYPHS_URL || undefined;
		const layers = basemaps.layers('protomaps', basemaps.namedFlavor('light'), {
			lang: locale === 'zh' ? 'zh-Hans' : 'fr'
		});
		return {
			version: 8,
			glyphs,
			sprite: env.PUBLIC_MAP_SPRITE_URL || undefined,
			sources: {
				protomaps: {
					type: 'vector',
					url: `pmtiles://${new URL(pmtiles, location.href).href}`,
					attribution: '© OpenStreetMap'
				}
			},
			// Labels need glyphs: without a glyphs URL the basemap is drawn without labels
			// rather than not at all.
			layers: glyphs ? layers : layers.filter((layer) => layer.type !== 'symbol')
		} as StyleSpecification;
	}
	const url = env.PUBLIC_MAP_STYLE_URL ?? DEFAULT_STYLE_URL;
	return url === 'none' || url === '' ? PLAIN_STYLE : url;
}

/** The library and the basemap for `startMap` (lifecycle.ts), labels in `locale` where possible. */
export function basemapLoader(locale: Locale): () => Promise<Basemap> {
	return async () => {
		const maplibre = await loadMaplibre();
		const style = await basemapStyle(maplibre, locale).catch(() => PLAIN_STYLE);
		return { maplibre, style };
	};
}
