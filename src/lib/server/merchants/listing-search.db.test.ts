/**
 * Filters and search words, on the list and the map; the anonymous demand counters. (Fixture:
 * listing-fixture.ts.)
 */
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getResolution, latLngToCell } from 'h3-js';
import { queryRows } from '../db/query';
import { DEMAND_CELL_RESOLUTION, demandEvents } from '../db/schema';
import { listingCard } from './listing-cards';
import { mapFeatures } from './listing-map';
import { SearchCounts } from './search-counts';
import { listPage } from './list-page';
import { EMPTY_FILTERS, type ListingFilters } from '../../merchants/filters';
import { haversineMeters } from '../../geo/distance';
import {
	useListingFixture,
	NOON,
	NIGHT,
	LOUVRE,
	WHOLE_REGION,
	CENTRAL_PARIS,
	OPERA_QUARTER,
	t,
	id,
	keyOf,
	approved,
	keys,
	keysOfIds,
	filters,
	request,
	byKey,
	search,
	type Fixture
} from './listing-fixture';

useListingFixture();

describe('filters', () => {
	const cases: [string, ListingFilters, (f: Fixture) => boolean][] = [
		[
			'category',
			filters({ categories: ['cosmetics_pharmacy'] }),
			(f) => f.category === 'cosmetics_pharmacy'
		],
		[
			'two categories',
			filters({ categories: ['hotel', 'souvenirs'] }),
			(f) => f.category === 'hotel' || f.category === 'souvenirs'
		],
		['UnionPay', filters({ paymentMethods: ['unionpay'] }), (f) => f.payments.includes('unionpay')],
		[
			'Alipay+ and WeChat Pay (both)',
			filters({ paymentMethods: ['alipay_plus', 'wechat_pay'] }),
			(f) => f.payments.includes('alipay_plus') && f.payments.includes('wechat_pay')
		],
		['tax-free', filters({ taxFree: true }), (f) => f.taxFree],
		['Chinese staff', filters({ chineseStaff: true }), (f) => f.chineseStaff],
		[
			'tax-free and Chinese staff',
			filters({ taxFree: true, chineseStaff: true }),
			(f) => f.taxFree && f.chineseStaff
		],
		['tax-free, typed in Chinese', filters({ q: '退税' }), (f) => f.taxFree],
		['Chinese staff, typed in Chinese', filters({ q: '中文服务' }), (f) => f.chineseStaff]
	];

	it.each(cases)('%s', async (_name, f, wanted) => {
		const expected = keys(approved().filter(wanted));
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(approved().length);
		expect((await search({ filters: f })).sort()).toEqual(expected);
		const { features } = await mapFeatures(t.db, f, WHOLE_REGION, 17, NOON);
		expect(keysOfIds(features.map((x) => x.id))).toEqual(expected);
	});

	it('open now, at noon and at night (Paris time)', async () => {
		for (const [now, wanted] of [
			[NOON, (f: Fixture) => f.openAtNoon],
			[NIGHT, (f: Fixture) => f.openAtNight]
		] as const) {
			const expected = keys(approved().filter(wanted));
			expect(expected.length).toBeGreaterThan(0);
			const list = await listPage(t.db, request({ filters: filters({ openNow: true }), now }));
			expect(keysOfIds(list.items.map((i) => i.id))).toEqual(expected);
			expect(list.items.every((i) => i.openNow === true)).toBe(true);
			const { features } = await mapFeatures(
				t.db,
				filters({ openNow: true }),
				WHOLE_REGION,
				17,
				now
			);
			expect(keysOfIds(features.map((x) => x.id))).toEqual(expected);
		}
		expect(keys(approved().filter((f) => f.openAtNoon))).not.toEqual(
			keys(approved().filter((f) => f.openAtNight))
		);
	});

	it('a merchant without hours is never "open now", and its card says unknown', async () => {
		const card = await listingCard(t.db, id.versailles, NOON, null);
		expect(card?.openNow).toBeNull();
		expect(card?.todayHours).toEqual([]);
		// 'versailles' names the château: the list is sorted by distance from it.
		expect(await search({ filters: filters({ openNow: true, q: 'versailles' }) })).not.toContain(
			'versailles'
		);
		expect((await search({ filters: filters({ q: 'versailles' }) }))[0]).toBe('versailles');
	});

	it('the map marks each point open or closed at the given time', async () => {
		for (const now of [NOON, NIGHT]) {
			const { features } = await mapFeatures(t.db, EMPTY_FILTERS, CENTRAL_PARIS, 17, now);
			expect(features.length).toBeGreaterThan(0);
			for (const feature of features) {
				if (feature.properties.cluster) continue;
				const f = byKey(keyOf.get(feature.id)!);
				const open = now === NOON ? f.openAtNoon : f.openAtNight;
				expect(feature.properties.open, f.key).toBe(f.hours ? open : null);
			}
		}
	});
});

