/**
 * What the bench asks the server, as visitors ask it: random phone viewports at city and region
 * zoom with the filters they mix, searches (words and places), merchant pages and cashier cards
 * of listed shops, the other public pages and files, and the officials' metrics dashboard.
 */
import { bboxOfView, type MapView } from '../../src/lib/merchants/filters';
import { CATEGORIES } from '../../src/lib/merchants/vocabulary';
import { merchantPath } from '../../src/lib/merchants/slug';
import { DIRECTIONS_APPS } from '../../src/lib/geo/directions';

export interface Endpoint {
	name: string;
	path: () => string;
	/** Concurrent connections (the run's default unless said). */
	connections?: number;
	/** The status of a right answer (any 2xx unless said). */
	status?: number;
	/** Sent with every request (the official's session cookie). */
	headers?: Record<string, string>;
	/** Its budgets (issues 13 and 16). */
	minReqPerSec?: number;
	maxP95Ms?: number;
	/** Largest answer as sent (compressed), in KiB. */
	maxKb?: number;
}

/** A listed shop: its id and French trade name (for its path). */
export interface SampleListing {
	id: number;
	name: string;
}

/** The phone the e2e tests use. */
const VIEWPORT_PX = { width: 390, height: 844 };
/** Words, a kind of shop, and places tourists name (a place lists shops by distance from it). */
const SEARCH_WORDS = [
	'药店',
	'pharmacie',
	'香水',
	'hotel',
	'maison',
	'cafe',
	'卢浮宫',
	'老佛爷 退税'
];
const LANGS = ['zh', 'fr'] as const;
const OTHER_PAGES = ['about', 'privacy', 'open-data', 'login', 'register', 'forgot-password'];

const random = (min: number, max: number) => min + Math.random() * (max - min);
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

/** Half the viewports at city zoom in Paris, half at region zoom over Île-de-France. */
function randomView(): MapView {
	return Math.random() < 0.5
		? { zoom: random(13, 15.5), lat: random(48.82, 48.9), lon: random(2.26, 2.42) }
		: { zoom: random(8.5, 10.5), lat: random(48.6, 49.05), lon: random(1.9, 2.8) };
}

const bboxOf = (view: MapView) =>
	bboxOfView(view, VIEWPORT_PX.width, VIEWPORT_PX.height)
		.map((x) => x.toFixed(5))
		.join(',');

/** One filter as visitors use them (none for a third of the requests, a search word in two ninths). */
function randomFilters(words = true): string {
	const choice = Math.floor(Math.random() * (words ? 9 : 7));
	if (choice <= 2) return '';
	if (choice === 3) return '&open=1';
	if (choice === 4) return '&taxfree=1';
	if (choice === 5) return '&zh=1';
	if (choice === 6) return `&cat=${pick(CATEGORIES)}`;
	return `&q=${encodeURIComponent(pick(SEARCH_WORDS))}`;
}

const mapState = (view: MapView) =>
	`map=${view.zoom.toFixed(1)}/${view.lat.toFixed(5)}/${view.lon.toFixed(5)}`;

/** The home page of a language at a random position, with filters but no words, or a search. */
const home = (lang: string, search: boolean) => () =>
	search
		? `/${lang}?q=${encodeURIComponent(pick(SEARCH_WORDS))}`
		: `/${lang}?${mapState(randomView())}${randomFilters(false)}`;

/** The map's own endpoints and the server-rendered home: the `bench:map` preset. */
export const MAP_ENDPOINTS = ['floor: /healthz', '/api/map', '/api/list', '/zh home'];

export function publicEndpoints(listings: SampleListing[]): Endpoint[] {
	const listing = () => pick(listings);
	const page = (suffix = '') => {
		const l = listing();
		return `/${pick(LANGS)}${merchantPath(l.id, l.name)}${suffix}`;
	};
	return [
		{ name: 'floor: /healthz', path: () => '/healthz' },
		{
			name: '/api/map',
			path: () => {
				const view = randomView();
				return `/api/map?bbox=${bboxOf(view)}&zoom=${view.zoom.toFixed(2)}${randomFilters()}`;
			},
			minReqPerSec: 1000,
			maxP95Ms: 100
		},
		{
			name: '/api/list',
			path: () => `/api/list?bbox=${bboxOf(randomView())}${randomFilters()}`,
			minReqPerSec: 800,
			maxP95Ms: 100
		},
		{ name: '/zh home', path: home('zh', false), minReqPerSec: 300 },
		{ name: '/zh?q= search', path: home('zh', true) },
		{ name: '/fr home', path: home('fr', false) },
		{ name: '/fr?q= search', path: home('fr', true) },
		{ name: 'merchant page', path: () => page(), minReqPerSec: 1500 },
		{ name: 'cashier card', path: () => page('?card=alipay') },
		{ name: 'map popup card', path: () => `/api/listings/${listing().id}` },
		{
			name: 'directions link',
			path: () => `/api/merchants/${listing().id}/directions/${pick(DIRECTIONS_APPS)}`,
			status: 303
		},
		{ name: 'other pages', path: () => `/${pick(LANGS)}/${pick(OTHER_PAGES)}` },
		{ name: 'web manifest', path: () => '/manifest.webmanifest' },
		// Every listed shop in one file: a few downloaders at a time, not 50.
		{ name: 'open-data export (csv)', path: () => '/api/open-data/merchants.csv', connections: 4 },
		{
			name: 'open-data export (geojson)',
			path: () => '/api/open-data/merchants.geojson',
			connections: 4
		}
	];
}

/**
 * The officials' dashboard, signed in: one official reloading it (one connection), so that each
 * figure is the time of a load, the budget's measure.
 */
export function dashboardEndpoint(cookie: string): Endpoint {
	return {
		name: 'metrics dashboard',
		path: () => '/fr/admin/metrics',
		connections: 1,
		headers: { cookie },
		maxP95Ms: 300,
		maxKb: 150
	};
}

/** What 200 visitors at once ask (for the memory under load): map, list, home, search, pages. */
export function visitorMix(endpoints: Endpoint[]): () => string {
	const mix = endpoints.filter((e) =>
		['/api/map', '/api/list', '/zh home', '/fr?q= search', 'merchant page'].includes(e.name)
	);
	return () => pick(mix).path();
}
