/**
 * How answers travel: compressed when the browser accepts it, and public pages kept by caches
 * and revalidated instead of being sent again.
 *
 * adapter-node compresses only the prebuilt files (JS, CSS); pages, JSON and CSV are produced
 * per request, so they are compressed here, as they leave the app: brotli at a low quality (its
 * higher levels cost more CPU than a page saves), else gzip. A tourist on roaming receives the
 * map page in about a fifth of its size.
 */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Below this many bytes, compressing costs more than it saves. */
export const MIN_COMPRESSED_BYTES = 1024;

/** Public pages: browsers and shared caches may show a copy for a minute while they check it. */
export const PUBLIC_PAGE_CACHE_CONTROL = 'public, max-age=0, stale-while-revalidate=60';

const BROTLI_OPTIONS = {
	params: {
		[zlib.constants.BROTLI_PARAM_QUALITY]: 4,
		[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT
	}
};
const GZIP_OPTIONS = { level: 6 };

/**
 * The encoding to use for an Accept-Encoding header: brotli, else gzip, honouring `q=0`
 * (refused) and `*`; null for none.
 */
export function negotiateEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const weightOf = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
	const best = (['br', 'gzip'] as const).filter((e) => weightOf(e) > 0);
	if (!best.length) return null;
	return best.reduce((a, b) => (weightOf(b) > weightOf(a) ? b : a));
}

/** Text the site produces: pages, JSON, GeoJSON, CSV, JavaScript, SVG, XML. */
export function isCompressible(contentType: string | null): boolean {
	if (!contentType) return false;
	const type = contentType.split(';')[0].trim().toLowerCase();
	if (type === 'text/event-stream') return false;
	return (
		type.startsWith('text/') ||
		/^application\/([a-z0-9.+-]*\+)?(json|xml|javascript|manifest\+json)$/.test(type) ||
		type === 'image/svg+xml'
	);
}

function appendVary(headers: Headers, name: string): void {
	const vary = headers.get('vary');
	const names = (vary ?? '').split(',').map((v) => v.trim().toLowerCase());
	if (names.includes('*') || names.includes(name.toLowerCase())) return;
	headers.set('vary', vary ? `${vary}, ${name}` : name);
}

/** Whether a response may be compressed at all (whatever the browser accepts). */
function mayCompress(response: Response): boolean {
	if (!response.body || response.headers.has('content-encoding')) return false;
	if (response.status < 200 || response.status === 204 || response.status === 206) return false;
	if (response.headers.get('cache-control')?.includes('no-transform')) return false;
	if (!isCompressible(response.headers.get('content-type'))) return false;
	const length = Number(response.headers.get('content-length') ?? Infinity);
	return length >= MIN_COMPRESSED_BYTES;
}

function encoded(body: BodyInit, response: Response, encoding: Encoding): Response {
	const headers = new Headers(response.headers);
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	appendVary(headers, 'Accept-Encoding');
	// The compressed bytes are another representation: its tag may only claim the same content.
	const tag = headers.get('etag');
	if (tag && !tag.startsWith('W/')) headers.set('etag', `W/${tag}`);
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

/** The response compressed as a stream (pages that stream, large CSV files…). */
export function compressResponse(response: Response, acceptEncoding: string | null): Response {
	if (!mayCompress(response)) return response;
	const encoding = negotiateEncoding(acceptEncoding);
	if (!encoding) {
		// A cache must still keep the compressed and the plain copies apart.
		const headers = new Headers(response.headers);
		appendVary(headers, 'Accept-Encoding');
		return new Response(response.body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
	const transform =
		encoding === 'br' ? zlib.createBrotliCompress(BROTLI_OPTIONS) : zlib.createGzip(GZIP_OPTIONS);
	const source = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
	source.on('error', (error) => transform.destroy(error));
	const stream = Readable.toWeb(source.pipe(transform)) as unknown as ReadableStream;
	return encoded(stream, response, encoding);
}

/**
 * A public page for a visitor who is not signed in: browsers and shared caches may keep it and
 * show it for a minute while they check it. SvelteKit tags each page with an ETag of its content
 * and answers `304 Not Modified` to a browser whose copy is current (the CSP uses script hashes,
 * not nonces, so the same page is the same bytes).
 */
export function asPublicPage(response: Response): Response {
	const headers = new Headers(response.headers);
	headers.set('cache-control', PUBLIC_PAGE_CACHE_CONTROL);
	// A signed-in visitor gets another page at the same address (see hooks.server.ts).
	appendVary(headers, 'Cookie');
	return new Response(response.body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

/** Whether an If-None-Match header names the tag (weak comparison, as for GET). */
export function matchesTag(ifNoneMatch: string | null, tag: string): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	const bare = (t: string) => t.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((t) => bare(t) === bare(tag));
}

/**
 * `304 Not Modified` when the browser's copy is current. Done here rather than left to SvelteKit,
 * which compares tags strongly: a compressed page's tag is weak (`W/`), as it must be.
 */
export function notModified(response: Response, ifNoneMatch: string | null): Response | null {
	const tag = response.headers.get('etag');
	if (response.status !== 200 || !tag || !matchesTag(ifNoneMatch, tag)) return null;
	const headers = new Headers({ etag: tag });
	for (const name of ['cache-control', 'vary', 'expires', 'content-location']) {
		const value = response.headers.get(name);
		if (value) headers.set(name, value);
	}
	return new Response(null, { status: 304, headers });
}
