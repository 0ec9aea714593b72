/**
 * Loading maplibre lazily (after the page has painted) and choosing the basemap, for every
 * map of the site. The basemap comes from the environment (see README):
 *   PUBLIC_MAP_PMTILES_URL  a self-hosted PMTiles archive, drawn with @protomaps/basemaps, labels
 *                           in the page's language (glyphs/sprites: PUBLIC_MAP_GLYPHS_URL,
 *                           PUBLIC_MAP_SPRITE_URL);
 *   PUBLIC_MAP_STYLE_URL    any MapLibre style URL (default: OpenFreeMap "liberty", keyless);
 *                           "none" for a plain background.
 * Chinese labels are drawn with the device's fonts (localIdeographFontFamily), never downloaded.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { env } from '$env/dynamic/public';
import type { Locale } from '$lib/paraglide/runtime';

export type Maplibre = typeof import('maplibre-gl');

export const DEFAULT_STYLE_URL = 'https://tiles.openfreemap.org/styles/liberty';

export const CJK_FONTS =
	"'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** A plain background: merchants stay visible when no basemap can be loaded. */
export const PLAIN_STYLE: StyleSpecification = {
	version: 8,
	sources: {},
	layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e8ecef' } }]
};

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

/** How long a basemap may take before the map falls back to the plain background. */
export const BASEMAP_TIMEOUT_MS = 8000;

export type MapStatus = 'loading' | 'ready' | 'no-basemap' | 'unavailable';

/**
 * Creates a map on the configured basemap. A basemap that fails or does not answer in time
 * (offline, roaming, blocked CDN) is replaced by the plain background, and `onStatus` says so;
 * no WebGL or no library: 'unavailable', and the caller shows its list instead.
 */
export async function createMap(
	container: HTMLElement,
	locale: Locale,
	options: Omit<import('maplibre-gl').MapOptions, 'container' | 'style'>,
	onStatus: (status: MapStatus) => void
): Promise<{ map: import('maplibre-gl').Map; maplibre: Maplibre } | null> {
	let maplibre: Maplibre;
	let map: import('maplibre-gl').Map;
	let status: MapStatus = 'loading';
	const set = (next: MapStatus) => {
		status = next;
		onStatus(next);
	};
	try {
		maplibre = await loadMaplibre();
		const style = await basemapStyle(maplibre, locale).catch(() => PLAIN_STYLE);
		map = new maplibre.Map({
			container,
			style,
			localIdeographFontFamily: CJK_FONTS,
			attributionControl: { compact: true },
			...options
		});
	} catch {
		set('unavailable');
		return null;
	}
	const fallBack = () => {
		if (status === 'no-basemap') return;
		set('no-basemap');
		map.setStyle(PLAIN_STYLE);
	};
	const timer = setTimeout(() => status === 'loading' && fallBack(), BASEMAP_TIMEOUT_MS);
	// Until the first load, any error means the basemap is unusable; afterwards a missing tile
	// only leaves a blank square, and the merchants stay drawn.
	map.on('error', () => status === 'loading' && fallBack());
	map.once('load', () => {
		clearTimeout(timer);
		if (status === 'loading') set('ready');
	});
	return { map, maplibre };
}
