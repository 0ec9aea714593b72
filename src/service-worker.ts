/// <reference types="@sveltejs/kit" />
/// <reference types="vite/client" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline support for tourists on slow roaming connections (see docs/architecture.md, "Offline").
 *
 * - At install only a small shell is downloaded (files of static/, SvelteKit's entry points:
 *   installedShell); the other built JS/CSS is kept as it is used, cache first — including what
 *   the first page loaded before the worker existed, which the page lists (KEEP_ASSETS_MESSAGE).
 * - Public pages (map, /about, merchant pages), SvelteKit's data for them and the map page's
 *   public JSON are fetched network first; after NETWORK_TIMEOUT_MS, or when the network fails,
 *   the copy saved at the last visit is shown, and the page is told so (OfflineNotice.svelte).
 * - Nothing else is touched: account, back-office and admin pages, form posts, the directions
 *   redirect; and nothing answered to a signed-in visitor is ever kept.
 * Every cache carries the build's version and is deleted when a new version takes over, so a
 * saved page never points at JS/CSS files that are gone.
 */
import { build, files, version } from '$service-worker';
import {
	CACHE_LIMITS,
	KEEP_ASSETS_MESSAGE,
	KEEP_COPY_MESSAGE,
	NETWORK_TIMEOUT_MS,
	OFFLINE_COPY_HEADER,
	OFFLINE_COPY_MESSAGE,
	PAGE_COPY_MAX_AGE_MS,
	SAVED_AT_HEADER,
	builtFilesAmong,
	classifyRequest,
	installedShell,
	hasOverlayParams,
	isPublicPage,
	isSavable,
	localeOfPath,
	markOfflineCopy,
	normalizePath,
	pageCopyUrl,
	titleOf,
	type OfflineCopyMessage
} from '$lib/pwa/policy';
import { offlinePageHtml, type SavedPage } from '$lib/pwa/offline-page';

const sw = self as unknown as ServiceWorkerGlobalScope;

const PREFIX = 'cashless-paris';
const CACHES = {
	shell: `${PREFIX}-shell-${version}`,
	pages: `${PREFIX}-pages-${version}`,
	data: `${PREFIX}-data-${version}`,
	api: `${PREFIX}-api-${version}`
};
const SHELL = installedShell(build, files);
const BUILT = new Set([...build, ...files]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHES.shell);
			// One by one, so that a file lost on a flaky connection does not cancel the rest; a
			// missing file is fetched (and kept) the first time a page asks for it.
			const failed: string[] = [];
			await Promise.all(SHELL.map((url) => cache.add(url).catch(() => failed.push(url))));
			await Promise.all(failed.map((url) => cache.add(url).catch(() => undefined)));
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const current = new Set(Object.values(CACHES));
			for (const key of await caches.keys()) {
				if (key.startsWith(`${PREFIX}-`) && !current.has(key)) await caches.delete(key);
			}
			await sw.clients.claim();
			// The page that installed the worker was loaded before it existed: keep a copy of it,
			// so that the very first page a visitor opened also works offline.
			const windows = await sw.clients.matchAll({ type: 'window' });
			await Promise.all(windows.map((client) => keepPageCopy(new URL(client.url))));
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	// During `vite dev` the worker stays out of the way (no stale pages while developing).
	if (import.meta.env.DEV) return;
	const { request } = event;
	const url = new URL(request.url);
	const kind = classifyRequest(url, request, sw.location.origin, BUILT);
	switch (kind.type) {
		case 'shell':
			event.respondWith(cacheFirst(request));
			return;
		case 'page':
			event.respondWith(page(event, url));
			return;
		case 'page-data':
			event.respondWith(pageData(event, url, kind.path));
			return;
		case 'api':
			event.respondWith(api(event));
			return;
		case 'network':
			return;
	}
});

// A page reached by an in-app navigation (its data came through `pageData`) asks for a copy of
// the page itself, so that it also opens offline from a reload, a link or the home screen. The
// page asks (see keepOfflineCopy) rather than the worker guessing from the data requests,
// because SvelteKit also fetches data to preload links that are only hovered.
sw.addEventListener('message', (event) => {
	const data = event.data as { type?: unknown; url?: unknown; urls?: unknown } | null;
	if (data?.type === KEEP_COPY_MESSAGE && typeof data.url === 'string') {
		event.waitUntil(keepPageCopy(new URL(data.url, sw.location.origin)));
	}
	if (data?.type === KEEP_ASSETS_MESSAGE && Array.isArray(data.urls)) {
		event.waitUntil(keepAssets(builtFilesAmong(data.urls, sw.location.origin, BUILT)));
	}
});

