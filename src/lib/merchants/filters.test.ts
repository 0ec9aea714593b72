import { describe, expect, it } from 'vitest';
import {
	DEFAULT_VIEW,
	EMPTY_FILTERS,
	MAX_ZOOM,
	MIN_ZOOM,
	bboxOfView,
	filtersKey,
	hasActiveFilters,
	mapStateToParams,
	parseBBox,
	parseFilters,
	parseLatLon,
	parseMapState,
	parseView,
	type BBox,
	type ListingFilters,
	type MapState
} from './filters';
import { IDF_BOUNDS } from '../geo/idf';
import { CATEGORIES, PAYMENT_METHODS } from './vocabulary';

const params = (query: string) => new URLSearchParams(query);

describe('parseFilters', () => {
	it('reads every filter from the query string', () => {
		const f = parseFilters(
			params('q=%20药店%20&cat=hotel&cat=souvenirs&pay=wechat_pay&open=1&taxfree=1&zh=1')
		);
		expect(f).toEqual({
			q: '药店',
			categories: ['hotel', 'souvenirs'],
			paymentMethods: ['wechat_pay'],
			openNow: true,
			taxFree: true,
			chineseStaff: true
		});
	});

	it('gives the empty filters for an empty query string', () => {
		expect(parseFilters(params(''))).toEqual(EMPTY_FILTERS);
	});

	it('drops unknown categories and payment methods, and duplicates', () => {
		const f = parseFilters(
			params('cat=casino&cat=hotel&cat=HOTEL&cat=hotel&pay=bitcoin&pay=alipay&pay=&cat=')
		);
		expect(f.categories).toEqual(['hotel']);
		expect(f.paymentMethods).toEqual(['alipay']);
	});

	it('only takes "1" as a true flag', () => {
		const f = parseFilters(params('open=true&taxfree=yes&zh=0'));
		expect([f.openNow, f.taxFree, f.chineseStaff]).toEqual([false, false, false]);
	});

	it('cuts a very long query to 100 characters', () => {
		const f = parseFilters(params(`q=${'a'.repeat(500)}`));
		expect(f.q).toHaveLength(100);
	});
});

describe('parseView', () => {
	it('reads zoom/lat/lon inside Île-de-France', () => {
		expect(parseView('14/48.8606/2.3376')).toEqual({ zoom: 14, lat: 48.8606, lon: 2.3376 });
	});

	it('rounds the zoom to a tenth', () => {
		expect(parseView('14.26/48.86/2.34')?.zoom).toBe(14.3);
	});

	it.each(['', '14', '14/48.86', '14/48.86/2.34/1', 'a/b/c', '14/48.86/x', '14/NaN/2.34'])(
		'rejects the malformed value %j',
		(value) => {
			expect(parseView(value)).toBeNull();
		}
	);

	it('rejects null', () => {
		expect(parseView(null)).toBeNull();
	});

	it.each([
		['14/45.76/4.83', 'Lyon'],
		['14/0/0', 'Null Island'],
		['14/2.34/48.86', 'lat and lon swapped'],
		['14/91/2.34', 'latitude beyond the pole'],
		['14/48.86/200', 'longitude beyond 180']
	])('rejects a position outside the region: %s (%s)', (value) => {
		expect(parseView(value)).toBeNull();
	});

	it('keeps the zoom within MIN_ZOOM..MAX_ZOOM', () => {
		expect(parseView(`${MAX_ZOOM + 10}/48.86/2.34`)?.zoom).toBe(MAX_ZOOM);
		expect(parseView(`${MIN_ZOOM - 5}/48.86/2.34`)?.zoom).toBe(MIN_ZOOM);
		expect(parseView('-3/48.86/2.34')?.zoom).toBe(MIN_ZOOM);
		expect(parseView('Infinity/48.86/2.34')).toBeNull();
	});
});

