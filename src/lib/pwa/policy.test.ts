import { describe, expect, it } from 'vitest';
import {
	builtFilesAmong,
	installedShell,
	classifyRequest,
	hasOverlayParams,
	isPublicPage,
	isSavable,
	markOfflineCopy,
	normalizePath,
	pageCopyUrl,
	RETURN_PARAMS,
	pageOfDataRequest,
	SIGNED_IN_HEADER,
	titleOf
} from './policy';
import { MAP_STATE_PARAMS } from '../merchants/filters';

const ORIGIN = 'https://cashless.example.fr';
const PRECACHED = new Set([
	'/_app/immutable/entry/start.abc.js',
	'/robots.txt',
	'/icons/icon-192.png'
]);
const get = (path: string, mode = 'cors', headers: string[] = []) =>
	classifyRequest(
		new URL(path, ORIGIN),
		{ method: 'GET', mode, headers: { has: (name: string) => headers.includes(name) } },
		ORIGIN,
		PRECACHED
	);
const navigate = (path: string) => get(path, 'navigate');

describe('what the service worker keeps for offline use', () => {
	it('keeps the public tourist pages, in both languages', () => {
		for (const path of [
			'/zh',
			'/zh/',
			'/fr',
			'/zh/about',
			'/fr/about/',
			'/zh/merchants/12-pharmacie-de-l-opera',
			'/fr/merchants/12',
			'/zh/merchants/12-x?card=alipay'
		]) {
			expect(navigate(path).type, path).toBe('page');
		}
		expect(navigate('/zh/?map=14/48.86/2.33&q=药店')).toEqual({ type: 'page', path: '/zh' });
	});

	it('never keeps account, merchant back-office or admin pages', () => {
		for (const path of [
			'/zh/account',
			'/fr/account/login',
			'/zh/admin',
			'/fr/admin/queue?status=pending',
			'/zh/merchant',
			'/fr/merchant/',
			'/fr/merchant/applications/3',
			'/fr/merchants',
			'/fr/merchants/',
			'/fr/merchants/new',
			'/fr/merchants/12-x/edit',
			'/fr/merchants/0-x',
			'/de/about',
			'/about',
			'/'
		]) {
			expect(navigate(path).type, path).toBe('network');
			expect(get(`${normalizePath(path)}/__data.json?x-sveltekit-invalidated=01`).type, path).toBe(
				'network'
			);
		}
	});

	it("keeps SvelteKit's data for the public pages, under the page's path", () => {
		expect(get('/zh/merchants/7-cafe/__data.json?x-sveltekit-invalidated=01')).toEqual({
			type: 'page-data',
			path: '/zh/merchants/7-cafe'
		});
		expect(get('/fr/__data.json?x-sveltekit-trailing-slash=1&x-sveltekit-invalidated=01')).toEqual({
			type: 'page-data',
			path: '/fr'
		});
		expect(pageOfDataRequest(new URL('/zh/about', ORIGIN))).toBeNull();
	});

	it('keeps the public JSON of the map page, never the directions redirect', () => {
		expect(get('/api/list?bbox=2.3,48.8,2.4,48.9').type).toBe('api');
		expect(get('/api/listings/42?near=48.86,2.34').type).toBe('api');
		expect(get('/api/map?bbox=2.3,48.8,2.4,48.9&zoom=13.00').type).toBe('api');
		expect(get('/api/merchants/42/directions/amap').type).toBe('network');
		expect(navigate('/api/merchants/42/directions/amap').type).toBe('network');
		expect(get('/api/listings/abc').type).toBe('network');
	});

	it('serves the app shell from the cache', () => {
		expect(get('/_app/immutable/entry/start.abc.js').type).toBe('shell');
		expect(get('/_app/immutable/workers/maplibre-gl-worker-x.js').type).toBe('shell');
		expect(get('/icons/icon-192.png').type).toBe('shell');
		expect(get('/_app/version.json').type).toBe('network');
	});

	it('leaves alone other methods, ranges and other origins', () => {
		const url = new URL('/zh', ORIGIN);
		const none = { has: () => false };
		expect(
			classifyRequest(url, { method: 'POST', mode: 'navigate', headers: none }, ORIGIN, PRECACHED)
				.type
		).toBe('network');
		expect(get('/zh', 'navigate', ['range']).type).toBe('network');
		expect(
			classifyRequest(
				new URL('https://tiles.openfreemap.org/styles/liberty'),
				{ method: 'GET', mode: 'cors', headers: none },
				ORIGIN,
				PRECACHED
			).type
		).toBe('network');
	});
});

