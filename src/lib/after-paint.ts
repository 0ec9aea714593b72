/**
 * Work that must not delay what a page shows first or the visitor's first taps: the home page's
 * map (its code and the map library, whose evaluation is one long task on a phone) and the code
 * kept for offline use (src/lib/pwa/client.ts) start once the page has loaded and then stayed
 * quiet for a moment.
 */

/** How long the work waits at most for the browser to be idle. */
export const IDLE_TIMEOUT_MS = 2000;

/**
 * Deferred work starts by itself once the page has been quiet this long after its load and its
 * first paint: no long task and no file or request finished (where the browser reports them),
 * then an idle moment.
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

const FIRST_PAINT = 'first-contentful-paint';

/** Whether the browser reports paints, and whether the page's first content was painted. */
function firstPaint(): 'painted' | 'waiting' | 'unknown' {
	if (
		typeof PerformanceObserver !== 'function' ||
		!PerformanceObserver.supportedEntryTypes?.includes('paint')
	)
		return 'unknown';
	return performance.getEntriesByName(FIRST_PAINT).length > 0 ? 'painted' : 'waiting';
}

/**
 * Calls `onActivity` for each long task and each finished request, and `onFirstPaint` when the
 * page's first content is painted, where the browser tells.
 */
function watchActivity(onActivity: () => void, onFirstPaint: () => void): () => void {
	if (typeof PerformanceObserver !== 'function') return () => {};
	const observers = [
		new PerformanceObserver(onActivity),
		new PerformanceObserver((list) => {
			if (list.getEntriesByName(FIRST_PAINT).length > 0) onFirstPaint();
		})
	];
	for (const type of ['longtask', 'resource']) {
		if (PerformanceObserver.supportedEntryTypes?.includes(type)) observers[0].observe({ type });
	}
	if (PerformanceObserver.supportedEntryTypes?.includes('paint'))
		observers[1].observe({ type: 'paint' });
	return () => observers.forEach((observer) => observer.disconnect());
}

/**
 * Runs `run` once the page has loaded (its `load` event), painted its first content, and then
 * stayed quiet for QUIET_MS (each long task or finished request starts the count again; at most
 * SETTLE_MAX_MS after the load), at the browser's next idle moment. On a busy phone the first
 * paint can come well after the load event (the page's scripts run first): counting the quiet
 * from the load alone then started the map's long evaluation right after the first paint.
 * Returns `cancel`, and `now`, which runs it at once instead (a visitor who touches the map
 * does not wait).
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
	let painted = false;
	const restartQuiet = () => {
		if (!painted) return;
		clearTimeout(quiet);
		quiet = setTimeout(settled, QUIET_MS);
	};
	const onFirstPaint = () => {
		painted = true;
		restartQuiet();
	};
	function onLoad() {
		stopWatching = watchActivity(restartQuiet, onFirstPaint);
		latest = setTimeout(settled, SETTLE_MAX_MS);
		if (firstPaint() !== 'waiting') onFirstPaint();
	}
	if (document.readyState === 'complete') onLoad();
	else addEventListener('load', onLoad, { once: true });
	return { cancel: stop, now: once };
}