describe('parseLatLon', () => {
	it('reads lat,lon inside the region', () => {
		expect(parseLatLon('48.86,2.34')).toEqual({ lat: 48.86, lon: 2.34 });
	});

	it.each([
		null,
		'',
		'48.86',
		'48.86,2.34,1',
		'x,y',
		'48.86,',
		',2.34',
		'2.34,48.86',
		'45.76,4.83'
	])('rejects %j', (value) => {
		expect(parseLatLon(value)).toBeNull();
	});

	it('accepts the corners of the region and nothing beyond them', () => {
		const { west, south, east, north } = IDF_BOUNDS;
		expect(parseLatLon(`${south},${west}`)).toEqual({ lat: south, lon: west });
		expect(parseLatLon(`${north},${east}`)).toEqual({ lat: north, lon: east });
		expect(parseLatLon(`${south - 0.001},${west}`)).toBeNull();
		expect(parseLatLon(`${north},${east + 0.001}`)).toBeNull();
	});
});

describe('parseMapState', () => {
	it('reads a whole shared URL', () => {
		const state = parseMapState(
			params('q=药店&cat=hotel&pay=unionpay&open=1&map=15/48.87/2.33&near=48.86,2.34&page=3')
		);
		expect(state).toEqual({
			filters: {
				...EMPTY_FILTERS,
				q: '药店',
				categories: ['hotel'],
				paymentMethods: ['unionpay'],
				openNow: true
			},
			view: { zoom: 15, lat: 48.87, lon: 2.33 },
			near: { lat: 48.86, lon: 2.34 },
			page: 3
		});
	});

	it('defaults to no view, no position and page 1', () => {
		expect(parseMapState(params(''))).toEqual({
			filters: EMPTY_FILTERS,
			view: null,
			near: null,
			page: 1
		});
	});

	it.each(['0', '-1', '1.5', 'abc', '1001', '', 'Infinity'])('turns page=%j into page 1', (p) => {
		expect(parseMapState(params(`page=${p}`)).page).toBe(1);
	});

	it('keeps page 1000 (the last one allowed)', () => {
		expect(parseMapState(params('page=1000')).page).toBe(1000);
	});
});

describe('mapStateToParams', () => {
	const full: MapState = {
		filters: {
			q: '卢浮宫 药店',
			categories: ['cosmetics_pharmacy', 'hotel'],
			paymentMethods: ['alipay', 'unionpay'],
			openNow: true,
			taxFree: true,
			chineseStaff: true
		},
		view: { zoom: 15.5, lat: 48.86061, lon: 2.33758 },
		near: { lat: 48.85, lon: 2.35 },
		page: 4
	};

	it('round-trips a full state through the URL', () => {
		const query = mapStateToParams(full).toString();
		expect(parseMapState(new URLSearchParams(query))).toEqual(full);
	});

	it('round-trips every category and payment method', () => {
		const state: MapState = {
			filters: {
				...EMPTY_FILTERS,
				categories: [...CATEGORIES],
				paymentMethods: [...PAYMENT_METHODS]
			},
			view: null,
			near: null,
			page: 1
		};
		expect(parseMapState(mapStateToParams(state))).toEqual(state);
	});

	it('round-trips the parsed state of a URL (params → state → params → state)', () => {
		const first = parseMapState(
			params('cat=souvenirs&cat=hotel&q=pharmacie&zh=1&map=9.04/48.5/2.1&page=2')
		);
		const second = parseMapState(mapStateToParams(first));
		expect(second).toEqual(first);
		expect(first.filters.categories).toEqual(['hotel', 'souvenirs']);
		expect(first.view?.zoom).toBe(9);
	});

	it('leaves out what is empty, so the default state is an empty query string', () => {
		expect(mapStateToParams({}).toString()).toBe('');
		expect(
			mapStateToParams({ filters: EMPTY_FILTERS, view: null, near: null, page: 1 }).toString()
		).toBe('');
		const onlyPage2 = mapStateToParams({ page: 2 });
		expect([...onlyPage2.keys()]).toEqual(['page']);
	});

	it('rounds positions to 5 decimals and the zoom to 1', () => {
		const p = mapStateToParams({
			view: { zoom: 13.26, lat: 48.8606123456, lon: 2.3376987654 },
			near: { lat: 48.8512345678, lon: 2.3498765432 }
		});
		expect(p.get('map')).toBe('13.3/48.86061/2.3377');
		expect(p.get('near')).toBe('48.85123,2.34988');
	});
});

