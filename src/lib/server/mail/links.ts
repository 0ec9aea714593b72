/** Links in e-mails name the configured site (ORIGIN) only, never a Host header a visitor sent. */
import { localizeHref } from '$lib/paraglide/runtime';

export function siteOrigin(env: NodeJS.ProcessEnv = process.env): string {
	return env.ORIGIN || 'http://localhost:5173';
}

/** The absolute address of a site path in a locale, e.g. /fr/unlock/… */
export function siteLink(path: string, locale: 'zh' | 'fr'): string {
	return new URL(localizeHref(path, { locale }), siteOrigin()).href;
}