/** Built files a page already loaded: most come from the browser's HTTP cache, not the network. */
async function keepAssets(paths: string[]): Promise<void> {
	const cache = await caches.open(CACHES.shell);
	for (const path of paths) {
		if (!(await cache.match(path))) await cache.add(path).catch(() => undefined);
	}
}

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHES.shell);
	const hit = await cache.match(request);
	if (hit) return hit;
	const response = await fetch(request);
	if (isSavable(response)) await cache.put(request, response.clone());
	return response;
}

/** A navigation to a public page. */
async function page(event: FetchEvent, url: URL): Promise<Response> {
	const key = pageCopyUrl(url);
	const result = await networkFirst(event, event.request, {
		cache: CACHES.pages,
		// A page opened with a cashier card is saved without it (the card opens from the URL).
		key: hasOverlayParams(url) ? null : key,
		limit: CACHE_LIMITS.pages,
		lookup: () => findCopy(CACHES.pages, key)
	});
	if (result.response && !result.fromCache) {
		// Pages answered to a signed-in visitor (they may show who is signed in) and pages with a
		// cashier card open are not kept: keep an anonymous copy of the plain page instead.
		if (!isSavable(result.response) || hasOverlayParams(url)) event.waitUntil(keepPageCopy(url));
		return result.response;
	}
	if (url.pathname !== normalizePath(url.pathname)) {
		// '/zh/' → '/zh', as the server does: saved pages use paths relative to their address.
		return Response.redirect(new URL(normalizePath(url.pathname) + url.search, url).href, 308);
	}
	if (result.response) {
		const savedAt = result.response.headers.get(SAVED_AT_HEADER);
		const html = markOfflineCopy(await result.response.text(), savedAt);
		return new Response(html, {
			headers: { 'content-type': 'text/html; charset=utf-8', [SAVED_AT_HEADER]: savedAt ?? '' }
		});
	}
	const locale = localeOfPath(url.pathname) ?? 'zh';
	return new Response(offlinePageHtml(locale, await savedPages(locale)), {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/** SvelteKit's data for a public page (a navigation inside the app). */
async function pageData(event: FetchEvent, url: URL, path: string): Promise<Response> {
	const key = url.href;
	const result = await networkFirst(event, event.request, {
		cache: CACHES.data,
		sveltekitData: true,
		key,
		limit: CACHE_LIMITS.data,
		// The data of the same page with other query parameters is better than nothing
		// (a merchant page opened with ?card=alipay, the map with other filters).
		lookup: () => findCopy(CACHES.data, key)
	});
	if (result.response && !result.fromCache) return result.response;
	if (result.response) {
		event.waitUntil(tell(event.clientId, path, result.response));
		return result.response;
	}
	// No copy: SvelteKit then asks again for its root error page and, refused again, falls back
	// to a full navigation, answered by `page` (a saved copy of the page, or the offline page).
	// Should its error page show after all, it knows this status and message (+error.svelte).
	return new Response(JSON.stringify('offline'), {
		status: 503,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
}

/** Public JSON of the map page: the list, one listing's card, map clusters. */
async function api(event: FetchEvent): Promise<Response> {
	const key = event.request.url;
	const result = await networkFirst(event, event.request, {
		cache: CACHES.api,
		key,
		limit: CACHE_LIMITS.api,
		lookup: async () => (await caches.open(CACHES.api)).match(key)
	});
	if (result.response && result.fromCache) {
		event.waitUntil(tell(event.clientId, null, result.response));
	}
	return result.response ?? Response.error();
}

interface NetworkFirstOptions {
	cache: string;
	/** SvelteKit's data: its `no-store` does not forbid an offline copy (see isSavable). */
	sveltekitData?: boolean;
	/** Where to save the network's answer; null: do not save it. */
	key: string | null;
	limit: number;
	lookup: () => Promise<Response | undefined>;
}

/**
 * The network's answer if it comes within NETWORK_TIMEOUT_MS (kept for later when it is
 * savable); otherwise the saved copy, while the network's answer, when it comes, still
 * refreshes the copy; with no copy, whatever the network finally says. A server error
 * (5xx: the server or its proxy is down) also gives way to a saved copy.
 */
async function networkFirst(
	event: FetchEvent,
	request: Request,
	options: NetworkFirstOptions
): Promise<{ response: Response | undefined; fromCache: boolean }> {
	const network = fetch(request);
	const { key } = options;
	event.waitUntil(
		network.then(
			(response) =>
				key !== null && isSavable(response, { sveltekitData: options.sveltekitData })
					? save(options.cache, key, response.clone(), options.limit)
					: undefined,
			() => undefined
		)
	);
	const orCopy = async (response: Response) => {
		const copy = response.status >= 500 ? await options.lookup() : undefined;
		return copy ? { response: copy, fromCache: true } : { response, fromCache: false };
	};
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), NETWORK_TIMEOUT_MS);
	});
	try {
		const first = await Promise.race([network, timeout]);
		if (first !== 'timeout') return await orCopy(first);
		const copy = await options.lookup();
		if (copy) return { response: copy, fromCache: true };
		return await orCopy(await network);
	} catch {
		return { response: await options.lookup(), fromCache: true };
	} finally {
		clearTimeout(timer);
	}
}

/** Saves a response, stamped with the time, and drops the oldest entries beyond `limit`. */
async function save(cacheName: string, key: string, response: Response, limit: number) {
	const headers = new Headers(response.headers);
	headers.set(SAVED_AT_HEADER, new Date().toISOString());
	const body = await response.blob();
	const cache = await caches.open(cacheName);
	await cache.put(key, new Response(body, { status: 200, headers }));
	const keys = await cache.keys();
	await Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map((k) => cache.delete(k)));
}