describe('hasActiveFilters', () => {
	it('is false for the empty filters', () => {
		expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
	});

	it.each<[string, Partial<ListingFilters>]>([
		['q', { q: 'louvre' }],
		['categories', { categories: ['hotel'] }],
		['paymentMethods', { paymentMethods: ['wechat_pay'] }],
		['openNow', { openNow: true }],
		['taxFree', { taxFree: true }],
		['chineseStaff', { chineseStaff: true }]
	])('is true with only %s set', (_name, change) => {
		expect(hasActiveFilters({ ...EMPTY_FILTERS, ...change })).toBe(true);
	});
});

describe('filtersKey', () => {
	it('is the same whatever the order of categories and payment methods', () => {
		const a: ListingFilters = {
			...EMPTY_FILTERS,
			categories: ['souvenirs', 'hotel', 'cosmetics_pharmacy'],
			paymentMethods: ['wechat_pay', 'alipay']
		};
		const b: ListingFilters = {
			...EMPTY_FILTERS,
			categories: ['cosmetics_pharmacy', 'souvenirs', 'hotel'],
			paymentMethods: ['alipay', 'wechat_pay']
		};
		expect(filtersKey(a)).toBe(filtersKey(b));
	});

	it('is the same for filters read from URLs that differ only in order', () => {
		const a = parseFilters(params('cat=hotel&open=1&cat=souvenirs&pay=unionpay&pay=alipay'));
		const b = parseFilters(params('pay=alipay&cat=souvenirs&pay=unionpay&open=1&cat=hotel'));
		expect(filtersKey(a)).toBe(filtersKey(b));
	});

	it('differs when any filter differs', () => {
		const base: ListingFilters = { ...EMPTY_FILTERS, categories: ['hotel'] };
		const variants: ListingFilters[] = [
			base,
			EMPTY_FILTERS,
			{ ...base, categories: ['hotel', 'souvenirs'] },
			{ ...base, q: 'louvre' },
			{ ...base, paymentMethods: ['alipay'] },
			{ ...base, openNow: true },
			{ ...base, taxFree: true },
			{ ...base, chineseStaff: true }
		];
		expect(new Set(variants.map(filtersKey)).size).toBe(variants.length);
	});
});

