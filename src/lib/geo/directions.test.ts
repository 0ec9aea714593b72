import { describe, it, expect } from 'vitest';
import { appSchemeLink, directionsLinks, mobilePlatform, type DirectionsApp } from './directions';

/**
 * Each link is checked against its maker's documentation, cited in docs/directions.md:
 * required parameters present, coordinates in the documented order and datum.
 */

// The Opéra Garnier, at its position in src/lib/server/reference/attractions.ts.
const name = 'Pharmacie de l’Opéra 歌剧院药房';
const opera = { lat: 48.872, lon: 2.3316, name, address: '6 boulevard des Capucines, 75009 Paris' };

/** The parsed link of one app. */
function linkOf(app: DirectionsApp, target = opera): URL {
	const link = directionsLinks(target).find((l) => l.app === app);
	if (!link) throw new Error(`no ${app} link`);
	return new URL(link.url);
}

describe('directionsLinks', () => {
	it('lists Amap, Baidu, Apple, Google and OpenStreetMap in that order', () => {
		expect(directionsLinks(opera).map((l) => l.app)).toEqual([
			'amap',
			'baidu',
			'apple',
			'google',
			'osm'
		]);
	});

	it('gives https URLs with every non-ASCII character percent-encoded', () => {
		for (const { url } of directionsLinks(opera)) {
			expect(new URL(url).protocol).toBe('https:');
			expect(url).toMatch(/^[\x21-\x7e]+$/);
		}
		expect(directionsLinks(opera)[0].url).toContain(
			encodeURIComponent('Pharmacie de l’Opéra 歌剧院药房')
		);
	});

	it('Amap: longitude first, then latitude and name, walking, WGS-84, opens the app', () => {
		const url = linkOf('amap');
		expect(url.host).toBe('uri.amap.com');
		expect(url.pathname).toBe('/navigation');
		expect(url.searchParams.get('to')).toBe(`2.3316,48.872,${name}`);
		expect(url.searchParams.get('mode')).toBe('walk');
		expect(url.searchParams.get('coordinate')).toBe('wgs84');
		expect(url.searchParams.get('callnative')).toBe('1');
	});

	it('Amap: a comma in the name cannot shift the fields', () => {
		const url = linkOf('amap', { ...opera, name: 'Galeries Lafayette, Haussmann' });
		expect(url.searchParams.get('to')?.split(',')).toEqual([
			'2.3316',
			'48.872',
			'Galeries Lafayette Haussmann'
		]);
	});

	it('Baidu (web): the marker page, location=lat,lon, title and content, WGS-84, output=html', () => {
		// The web *direction* page requires an origin we cannot know; the marker page needs none.
		const url = linkOf('baidu');
		expect(url.host).toBe('api.map.baidu.com');
		expect(url.pathname).toBe('/marker');
		expect(url.searchParams.get('location')).toBe('48.872,2.3316');
		expect(url.searchParams.get('title')).toBe(name);
		expect(url.searchParams.get('content')).toBe(opera.address);
		expect(url.searchParams.get('coord_type')).toBe('wgs84');
		expect(url.searchParams.get('output')).toBe('html');
		expect(url.searchParams.get('src')).toBe('webapp.cashless-paris.web');
		expect(url.searchParams.has('origin')).toBe(false);
	});

	it('Apple: daddr=lat,lon and walking; no q (a label only with ll or address)', () => {
		const url = linkOf('apple');
		expect(url.host).toBe('maps.apple.com');
		expect(url.searchParams.get('daddr')).toBe('48.872,2.3316');
		expect(url.searchParams.get('dirflg')).toBe('w');
		expect(url.searchParams.has('q')).toBe(false);
	});

	it('Google: destination=lat,lon, walking', () => {
		const url = linkOf('google');
		expect(`${url.host}${url.pathname}`).toBe('www.google.com/maps/dir/');
		expect(url.searchParams.get('api')).toBe('1');
		expect(url.searchParams.get('destination')).toBe('48.872,2.3316');
		expect(url.searchParams.get('travelmode')).toBe('walking');
	});

	it('OpenStreetMap: to=lat,lon on foot, map centred on the merchant', () => {
		const url = linkOf('osm');
		expect(`${url.host}${url.pathname}`).toBe('www.openstreetmap.org/directions');
		expect(url.searchParams.get('to')).toBe('48.872,2.3316');
		expect(url.searchParams.get('engine')).toBe('fossgis_osrm_foot');
		expect(url.hash).toBe('#map=17/48.872/2.3316');
	});

	it('rounds coordinates to 6 decimals and falls back to the address as label', () => {
		const target = {
			lat: 48.85301234567,
			lon: 2.34991234567,
			name: '  ',
			address: 'Parvis Notre-Dame'
		};
		expect(linkOf('apple', target).searchParams.get('daddr')).toBe('48.853012,2.349912');
		expect(linkOf('baidu', target).searchParams.get('title')).toBe('Parvis Notre-Dame');
	});
});

