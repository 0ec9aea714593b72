/**
 * The page to go back to after logging in (`?next=`): only a path of this site, decided after
 * the browser's own URL parsing, never the raw text. Browsers drop tabs and newlines inside a
 * URL and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` would otherwise become
 * `//evil.example`, another site.
 */

/** Any origin will do: only whether the value stays on it matters. */
const BASE = new URL('https://next-path.invalid');

/**
 * `value` as a same-origin path (path, query and fragment, percent-encoded, printable ASCII
 * only, so always a valid Location header), or `fallback` when it would leave the site or is
 * not a path at all.
 */
export function sameOriginPath(value: string | null | undefined, fallback: string): string {
	if (!value || !value.startsWith('/')) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE.origin) return fallback;
	const path = url.pathname + url.search + url.hash;
	// `//host` and `/\host` are other sites for a browser reading a Location header.
	if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
	return path;
}
