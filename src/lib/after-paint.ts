/**
 * Work that must not delay what a page shows first or the visitor's first taps: the home page's
 * map (its code and the map library, whose evaluation is one long task on a phone) and the code
 * kept for offline use (src/lib/pwa/client.ts) start once the page has loaded and then stayed
 * quiet for a moment.
 */

/** How long the work waits at most for the browser to be idle. */
export const IDLE_TIMEOUT_MS = 2000;

/**
 * Deferred work starts by itself once the page has been quiet this long after its load: no long
 * task and no file or request finished (where the browser reports them), then an idle moment.
 * The visitor's first look and taps (the search box, a row of the list) come before the map
 * library's long evaluation; see docs/performance.md, "First view".
 */
export const QUIET_MS = 2000;

/** Deferred work starts at the latest this long after the load, quiet or not. */
export const SETTLE_MAX_MS = 10_000;

/** Where requestIdleCallback is missing (Safari): a zero timeout. */
function whenIdle(run: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(run, 0);
	return () => clearTimeout(id);
}

/** Calls `onActivity` for each long task and each finished request, where the browser tells. */
function watchActivity(onActivity: () => void): () => void {
	if (typeof PerformanceObserver !== 'function') return () => {};
	const observer = new PerformanceObserver(onActivity);
	for (const type of ['longtask', 'resource']) {
		if (PerformanceObserver.supportedEntryTypes?.includes(type)) observer.observe({ type });
	}
	return () => observer.disconnect();
}

/**
 * Runs `run` once the page has loaded (its `load` event) and then stayed quiet for QUIET_MS
 * (each long task or finished request starts the count again; at most SETTLE_MAX_MS after the
 * load), at the browser's next idle moment. Returns `cancel`, and `now`, which runs it at once
 * instead (a visitor who touches the map does not wait).
 */
export function afterPageSettles(run: () => void): { cancel: () => void; now: () => void } {
	let done = false;
	let quiet: ReturnType<typeof setTimeout> | undefined;
	let latest: ReturnType<typeof setTimeout> | undefined;
	let cancelIdle = () => {};
	let stopWatching = () => {};
	const stop = () => {
		done = true;
		clearTimeout(quiet);
		clearTimeout(latest);
		cancelIdle();
		stopWatching();
		removeEventListener('load', onLoad);
	};
	const once = () => {
		if (done) return;
		stop();
		run();
	};
	const settled = () => {
		stopWatching();
		clearTimeout(latest);
		cancelIdle = whenIdle(once);
	};
	const restartQuiet = () => {
		clearTimeout(quiet);
		quiet = setTimeout(settled, QUIET_MS);
	};
	function onLoad() {
		stopWatching = watchActivity(restartQuiet);
		latest = setTimeout(settled, SETTLE_MAX_MS);
		restartQuiet();
	}
	if (document.readyState === 'complete') onLoad();
	else addEventListener('load', onLoad, { once: true });
	return { cancel: stop, now: once };
}