describe('appSchemeLink', () => {
	const parse = (link: string) => new URL(link);

	it('Amap on iOS: iosamap://path, destination only (start: my position), walking, dev=1', () => {
		const url = parse(appSchemeLink('amap', opera, 'ios'));
		expect(url.protocol).toBe('iosamap:');
		expect(url.host + url.pathname).toBe('path');
		expect(url.searchParams.get('sourceApplication')).toBe('cashless-paris');
		expect(url.searchParams.get('dlat')).toBe('48.872');
		expect(url.searchParams.get('dlon')).toBe('2.3316');
		expect(url.searchParams.get('dname')).toBe(name);
		expect(url.searchParams.get('dev')).toBe('1');
		expect(url.searchParams.get('t')).toBe('2');
		for (const p of ['slat', 'slon', 'sname']) expect(url.searchParams.has(p)).toBe(false);
	});

	it('Amap on Android: amapuri://route/plan/ with the same parameters', () => {
		const link = appSchemeLink('amap', opera, 'android');
		expect(link.startsWith('amapuri://route/plan/?')).toBe(true);
		const url = parse(link);
		expect(url.searchParams.get('dev')).toBe('1');
		expect(url.searchParams.get('t')).toBe('2');
		expect(url.searchParams.get('dlat')).toBe('48.872');
	});

	it('Baidu on iOS: baidumap://map/direction, latlng first latitude, WGS-84, walking, ios. src', () => {
		const link = appSchemeLink('baidu', opera, 'ios');
		expect(link.startsWith('baidumap://map/direction?')).toBe(true);
		const url = parse(link);
		expect(url.searchParams.get('destination')).toBe(`latlng:48.872,2.3316|name:${name}`);
		expect(url.searchParams.get('coord_type')).toBe('wgs84');
		expect(url.searchParams.get('mode')).toBe('walking');
		expect(url.searchParams.get('src')).toBe('ios.cashless-paris.web');
		expect(url.searchParams.has('origin')).toBe(false);
	});

	it('Baidu on Android: bdapp://map/direction (the scheme for web pages), andr. src', () => {
		const link = appSchemeLink('baidu', { ...opera, name: 'A|B:C' }, 'android');
		expect(link.startsWith('bdapp://map/direction?')).toBe(true);
		const url = parse(link);
		expect(url.searchParams.get('destination')).toBe('latlng:48.872,2.3316|name:A B C');
		expect(url.searchParams.get('src')).toBe('andr.cashless-paris.web');
	});

	it('reads the platform from the user agent', () => {
		expect(mobilePlatform('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)')).toBe('ios');
		expect(mobilePlatform('Mozilla/5.0 (Linux; Android 14; Pixel 7)')).toBe('android');
		expect(mobilePlatform('Mozilla/5.0 (X11; Linux x86_64)')).toBeNull();
	});
});
