/**
 * The site's language lives in the first segment of every page's path: /zh/…, /fr/…. These
 * few string functions are the whole of that rule, used by the server on every request (the
 * locale, the route behind it, the links of each page) and by the browser.
 *
 * They replace paraglide's URL functions (localizeHref, deLocalizeUrl, the "url" strategy),
 * which match each URL against URLPattern templates: on Node 20 that is a JavaScript polyfill,
 * and it took most of each request's time (a trivial endpoint answered 750 requests a second
 * instead of thousands; docs/performance.md). The results are the same as theirs
 * (paths.test.ts).
 */
import { getLocale, locales, type Locale } from '$lib/paraglide/runtime';

/** The locale named by a path's first segment (`/zh`, `/fr/about`), if any. */
export function localeOfPath(pathname: string): Locale | undefined {
	const end = pathname.indexOf('/', 1);
	const first = end === -1 ? pathname.slice(1) : pathname.slice(1, end);
	return (locales as readonly string[]).includes(first) ? (first as Locale) : undefined;
}

/** The route behind a localized path: `/zh` and `/zh/` → `/`, `/fr/about` → `/about`. */
export function delocalizePath(pathname: string): string {
	const locale = localeOfPath(pathname);
	if (!locale) return pathname;
	return pathname.slice(locale.length + 1) || '/';
}

/**
 * A site path in `locale` (the page's language by default): `/about` → `/zh/about`,
 * `/` → `/zh/`, `/fr/about?x#y` → `/zh/about?x#y`. Anything that is not a path of this site
 * (another origin, `//host`, `mailto:`) is left as it is.
 */
export function localizeHref(href: string, options?: { locale?: Locale }): string {
	if (!href.startsWith('/') || href.startsWith('//')) return href;
	const locale = options?.locale ?? getLocale();
	const cut = href.search(/[?#]/);
	const path = cut === -1 ? href : href.slice(0, cut);
	const rest = cut === -1 ? '' : href.slice(cut);
	const current = localeOfPath(path);
	const localized = current ? `/${locale}${path.slice(current.length + 1)}` : `/${locale}${path}`;
	return localized + rest;
}
