import { expect, type Locator, type Page } from '@playwright/test';
import { TEST_STYLE } from './offline-basemap';

/**
 * Maps in end-to-end tests. The e2e server's PUBLIC_MAP_STYLE_URL points at
 * /e2e-basemap/style.json, which only this route answers, with the offline basemap.
 */
export async function serveTestBasemap(page: Page): Promise<void> {
	await page.route('**/e2e-basemap/style.json', (route) =>
		route.fulfill({ json: TEST_STYLE, headers: { 'access-control-allow-origin': '*' } })
	);
}

/**
 * How long a map may take to be ready or drawn: the home page's starts only once the page has
 * settled (up to 10 s, src/lib/after-paint.ts), then loads maplibre (one long task) and its
 * style; on a busy 2-core machine that passed the default 30 s.
 */
const MAP_TIMEOUT = 60_000;

/**
 * The map library is loaded and the map made (MapFrame's `data-status`: 'ready', or
 * 'no-basemap' when its basemap could not be had).
 */
export async function expectMapReady(
	map: Locator,
	status: 'ready' | 'no-basemap' = 'ready'
): Promise<void> {
	await expect(map).toHaveAttribute('data-status', status, { timeout: MAP_TIMEOUT });
}

/**
 * A map (its `.map` container) that has drawn its data: maplibre's canvas is there, and the map
 * says "drawn" once its style and the page's data layers are on it (MapFrame's `data-state`).
 */
export async function expectMapDrawn(map: Locator): Promise<void> {
	await expect(map).toHaveAttribute('data-state', 'drawn', { timeout: MAP_TIMEOUT });
	await expect(map.locator('canvas.maplibregl-canvas')).toHaveCount(1);
}
