/**
 * Work that must not delay what a page shows first or the visitor's first taps: the home page's
 * map (its code and the map library, whose evaluation is one long task on a phone) and the code
 * kept for offline use (src/lib/pwa/client.ts) start once the page has loaded and then stayed
 * quiet for a moment.
 */

/** How long the work waits at most for the browser to be idle. */
export const IDLE_TIMEOUT_MS = 2000;

/**
 * How long the page stays quiet after its load (and the browser idle) before deferred work
 * starts by itself: the visitor's first look and taps (the search box, a row of the list) come
 * before the map library's long evaluation; see docs/performance.md, "First view".
 */
export const SETTLE_MS = 2500;

/** Where requestIdleCallback is missing (Safari): a zero timeout. */
function whenIdle(run: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(run, 0);
	return () => clearTimeout(id);
}

/**
 * Runs `run` once the page has loaded (its `load` event), the browser has been idle, SETTLE_MS
 * have passed, and the browser is idle again. Returns a function that cancels it; `now()` on the
 * returned handle runs it at once instead (a visitor who asks for the map does not wait).
 */
export function afterPageSettles(run: () => void): { cancel: () => void; now: () => void } {
	let done = false;
	let cancelStep = () => {};
	const once = () => {
		if (done) return;
		done = true;
		cancelStep();
		removeEventListener('load', onLoad);
		run();
	};
	const onLoad = () => {
		cancelStep = whenIdle(() => {
			const timer = setTimeout(() => (cancelStep = whenIdle(once)), SETTLE_MS);
			cancelStep = () => clearTimeout(timer);
		});
	};
	if (document.readyState === 'complete') onLoad();
	else addEventListener('load', onLoad, { once: true });
	return {
		cancel: () => {
			done = true;
			cancelStep();
			removeEventListener('load', onLoad);
		},
		now: once
	};
}
