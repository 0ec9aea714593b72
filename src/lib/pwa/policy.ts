/**
 * What the service worker (src/service-worker.ts) does with each request, as pure functions so
 * that the rules can be read and tested in one place.
 *
 * Saved for offline use: the public tourist pages (the map, /about, merchant pages), the data
 * SvelteKit fetches when it navigates to them (`…/__data.json`), and the public JSON the map
 * page asks for (list, map clusters, one listing's card). Never saved: anything else — account,
 * merchant back office and admin pages, form posts, the directions redirect (it counts a click),
 * anything answered to a signed-in visitor (the server marks it, see SIGNED_IN_HEADER).
 */
import { ID_PATTERN } from '../id';

/** Sent by the service worker when it fetches a page only to keep a copy: the server does not
 * count such a request as a visit or a search. */
export const OFFLINE_COPY_HEADER = 'x-offline-copy';

/** Sent by the server with everything it answers to a signed-in visitor (src/hooks.server.ts):
 * such answers are never kept. */
export const SIGNED_IN_HEADER = 'x-signed-in';

/** Stamped on every saved response: when it was saved (ISO 8601). */
export const SAVED_AT_HEADER = 'x-saved-at';

/** Roaming connections are slow: after this long a saved copy is shown instead of waiting. */
export const NETWORK_TIMEOUT_MS = 4000;

/** A page copy younger than this is not fetched again in the background. */
export const PAGE_COPY_MAX_AGE_MS = 60 * 60 * 1000;

/** How many entries each runtime cache keeps (the oldest go first). */
export const CACHE_LIMITS = { pages: 60, data: 60, api: 100 } as const;

/** The message a page receives when something it shows came from the offline copies. */
export const OFFLINE_COPY_MESSAGE = 'cashless-paris:offline-copy';

export interface OfflineCopyMessage {
	type: typeof OFFLINE_COPY_MESSAGE;
	/** The page the copy belongs to (normalised), or null for "the page you are on". */
	path: string | null;
	/** When the copy was saved (ISO 8601), if known. */
	savedAt: string | null;
}

/** The message a page sends the service worker after an in-app navigation (keepOfflineCopy). */
export const KEEP_COPY_MESSAGE = 'cashless-paris:keep-copy';

export interface KeepCopyMessage {
	type: typeof KEEP_COPY_MESSAGE;
	url: string;
}

/** The message a page sends the service worker with the built files it loaded (keepAssets). */
export const KEEP_ASSETS_MESSAGE = 'cashless-paris:keep-assets';

export interface KeepAssetsMessage {
	type: typeof KEEP_ASSETS_MESSAGE;
	urls: string[];
}

/**
 * What the worker downloads at install: the files of static/ (icons, manifest) and SvelteKit's
 * entry points with the root layout and error page — a few dozen kilobytes, not the whole build
 * (the map library alone is a megabyte). Everything else built is kept as it is used: the files
 * the first page loaded before the worker existed (the page sends their list), then every file
 * fetched, cache first.
 */
export function installedShell(build: readonly string[], files: readonly string[]): string[] {
	const core = /\/_app\/immutable\/(entry\/|nodes\/[01]\.)/;
	return [...files, ...build.filter((path) => core.test(path))];
}

/** Of the URLs a page reports, the built files of this version (nothing else is kept). */
export function builtFilesAmong(
	urls: readonly unknown[],
	origin: string,
	build: ReadonlySet<string>
): string[] {
	const out = new Set<string>();
	for (const raw of urls) {
		if (typeof raw !== 'string') continue;
		try {
			const url = new URL(raw, origin);
			if (url.origin === origin && build.has(url.pathname)) out.add(url.pathname);
		} catch {
			// not a URL: ignored
		}
	}
	return [...out];
}

export type RequestKind =
	/** Built JS/CSS and files of static/: cache first. */
	| { type: 'shell' }
	/** A navigation to a public page: network first, then the saved copy, then the offline page. */
	| { type: 'page'; path: string }
	/** SvelteKit's data for a public page: network first, then a saved copy. */
	| { type: 'page-data'; path: string }
	/** Public JSON used by the map page: network first, then a saved copy. */
	| { type: 'api' }
	/** Everything else: the service worker stays out of the way. */
	| { type: 'network' };

const LOCALES = ['zh', 'fr'] as const;
/** /{lang}/merchants/{id}-{slug}: the public merchant pages (not /{lang}/merchant/…). */
const MERCHANT_PAGE = new RegExp(`^/(zh|fr)/merchants/${ID_PATTERN}(-[a-z0-9-]*)?$`);
const PUBLIC_PAGES = [/^\/(zh|fr)$/, /^\/(zh|fr)\/about$/, MERCHANT_PAGE];
const PUBLIC_API = [/^\/api\/list$/, new RegExp(`^/api/listings/${ID_PATTERN}$`), /^\/api\/map$/];
const DATA_SUFFIX = '/__data.json';
/** Query parameters SvelteKit adds to its data requests. */
const SVELTEKIT_PARAMS = ['x-sveltekit-invalidated', 'x-sveltekit-trailing-slash'];
/** Query parameters that only open an overlay of a page (the cashier cards). */
const OVERLAY_PARAMS = ['card'];
/**
 * On a merchant page, the list it was opened from (query, filters, map, page: see
 * MAP_STATE_PARAMS in src/lib/merchants/filters.ts) only sets its back link, read from the
 * address by the page itself: one copy serves them all.
 */