describe('search', () => {
	const pharmacies = () => keys(approved().filter((f) => f.category === 'cosmetics_pharmacy'));

	it.each(['药店', '附近的药店', 'pharmacie', 'PHARMACIE', 'Pharmacies'])(
		'%s finds the approved pharmacies and only them',
		async (q) => {
			const found = await search({ filters: filters({ q }) });
			expect(found.sort()).toEqual(pharmacies());
			expect(found).toContain('pharmacy');
		}
	);

	it.each(['卢浮宫', '卢浮宫药店', 'louvre pharmacie', 'LOUVRE'])(
		'%s puts the Pharmacie du Louvre first',
		async (q) => {
			const found = await search({ filters: filters({ q }) });
			expect(found[0]).toBe('pharmacy');
		}
	);

	it('ranks a name match before an address match (whatever the ids)', async () => {
		// Maison Dupont was inserted first; 'capucines' is only in the Opéra pharmacy's address,
		// 'dupont' in a name: a name match scores more than an address match.
		expect(id.dupont).toBeLessThan(id.pharmacy);
		expect(await search({ filters: filters({ q: 'capucines' }) })).toEqual(['operaPharmacy']);
		expect(await search({ filters: filters({ q: 'dupont' }) })).toEqual(['dupont']);
	});

	it('ignores accents, case and apostrophes', async () => {
		for (const q of ['elysee', 'Élysée', 'ÉLYSÉE', 'élysee']) {
			expect(await search({ filters: filters({ q }) }), q).toEqual(['hotel']);
		}
		// 'opera' names the Opéra: the pharmacies, nearest to it first.
		expect((await search({ filters: filters({ q: 'pharmacie de l’opera' }) }))[0]).toBe(
			'operaPharmacy'
		);
		expect(await search({ filters: filters({ q: 'CAPUCINES' }) })).toEqual(['operaPharmacy']);
		expect(await search({ filters: filters({ q: 'cafe de la tour' }) })).toEqual(['cafe']);
	});

	it('combines a category word with a name: "hotel opera" is the hotel, not the pharmacy', async () => {
		expect(await search({ filters: filters({ q: 'hotel opera' }) })).toEqual(['hotel']);
		expect((await search({ filters: filters({ q: 'pharmacie opera' }) }))[0]).toBe('operaPharmacy');
	});

	it('finds nothing for an unknown word, and then offers the five nearest approved merchants', async () => {
		const result = await listPage(
			t.db,
			request({ filters: filters({ q: 'zzqxw' }), origin: LOUVRE, originIsVisitor: true })
		);
		expect(result.total).toBe(0);
		expect(result.items).toEqual([]);
		const nearest = approved()
			.map((f) => ({ f, d: haversineMeters(LOUVRE, f) }))
			.sort((a, b) => a.d - b.d)
			.slice(0, 5);
		expect(result.alternatives.map((a) => keyOf.get(a.id))).toEqual(nearest.map((n) => n.f.key));
		expect(result.alternatives.map((a) => a.distanceM)).toEqual(
			nearest.map((n) => Math.round(n.d))
		);
	});

	it('keeps the category in the alternatives when it finds some', async () => {
		const result = await listPage(
			t.db,
			request({ filters: filters({ q: 'zzqxw', categories: ['hotel'] }), origin: LOUVRE })
		);
		expect(result.total).toBe(0);
		expect(result.alternatives.map((a) => keyOf.get(a.id))).toEqual(
			keys(approved().filter((f) => f.category === 'hotel'))
		);
	});

	it('drops the category in the alternatives when it has no approved merchant at all', async () => {
		const result = await listPage(
			t.db,
			request({ filters: filters({ categories: ['kids_baby'] }), bbox: OPERA_QUARTER })
		);
		expect(result.total).toBe(0);
		// Without an origin: the nearest to the centre of the box, whatever their category.
		const centre = {
			lat: (OPERA_QUARTER[1] + OPERA_QUARTER[3]) / 2,
			lon: (OPERA_QUARTER[0] + OPERA_QUARTER[2]) / 2
		};
		const nearest = approved()
			.map((f) => ({ key: f.key, d: haversineMeters(centre, f) }))
			.sort((a, b) => a.d - b.d)
			.slice(0, 5)
			.map((x) => x.key);
		expect(result.alternatives.map((a) => keyOf.get(a.id))).toEqual(nearest);
		expect(result.alternatives.every((a) => a.distanceM === null)).toBe(true);
	});
});

