import type { Reroute } from '@sveltejs/kit';
import { defineCustomClientStrategy } from '$lib/paraglide/runtime';
import { delocalizePath, localeOfPath } from '$lib/i18n/paths';

/** /zh/about and /fr/about are both the route /about (see $lib/i18n/paths). */
export const reroute: Reroute = ({ url }) => delocalizePath(url.pathname);

/**
 * In the browser a page's locale is the one in its path (paraglide's strategy "custom-path",
 * messages/paraglide.config.js); it changes only with a page load (the language switch). On the
 * server the request's locale comes from hooks.server.ts, and outside a request (jobs) the
 * strategy falls back to the base locale.
 */
defineCustomClientStrategy('custom-path', {
	getLocale: () => (typeof location === 'undefined' ? undefined : localeOfPath(location.pathname)),
	setLocale: () => {}
});