describe('saved copies', () => {
	it('share one address for both spellings of a page, without SvelteKit parameters or cards', () => {
		expect(pageCopyUrl(new URL('/zh/', ORIGIN))).toBe(`${ORIGIN}/zh`);
		expect(pageCopyUrl(new URL('/zh/merchants/1-x?card=alipay#top', ORIGIN))).toBe(
			`${ORIGIN}/zh/merchants/1-x`
		);
		expect(pageCopyUrl(new URL('/fr?q=a&cat=hotel&x-sveltekit-invalidated=01', ORIGIN))).toBe(
			`${ORIGIN}/fr?cat=hotel&q=a`
		);
		// A merchant page opened from a list: one copy, whatever list it came from.
		expect(
			pageCopyUrl(new URL('/zh/merchants/1-x?q=%E8%8D%AF&taxfree=1&map=16/48.8/2.3&page=2', ORIGIN))
		).toBe(`${ORIGIN}/zh/merchants/1-x`);
		expect([...RETURN_PARAMS].sort()).toEqual(Object.keys(MAP_STATE_PARAMS).sort());
		expect(hasOverlayParams(new URL('/zh/merchants/1-x?card=taxfree', ORIGIN))).toBe(true);
		expect(isPublicPage('/zh/merchants/1-x/')).toBe(true);
	});

	it('only keeps complete, successful, anonymous answers that may be stored', () => {
		const response = (
			status: number,
			cacheControl: string | null,
			extra = {},
			signedIn = false
		) => ({
			status,
			type: 'basic',
			redirected: false,
			headers: {
				get: (name: string) =>
					name === 'cache-control'
						? cacheControl
						: name === SIGNED_IN_HEADER && signedIn
							? '1'
							: null
			},
			...extra
		});
		expect(isSavable(response(200, null))).toBe(true);
		expect(isSavable(response(200, 'public, max-age=60'))).toBe(true);
		expect(isSavable(response(200, 'private, no-store'))).toBe(false);
		expect(isSavable(response(404, null))).toBe(false);
		expect(isSavable(response(500, null))).toBe(false);
		expect(isSavable(response(200, null, { redirected: true }))).toBe(false);
		expect(isSavable(response(0, null, { type: 'opaqueredirect' }))).toBe(false);
		// SvelteKit's data always says no-store; only what a signed-in visitor got is refused.
		const data = response(200, 'private, no-store');
		expect(isSavable(data, { sveltekitData: true })).toBe(true);
		const personal = response(200, 'private, no-store', {}, true);
		expect(isSavable(personal, { sveltekitData: true })).toBe(false);
		expect(isSavable(response(200, null, {}, true))).toBe(false);
	});

	it('marks a saved page and reads its title', () => {
		const html =
			'<!doctype html>\n<html lang="zh-Hans" dir="ltr"><head><title>Café &amp; Thé · 无现金巴黎</title>';
		const marked = markOfflineCopy(html, '2026-11-23T10:00:00.000Z');
		expect(marked).toContain('<html data-offline-copy="2026-11-23T10:00:00.000Z" lang="zh-Hans"');
		expect(markOfflineCopy(html, '"><script>')).toContain('data-offline-copy="script"');
		expect(titleOf(html)).toBe('Café &amp; Thé · 无现金巴黎');
		expect(titleOf('<html>')).toBeNull();
	});
});

describe('what the worker installs and keeps', () => {
	const build = [
		'/_app/immutable/entry/start.a1.js',
		'/_app/immutable/entry/app.b2.js',
		'/_app/immutable/nodes/0.c3.js',
		'/_app/immutable/nodes/1.d4.js',
		'/_app/immutable/nodes/12.e5.js',
		'/_app/immutable/chunks/maplibre.f6.js',
		'/_app/immutable/assets/0.g7.css'
	];
	const files = ['/manifest.webmanifest', '/icons/icon-192.png'];

	it('installs the static files and the entry points only', () => {
		expect(installedShell(build, files)).toEqual([
			...files,
			'/_app/immutable/entry/start.a1.js',
			'/_app/immutable/entry/app.b2.js',
			'/_app/immutable/nodes/0.c3.js',
			'/_app/immutable/nodes/1.d4.js'
		]);
	});

	it('keeps only built files of this site that a page reports', () => {
		const origin = 'https://site.example';
		expect(
			builtFilesAmong(
				[
					`${origin}/_app/immutable/chunks/maplibre.f6.js`,
					'/_app/immutable/assets/0.g7.css',
					'/_app/immutable/assets/0.g7.css',
					'https://evil.example/_app/immutable/nodes/12.e5.js',
					`${origin}/_app/immutable/chunks/gone.js`,
					`${origin}/api/list`,
					42,
					'http://[bad'
				],
				origin,
				new Set(build)
			)
		).toEqual(['/_app/immutable/chunks/maplibre.f6.js', '/_app/immutable/assets/0.g7.css']);
	});
});