describe('anonymous search counts', () => {
	it('are written only when flushed, one row per day, category, coarse cell and result count', async () => {
		const late = new Date('2025-06-11T22:30:00Z'); // already 12 June in Paris
		const before = await t.db.select().from(demandEvents);
		const counts = new SearchCounts();
		const pharmacy = { category: 'cosmetics_pharmacy', center: LOUVRE, resultCount: 3 } as const;
		counts.count({ ...pharmacy, now: late });
		// 300 m away, same cell (for this position): the same row.
		counts.count({ ...pharmacy, center: { lat: LOUVRE.lat + 0.0027, lon: LOUVRE.lon }, now: late });
		counts.count({ ...pharmacy, resultCount: 4, now: late });
		expect(counts.pending).toBe(2);
		expect(await t.db.select().from(demandEvents)).toHaveLength(before.length);
		await counts.flush(t.db);
		expect(counts.pending).toBe(0);
		const added = (await t.db.select().from(demandEvents))
			.filter((r) => !before.some((b) => b.id === r.id))
			.sort((a, b) => a.resultCount - b.resultCount);
		expect(added).toMatchObject([
			{
				day: '2025-06-12',
				category: 'cosmetics_pharmacy',
				resultCount: 3,
				searches: 2,
				isDemo: false
			},
			{
				day: '2025-06-12',
				category: 'cosmetics_pharmacy',
				resultCount: 4,
				searches: 1,
				isDemo: false
			}
		]);
		expect(added[0].areaCell).toBe(latLngToCell(LOUVRE.lat, LOUVRE.lon, DEMAND_CELL_RESOLUTION));
		expect(getResolution(added[0].areaCell!)).toBe(7);
	});

	it('store no position when there is none, and nothing else', async () => {
		const counts = new SearchCounts();
		counts.count({ category: null, center: null, resultCount: 0, now: NOON });
		await counts.flush(t.db);
		const rows = await t.db
			.select()
			.from(demandEvents)
			.where(and(eq(demandEvents.day, '2025-06-11'), eq(demandEvents.resultCount, 0)));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ category: null, areaCell: null, searches: 1 });
		const columns = await queryRows<{ column_name: string }>(
			t.db,
			sql`SELECT column_name FROM information_schema.columns
			    WHERE table_schema = 'public' AND table_name = 'demand_events' ORDER BY column_name`
		);
		// No IP address, session, user, user agent or exact position.
		expect(columns.map((c) => c.column_name)).toEqual([
			'area_cell',
			'category',
			'day',
			'id',
			'is_demo',
			'result_count',
			'searches'
		]);
	});
});
