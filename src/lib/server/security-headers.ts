/**
 * The security headers of every answer. The Content-Security-Policy itself is SvelteKit's
 * (svelte.config.js `kit.csp`, fixed at build, with the hash of each page's inline script);
 * the basemap's hosts depend on the environment read at start (PUBLIC_MAP_*: see README), so
 * they are added here to its connect-src (style, tiles, glyphs, sprites, PMTiles ranges are all
 * fetched) and img-src. A third-party style that loads from other hosts than its own names
 * them in MAP_CSP_HOSTS (space-separated origins).
 */
import { DEFAULT_STYLE_URL } from '../map/maplibre';

type Env = Record<string, string | undefined>;

/** The origin of an absolute http(s) URL; null for a relative one (the site's own) or no URL. */
function originOf(url: string | undefined): string | null {
	if (!url || !/^https?:\/\//i.test(url)) return null;
	try {
		return new URL(url).origin;
	} catch {
		return null;
	}
}

/** The hosts the configured basemap loads from, as CSP sources (the same choice as maplibre.ts). */
export function basemapSources(env: Env): string[] {
	const urls = env.PUBLIC_MAP_PMTILES_URL
		? [env.PUBLIC_MAP_PMTILES_URL, env.PUBLIC_MAP_GLYPHS_URL, env.PUBLIC_MAP_SPRITE_URL]
		: [env.PUBLIC_MAP_STYLE_URL ?? DEFAULT_STYLE_URL];
	const extra = (env.MAP_CSP_HOSTS ?? '').split(/\s+/).map(originOf);
	return [...new Set([...urls.map(originOf), ...extra].filter((o): o is string => o !== null))];
}

/** The policy with `sources` added to these directives (which SvelteKit's policy always has). */
export function withSources(policy: string, directives: string[], sources: string[]): string {
	if (!sources.length) return policy;
	return policy
		.split(';')
		.map((part) => {
			const name = part.trim().split(/\s+/)[0];
			return directives.includes(name) ? `${part.trimEnd()} ${sources.join(' ')}` : part;
		})
		.join(';');
}

/** Headers for every answer; HSTS only when the site is served over https (ORIGIN). */
export function securityHeaders(env: Env): Record<string, string> {
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'x-frame-options': 'DENY',
		// Geolocation for "near me" on this site only; nothing else the site uses.
		'permissions-policy':
			'geolocation=(self), camera=(), microphone=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()'
	};
	if (env.ORIGIN?.startsWith('https://')) {
		headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
	}
	return headers;
}

/**
 * What sets the security headers on a response, and the basemap's hosts in its CSP; the
 * environment is read once (at start).
 */
export function responseSecurity(env: Env): (headers: Headers) => void {
	const fixed = Object.entries(securityHeaders(env));
	const sources = basemapSources(env);
	return (headers) => {
		for (const [name, value] of fixed) headers.set(name, value);
		const policy = headers.get('content-security-policy');
		if (policy) {
			headers.set(
				'content-security-policy',
				withSources(policy, ['connect-src', 'img-src'], sources)
			);
		}
	};
}
