/**
 * The life of every map of the site, from the library's download to the map's removal:
 *  - creating: the library and the basemap come from `load` (by default `basemapLoader`: the
 *    lazily imported maplibre with its worker, and the basemap of the environment), then the map;
 *    a lazy map waits until its container scrolls near the screen, and never starts in print; the
 *    map's creation runs in a task of its own, after the library's evaluation (no long task);
 *  - falling back: a basemap that fails, or whose style does not arrive within BASEMAP_TIMEOUT_MS
 *    (offline, roaming, blocked CDN), is replaced by a plain background, and the status says so,
 *    for the notice (a style that arrived may take longer over its tiles: a slow phone keeps
 *    its basemap); no library or no WebGL: 'unavailable', and the page offers what stands in for it;
 *  - drawing the caller's data: `onStyle` runs each time a style has loaded (a new style drops
 *    the layers of the previous one), and `onDrawn` once the map has drawn them;
 *  - resizing: maplibre's own ResizeObserver on the container (`trackResize`, forced on here), so
 *    a container that changes size (bottom sheet, rotation, a section unfolded) is redrawn;
 *  - tearing down: the function returned removes the map and everything the caller set up, and a
 *    teardown before the library has arrived means no map is ever created.
 */
import type { Map as MaplibreMap, MapOptions, StyleSpecification } from 'maplibre-gl';

export type Maplibre = typeof import('maplibre-gl');

/**
 * 'off': not started (server rendering, or before the page's script has run);
 * 'waiting': a lazy map not yet scrolled near the screen; 'loading'; 'ready': on its basemap;
 * 'no-basemap': on the plain background; 'unavailable': no library or no WebGL.
 */
export type MapStatus = 'off' | 'waiting' | 'loading' | 'ready' | 'no-basemap' | 'unavailable';

/** What a map needs before it can be created. */
export interface Basemap {
	maplibre: Maplibre;
	style: StyleSpecification | string;
}

export type MapOwnOptions = Omit<MapOptions, 'container' | 'style'>;

export interface MapSetup {
	options: MapOwnOptions;
	load: () => Promise<Basemap>;
	/** Start only when the container comes near the screen (IntersectionObserver). */
	lazy?: boolean;
	onStatus: (status: MapStatus) => void;
	/** Once, when the map exists: controls, markers, handlers. What it returns runs at teardown. */
	onCreate?: (map: MaplibreMap, maplibre: Maplibre) => void | (() => void);
	/** Each time a style has loaded (the basemap, or the plain background that replaced it). */
	onStyle?: (map: MaplibreMap, maplibre: Maplibre) => void;
	/** The map has drawn its style and what `onStyle` added (called again after a style swap). */
	onDrawn?: () => void;
}

/** A plain background: the data stays visible when no basemap can be loaded. */
export const PLAIN_STYLE: StyleSpecification = {
	version: 8,
	sources: {},
	layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#e8ecef' } }]
};

export const CJK_FONTS =
	"'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** How long a basemap's style may take before the map falls back to the plain background. */
export const BASEMAP_TIMEOUT_MS = 8000;

/** How far from the screen a lazy map starts loading. */
const LAZY_MARGIN = '200px';

/** Lets the browser handle input and paint before the next step (a long task split in two). */
function yieldToBrowser(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Starts a map in `container`; the function returned tears it down, at any stage. */
export function startMap(container: HTMLElement, setup: MapSetup): () => void {
	let destroyed = false;
	let status: MapStatus = 'off';
	let map: MaplibreMap | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let observer: IntersectionObserver | undefined;
	let cleanup: void | (() => void);

	const set = (next: MapStatus) => {
		status = next;
		setup.onStatus(next);
	};

	async function create() {
		set('loading');
		let basemap: Basemap;
		try {
			basemap = await setup.load();
		} catch {
			if (!destroyed) set('unavailable');
			return;
		}
		// The library's evaluation and the map's creation are two tasks, not one long one.
		await yieldToBrowser();
		// Torn down while the library was on its way: no map at all.
		if (destroyed) return;
		const { maplibre, style } = basemap;
		let created: MaplibreMap;
		try {
			created = new maplibre.Map({
				container,
				style,
				localIdeographFontFamily: CJK_FONTS,
				attributionControl: { compact: true },
				...setup.options,
				trackResize: true
			});
		} catch {
			set('unavailable');
			return;
		}
		map = created;
		const fallBack = () => {
			if (status !== 'loading') return;
			clearTimeout(timer);
			set('no-basemap');
			// A new style from scratch (no diff): it fires 'style.load', and the data comes back.
			created.setStyle(PLAIN_STYLE, { diff: false });
		};
		timer = setTimeout(fallBack, BASEMAP_TIMEOUT_MS);
		// Until the first load, any error means the basemap is unusable; afterwards a missing tile
		// only leaves a blank square, and the data stays drawn.
		created.on('error', fallBack);
		created.once('load', () => {
			clearTimeout(timer);
			if (status === 'loading') set('ready');
		});
		created.on('style.load', () => {
			// The basemap answered: its tiles may take their time (an error still falls back).
			if (status === 'loading') clearTimeout(timer);
			setup.onStyle?.(created, maplibre);
			created.once('idle', () => {
				if (!destroyed) setup.onDrawn?.();
			});
		});
		cleanup = setup.onCreate?.(created, maplibre);
	}

	if (!setup.lazy) {
		void create();
	} else {
		set('waiting');
		// A printed page shows the tables instead; a map would only delay the print.
		if (!globalThis.matchMedia?.('print').matches) {
			const watcher = new IntersectionObserver(
				(entries) => {
					if (!entries.some((entry) => entry.isIntersecting)) return;
					watcher.disconnect();
					void create();
				},
				{ rootMargin: LAZY_MARGIN }
			);
			watcher.observe(container);
			observer = watcher;
		}
	}

	return () => {
		destroyed = true;
		observer?.disconnect();
		clearTimeout(timer);
		cleanup?.();
		map?.remove();
		map = undefined;
	};
}
