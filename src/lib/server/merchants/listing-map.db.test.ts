/** The map's features in a viewport. (Fixture: listing-fixture.ts.) */
import { describe, expect, it } from 'vitest';
import { mapFeatures } from './listing-map';
import { LIST_PAGE_SIZE, listPage } from './list-page';
import {
	EMPTY_FILTERS,
	parseBBox,
	inBBox,
	type BBox,
	type ListingFilters
} from '../../merchants/filters';
import {
	useListingFixture,
	NOON,
	WHOLE_REGION,
	CENTRAL_PARIS,
	OPERA_QUARTER,
	t,
	keyOf,
	approved,
	keys,
	keysOfIds,
	filters,
	request,
	byKey,
	allPages
} from './listing-fixture';

useListingFixture();

describe('viewport', () => {
	it('the list of a box holds exactly the approved merchants inside it', async () => {
		for (const bbox of [OPERA_QUARTER, CENTRAL_PARIS]) {
			const inside = approved().filter((f) => inBBox(f, bbox));
			expect(inside.length).toBeGreaterThan(0);
			const { first, ids } = await allPages(request({ bbox, pageSize: LIST_PAGE_SIZE }));
			expect(first.total).toBe(inside.length);
			expect(keysOfIds(ids)).toEqual(keys(inside));
		}
	});

	it('at a low zoom, clusters whose counts add up to the matching merchants of the box', async () => {
		const cases: [BBox, ListingFilters][] = [
			[WHOLE_REGION, EMPTY_FILTERS],
			[WHOLE_REGION, filters({ categories: ['electronics'] })],
			[CENTRAL_PARIS, EMPTY_FILTERS],
			[CENTRAL_PARIS, filters({ paymentMethods: ['alipay'] })]
		];
		for (const [bbox, f] of cases) {
			const wanted = approved().filter(
				(x) =>
					inBBox(x, bbox) &&
					(!f.categories.length || f.categories.includes(x.category)) &&
					f.paymentMethods.every((p) => x.payments.includes(p))
			);
			const { features, total } = await mapFeatures(t.db, f, bbox, 9, NOON);
			const clusters = features.filter((x) => x.properties.cluster);
			expect(clusters.length).toBeGreaterThan(0);
			const sum = features.reduce((n, x) => n + (x.properties.cluster ? x.properties.count : 1), 0);
			expect(sum).toBe(wanted.length);
			expect(total).toBe(wanted.length);
			expect(features.length).toBeLessThan(wanted.length);
		}
	});

	it('at a high zoom, one point per matching merchant of the box', async () => {
		for (const bbox of [OPERA_QUARTER, CENTRAL_PARIS, WHOLE_REGION]) {
			const { features, total } = await mapFeatures(t.db, EMPTY_FILTERS, bbox, 17, NOON);
			expect(features.every((f) => !f.properties.cluster)).toBe(true);
			const ids = features.map((f) => (f.properties.cluster ? -1 : f.properties.id));
			const inside = approved().filter((f) => inBBox(f, bbox));
			expect(keysOfIds(ids)).toEqual(keys(inside));
			expect(total).toBe(inside.length);
			for (const feature of features) {
				const f = byKey(keyOf.get(feature.id)!);
				const [lon, lat] = feature.geometry.coordinates;
				expect(lon).toBeCloseTo(f.lon, 9);
				expect(lat).toBeCloseTo(f.lat, 9);
				expect(feature.properties).toMatchObject({ category: f.category });
			}
		}
	});

	it('a viewport wholly east of the region (the map allows half a degree) shows nothing', async () => {
		// Same latitudes as central Paris; before parseBBox clamped every edge, the box came out
		// inverted and supercluster read it as crossing the antimeridian: all of Paris.
		const bbox = parseBBox('3.7,48.8,3.9,48.92');
		expect(bbox).not.toBeNull();
		const { features, total } = await mapFeatures(t.db, EMPTY_FILTERS, bbox!, 14, NOON);
		expect(features).toEqual([]);
		expect(total).toBe(0);
		const list = await listPage(t.db, request({ bbox }));
		expect(list.total).toBe(0);
	});
});
