/**
 * Work that must not delay what a page shows first: the home page's map (its code and the map
 * library) starts once the list and the search box have painted and the browser is idle.
 */

/** How long the work waits at most for the browser to be idle. */
export const IDLE_TIMEOUT_MS = 2000;

/**
 * Runs `run` after the page's next paint, once the browser is idle (at most IDLE_TIMEOUT_MS
 * later); where requestIdleCallback is missing (Safari), right after the next paint. Returns a
 * function that cancels it.
 */
export function afterPaintWhenIdle(run: () => void): () => void {
	let cancelled = false;
	let cancelIdle = () => {};
	const frame = requestAnimationFrame(() => {
		if (typeof requestIdleCallback === 'function') {
			const id = requestIdleCallback(() => !cancelled && run(), { timeout: IDLE_TIMEOUT_MS });
			cancelIdle = () => cancelIdleCallback(id);
		} else {
			const id = setTimeout(() => !cancelled && run(), 0);
			cancelIdle = () => clearTimeout(id);
		}
	});
	return () => {
		cancelled = true;
		cancelAnimationFrame(frame);
		cancelIdle();
	};
}