/** The copy saved under this address, else one of the same page with other parameters. */
async function findCopy(cacheName: string, key: string): Promise<Response | undefined> {
	const cache = await caches.open(cacheName);
	return (
		(await cache.match(key, { ignoreVary: true })) ??
		(await cache.match(key, { ignoreSearch: true, ignoreVary: true }))
	);
}

/**
 * Keeps (or refreshes, once it is an hour old) an anonymous copy of a public page: fetched
 * without cookies, and marked so that the server does not count it as a visit.
 */
async function keepPageCopy(url: URL): Promise<void> {
	if (import.meta.env.DEV) return;
	if (url.origin !== sw.location.origin || !isPublicPage(url.pathname)) return;
	const key = pageCopyUrl(url);
	try {
		const cache = await caches.open(CACHES.pages);
		const existing = await cache.match(key);
		const savedAt = Date.parse(existing?.headers.get(SAVED_AT_HEADER) ?? '');
		if (existing && Date.now() - savedAt < PAGE_COPY_MAX_AGE_MS) return;
		const response = await fetch(key, {
			credentials: 'omit',
			headers: { [OFFLINE_COPY_HEADER]: '1', accept: 'text/html' }
		});
		if (isSavable(response)) await save(CACHES.pages, key, response, CACHE_LIMITS.pages);
	} catch {
		// Offline or refused: the copy will be made at the next visit.
	}
}

/** The saved pages of one language, newest first, with their titles. */
async function savedPages(locale: 'zh' | 'fr'): Promise<SavedPage[]> {
	const cache = await caches.open(CACHES.pages);
	const pages: SavedPage[] = [];
	for (const request of [...(await cache.keys())].reverse()) {
		const url = new URL(request.url);
		if (localeOfPath(url.pathname) !== locale) continue;
		const response = await cache.match(request);
		const title = response ? titleOf(await response.text()) : null;
		if (title) pages.push({ url: url.pathname + url.search, title });
		if (pages.length >= 20) break;
	}
	return pages;
}

/** Tells the page that what it shows (or is about to show) comes from a saved copy. */
async function tell(clientId: string, path: string | null, response: Response) {
	const client = clientId ? await sw.clients.get(clientId) : undefined;
	const message: OfflineCopyMessage = {
		type: OFFLINE_COPY_MESSAGE,
		path,
		savedAt: response.headers.get(SAVED_AT_HEADER)
	};
	client?.postMessage(message);
}
