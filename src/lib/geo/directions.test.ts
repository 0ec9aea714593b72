import { describe, it, expect } from 'vitest';
import { directionsLinks, type DirectionsApp } from './directions';

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

	it('Baidu: latitude first in latlng:, with the name, walking, WGS-84', () => {
		const url = linkOf('baidu');
		expect(url.host).toBe('api.map.baidu.com');
		expect(url.pathname).toBe('/direction');
		expect(url.searchParams.get('destination')).toBe(`latlng:48.872,2.3316|name:${name}`);
		expect(url.searchParams.get('coord_type')).toBe('wgs84');
		expect(url.searchParams.get('mode')).toBe('walking');
		expect(url.searchParams.get('output')).toBe('html');
		expect(url.searchParams.get('src')).toMatch(/cashless-paris/);
	});

	it('Apple: daddr=lat,lon, the name as label, walking', () => {
		const url = linkOf('apple');
		expect(url.host).toBe('maps.apple.com');
		expect(url.searchParams.get('daddr')).toBe('48.872,2.3316');
		expect(url.searchParams.get('q')).toBe(name);
		expect(url.searchParams.get('dirflg')).toBe('w');
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
		const url = linkOf('apple', {
			lat: 48.85301234567,
			lon: 2.34991234567,
			name: '  ',
			address: 'Parvis Notre-Dame'
		});
		expect(url.searchParams.get('daddr')).toBe('48.853012,2.349912');
		expect(url.searchParams.get('q')).toBe('Parvis Notre-Dame');
	});
});
