/**
 * Links in e-mails (password reset, invitation, registration) point at the site's configured
 * public address, ORIGIN, never at the Host a request came with: a client chooses that header,
 * and a reset link built from it would carry the token to the client's own server.
 * The production server refuses to start without ORIGIN (hooks.server.ts `init`); `vite dev`
 * without it links to the development server.
 */
import { type Locale } from '$lib/paraglide/runtime';
import { localizeHref } from '$lib/i18n/paths';

const DEVELOPMENT_ORIGIN = 'http://localhost:5173';

/** Why ORIGIN cannot serve as the site's address (unset or not an http(s) URL), or null. */
export function originProblem(env: Record<string, string | undefined>): string | null {
	const origin = env.ORIGIN;
	const example = 'e.g. ORIGIN=https://cashless.example.fr';
	if (!origin) {
		return `ORIGIN is not set. Set it to the public URL of the site (${example}): e-mailed links (password reset, invitations, registration) are built from it, never from a request's Host header.`;
	}
	if (!/^https?:\/\/[^/]+\/?$/i.test(origin) || !URL.canParse(origin)) {
		return `ORIGIN=${origin} is not the site's public URL (scheme and host, no path: ${example}).`;
	}
	return null;
}

/** The site's public origin: ORIGIN, or the development server when ORIGIN is not set. */
export function siteOrigin(env: Record<string, string | undefined> = process.env): string {
	return env.ORIGIN && !originProblem(env) ? new URL(env.ORIGIN).origin : DEVELOPMENT_ORIGIN;
}

/** An absolute link to a page of the site, in a language, for an e-mail. */
export function siteLink(path: string, locale: Locale): string {
	return new URL(localizeHref(path, { locale }), siteOrigin()).href;
}