export const RETURN_PARAMS = ['q', 'cat', 'pay', 'open', 'taxfree', 'zh', 'map', 'near', 'page'];

/** A path without its trailing slash ('/zh/' → '/zh'), so both spellings share one copy. */
export function normalizePath(pathname: string): string {
	return pathname.length > 1 ? pathname.replace(/\/+$/, '') || '/' : pathname;
}

/** Whether a (normalised) path is a public page whose copies may be kept. */
export function isPublicPage(pathname: string): boolean {
	const path = normalizePath(pathname);
	return PUBLIC_PAGES.some((re) => re.test(path));
}

/** The locale of a path (/zh/…, /fr/…), or null. */
export function localeOfPath(pathname: string): (typeof LOCALES)[number] | null {
	const first = pathname.split('/')[1];
	return LOCALES.find((l) => l === first) ?? null;
}

/** The page a SvelteKit data request (`/zh/merchants/1-x/__data.json?…`) belongs to. */
export function pageOfDataRequest(url: URL): string | null {
	if (!url.pathname.endsWith(DATA_SUFFIX)) return null;
	return normalizePath(url.pathname.slice(0, -DATA_SUFFIX.length) || '/');
}

export function classifyRequest(
	url: URL,
	request: { method: string; mode: string; headers: { has(name: string): boolean } },
	origin: string,
	precached: ReadonlySet<string>
): RequestKind {
	if (request.method !== 'GET' || request.headers.has('range') || url.origin !== origin) {
		return { type: 'network' };
	}
	const path = url.pathname;
	if (precached.has(path) || path.startsWith('/_app/immutable/')) return { type: 'shell' };
	if (request.mode === 'navigate') {
		return isPublicPage(path) ? { type: 'page', path: normalizePath(path) } : { type: 'network' };
	}
	const page = pageOfDataRequest(url);
	if (page !== null) {
		return isPublicPage(page) ? { type: 'page-data', path: page } : { type: 'network' };
	}
	if (PUBLIC_API.some((re) => re.test(path))) return { type: 'api' };
	return { type: 'network' };
}

/**
 * The address a page's copy is kept under: normalised path, the query without SvelteKit's own
 * parameters and without overlays (a merchant page's copy also serves `?card=alipay`).
 */
export function pageCopyUrl(url: URL): string {
	const copy = new URL(url.href);
	copy.pathname = normalizePath(copy.pathname);
	copy.hash = '';
	const dropped = [...SVELTEKIT_PARAMS, ...OVERLAY_PARAMS];
	if (MERCHANT_PAGE.test(copy.pathname)) dropped.push(...RETURN_PARAMS);
	for (const name of dropped) copy.searchParams.delete(name);
	copy.searchParams.sort();
	return copy.href;
}

/** Whether the address opens an overlay (a cashier card): its page is saved without it. */
export function hasOverlayParams(url: URL): boolean {
	return OVERLAY_PARAMS.some((name) => url.searchParams.has(name));
}

/**
 * Whether a response may be kept: a complete, same-origin, successful answer to an anonymous
 * visitor, that does not forbid storing. SvelteKit sends `no-store` with every `__data.json`
 * (meant for HTTP caches: the data may depend on cookies), so for those (`sveltekitData`) only
 * the signed-in mark counts.
 */
export function isSavable(
	response: {
		status: number;
		type: string;
		redirected: boolean;
		headers: { get(name: string): string | null };
	},
	{ sveltekitData = false } = {}
): boolean {
	if (response.status !== 200 || response.type !== 'basic' || response.redirected) return false;
	if (response.headers.get(SIGNED_IN_HEADER) !== null) return false;
	const cacheControl = response.headers.get('cache-control') ?? '';
	return sveltekitData || !/\bno-store\b/i.test(cacheControl);
}

/** The page title of an HTML document (as the server escaped it), for the list of saved pages. */
export function titleOf(html: string): string | null {
	const match = /<title>([^<]*)<\/title>/i.exec(html);
	return match ? match[1].trim() || null : null;
}

/** Marks a saved HTML page so the page knows, from its first render, that it is a copy. */
export function markOfflineCopy(html: string, savedAt: string | null): string {
	const value = (savedAt ?? '').replace(/[^0-9A-Za-z:.+-]/g, '');
	return html.replace(/<html\b/i, `<html data-offline-copy="${value}"`);
}