describe('parseBBox', () => {
	it('reads west,south,east,north inside the region unchanged', () => {
		expect(parseBBox('2.3,48.8,2.4,48.9')).toEqual([2.3, 48.8, 2.4, 48.9]);
	});

	it.each([
		null,
		'',
		'2.3,48.8,2.4',
		'2.3,48.8,2.4,48.9,1',
		'a,b,c,d',
		'2.3,48.8,2.4,',
		'2.3,48.8,Infinity,48.9',
		'2.4,48.8,2.3,48.9', // west east of east
		'2.3,48.9,2.4,48.8', // south north of north
		'2.3,48.8,2.3,48.9' // no width
	])('rejects %j', (value) => {
		expect(parseBBox(value)).toBeNull();
	});

	it('clamps a box larger than the region to the region', () => {
		expect(parseBBox('-10,40,10,55')).toEqual([
			IDF_BOUNDS.west,
			IDF_BOUNDS.south,
			IDF_BOUNDS.east,
			IDF_BOUNDS.north
		]);
	});

	it('clamps a box overlapping an edge of the region', () => {
		expect(parseBBox(`3,48.5,4,49.5`)).toEqual([3, 48.5, IDF_BOUNDS.east, IDF_BOUNDS.north]);
	});

	// The map lets the viewport go half a degree beyond the region (maxBounds): a viewport
	// wholly east or north of it must not turn into an inverted box, which supercluster reads
	// as a box across the antimeridian (every listing of that latitude band).
	it.each(['3.7,48.6,3.9,48.7', '1,48.6,1.2,48.7', '2.3,49.3,2.4,49.5', '2.3,47.8,2.4,48'])(
		'never returns an inverted box for %s, wholly outside the region',
		(value) => {
			const box = parseBBox(value);
			if (box === null) return;
			const [w, s, e, n] = box;
			expect(w).toBeLessThanOrEqual(e);
			expect(s).toBeLessThanOrEqual(n);
			expect(w).toBeGreaterThanOrEqual(IDF_BOUNDS.west);
			expect(e).toBeLessThanOrEqual(IDF_BOUNDS.east);
			expect(s).toBeGreaterThanOrEqual(IDF_BOUNDS.south);
			expect(n).toBeLessThanOrEqual(IDF_BOUNDS.north);
		}
	);
});

describe('bboxOfView', () => {
	const contains = ([w, s, e, n]: BBox, lat: number, lon: number) =>
		lon > w && lon < e && lat > s && lat < n;
	const width = ([w, , e]: BBox) => e - w;
	const height = ([, s, , n]: BBox) => n - s;

	it('contains the centre of the view, in the middle of the longitudes', () => {
		const view = { zoom: 14, lat: 48.8606, lon: 2.3376 };
		const box = bboxOfView(view, 390, 420);
		expect(contains(box, view.lat, view.lon)).toBe(true);
		expect((box[0] + box[2]) / 2).toBeCloseTo(view.lon, 9);
		// Mercator stretches the north half: the middle of the latitudes is just south of the centre.
		expect((box[1] + box[3]) / 2).toBeLessThan(view.lat);
		expect(view.lat - (box[1] + box[3]) / 2).toBeLessThan(1e-4);
	});

	it('spans width / (512·2^zoom) of 360° in longitude', () => {
		const box = bboxOfView({ zoom: 10, lat: 48.86, lon: 2.34 }, 1024, 600);
		expect(width(box)).toBeCloseTo((1024 / (512 * 2 ** 10)) * 360, 9);
	});

	it('covers cos(lat) degrees of latitude per degree of longitude on a square map', () => {
		const box = bboxOfView({ zoom: 12, lat: 48.86, lon: 2.34 }, 500, 500);
		expect(height(box) / width(box)).toBeCloseTo(Math.cos((48.86 * Math.PI) / 180), 3);
	});

	it('grows as the zoom decreases: twice as wide per zoom level, and still around the centre', () => {
		const view = { ...DEFAULT_VIEW };
		let previous: BBox | null = null;
		for (let zoom = MAX_ZOOM; zoom >= MIN_ZOOM; zoom--) {
			const box = bboxOfView({ ...view, zoom }, 390, 420);
			expect(contains(box, view.lat, view.lon)).toBe(true);
			if (previous) {
				expect(box[0]).toBeLessThan(previous[0]);
				expect(box[1]).toBeLessThan(previous[1]);
				expect(box[2]).toBeGreaterThan(previous[2]);
				expect(box[3]).toBeGreaterThan(previous[3]);
				expect(width(box) / width(previous)).toBeCloseTo(2, 9);
			}
			previous = box;
		}
	});

	it('grows with the size of the map', () => {
		const view = { zoom: 13, lat: 48.86, lon: 2.34 };
		const small = bboxOfView(view, 390, 420);
		const large = bboxOfView(view, 1280, 800);
		expect(width(large)).toBeGreaterThan(width(small));
		expect(height(large)).toBeGreaterThan(height(small));
	});
});
