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
 * A map (its `.map` container) that has drawn its data: maplibre's canvas is there, and the map
 * says "drawn" once its style and the page's data layers are on it (MapFrame's `data-state`).
 */
export async function expectMapDrawn(map: Locator): Promise<void> {
	await expect(map).toHaveAttribute('data-state', 'drawn', { timeout: 15_000 });
	await expect(map.locator('canvas.maplibregl-canvas')).toHaveCount(1);
}
