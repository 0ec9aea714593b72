/**
 * The web app manifest, one per language (/zh/manifest.webmanifest, /fr/manifest.webmanifest):
 * the installed app is named and starts in the language of the site it was installed from.
 * Both share one `id`, so installing from either language gives the same app.
 */
import * as m from '$lib/paraglide/messages';
import { htmlLang } from '$lib/i18n/format';
import type { Locale } from '$lib/paraglide/runtime';

export const THEME_COLOR = '#0b63ce';
export const BACKGROUND_COLOR = '#f6f7f9';

/** Generated from src/lib/assets/favicon.svg by `npm run icons` (src/lib/pwa/make-icons.mjs). */
export const ICONS = [
	{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
	{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
	{ src: '/icons/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
	{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
] as const;

export const APPLE_TOUCH_ICON = '/icons/apple-touch-icon.png';

export function webManifest(locale: Locale) {
	const options = { locale };
	return {
		id: '/',
		// The map page; '/zh/' would only redirect to it.
		start_url: `/${locale}`,
		scope: '/',
		name: m.site_name({}, options),
		short_name: m.site_name({}, options),
		description: m.site_tagline({}, options),
		lang: htmlLang(locale),
		dir: 'ltr',
		display: 'standalone',
		theme_color: THEME_COLOR,
		background_color: BACKGROUND_COLOR,
		categories: ['travel', 'shopping', 'navigation'],
		icons: ICONS
	};
}
