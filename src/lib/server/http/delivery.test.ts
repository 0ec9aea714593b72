import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import {
	PUBLIC_PAGE_CACHE_CONTROL,
	asPublicPage,
	compressResponse,
	isCompressible,
	matchesTag,
	negotiateEncoding,
	notModified
} from './delivery';

const PAGE = `<!doctype html><html><body>${'<p>巴黎 · Paris</p>'.repeat(400)}</body></html>`;
const html = (body = PAGE, headers: Record<string, string> = {}) =>
	new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

describe('negotiateEncoding', () => {
	it.each([
		[null, null],
		['', null],
		['gzip, deflate, br, zstd', 'br'],
		['gzip', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['gzip;q=1.0, br;q=0.5', 'gzip'],
		['identity', null],
		['*', 'br'],
		['*;q=0', null],
		['br;q=0, gzip;q=0', null],
		['deflate', null],
		['GZIP', 'gzip']
	])('%s → %s', (header, expected) => {
		expect(negotiateEncoding(header)).toBe(expected);
	});
});

describe('isCompressible', () => {
	it.each([
		['text/html; charset=utf-8', true],
		['text/csv', true],
		['application/json', true],
		['application/geo+json', true],
		['application/manifest+json', true],
		['image/svg+xml', true],
		['image/png', false],
		['application/octet-stream', false],
		['text/event-stream', false],
		[null, false]
	])('%s → %s', (type, expected) => {
		expect(isCompressible(type)).toBe(expected);
	});
});

describe('compressResponse', () => {
	it('gzips a page the browser accepts gzip for, and says so', async () => {
		const out = compressResponse(html(), 'gzip');
		expect(out.headers.get('content-encoding')).toBe('gzip');
		expect(out.headers.get('vary')).toBe('Accept-Encoding');
		const bytes = Buffer.from(await out.arrayBuffer());
		expect(bytes.length).toBeLessThan(Buffer.byteLength(PAGE) / 5);
		expect(zlib.gunzipSync(bytes).toString()).toBe(PAGE);
	});

	it('prefers brotli, and weakens the ETag of the compressed copy', async () => {
		const out = compressResponse(html(PAGE, { etag: '"abc"' }), 'gzip, br');
		expect(out.headers.get('content-encoding')).toBe('br');
		expect(out.headers.get('etag')).toBe('W/"abc"');
		expect(zlib.brotliDecompressSync(Buffer.from(await out.arrayBuffer())).toString()).toBe(PAGE);
	});

	it('leaves alone what is small, binary, already encoded or refused', async () => {
		const small = html('<p>ok</p>', { 'content-length': '9' });
		expect(compressResponse(small, 'br')).toBe(small);
		const png = new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } });
		expect(compressResponse(png, 'br')).toBe(png);
		const encoded = html(PAGE, { 'content-encoding': 'gzip' });
		expect(compressResponse(encoded, 'br')).toBe(encoded);
		const plain = compressResponse(html(), 'identity');
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
		expect(await plain.text()).toBe(PAGE);
	});
});

describe('asPublicPage', () => {
	it('lets caches keep the page, apart from what a signed-in visitor sees', async () => {
		const page = asPublicPage(html(PAGE, { etag: '"abc"', vary: 'Accept-Encoding' }));
		expect(page.headers.get('cache-control')).toBe(PUBLIC_PAGE_CACHE_CONTROL);
		expect(page.headers.get('vary')).toBe('Accept-Encoding, Cookie');
		expect(page.headers.get('etag')).toBe('"abc"');
		expect(await page.text()).toBe(PAGE);
	});
});

describe('notModified', () => {
	const tagged = () => html(PAGE, { etag: '"abc"', 'cache-control': 'public', vary: 'Cookie' });
	it.each([
		[null, false],
		['*', true],
		['"abc"', true],
		['W/"abc"', true],
		['"other", W/"abc"', true],
		['"other"', false]
	])('If-None-Match %s', (header, matches) => {
		expect(matchesTag(header, '"abc"')).toBe(matches);
		const answer = notModified(tagged(), header);
		expect(answer?.status ?? 200).toBe(matches ? 304 : 200);
	});

	it('keeps the tag and caching headers, no body', async () => {
		const answer = notModified(tagged(), 'W/"abc"')!;
		expect(Object.fromEntries(answer.headers)).toEqual({
			etag: '"abc"',
			'cache-control': 'public',
			vary: 'Cookie'
		});
		expect(await answer.text()).toBe('');
	});
});
