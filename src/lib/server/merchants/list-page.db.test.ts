/** The list beside the map: distance from an origin, pagination. (Fixture: listing-fixture.ts.) */
import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, listPage } from './list-page';
import { haversineMeters } from '../../geo/distance';
import { inBBox } from '../../merchants/filters';
import { DEFAULT_VIEW } from '../../merchants/map-state';
import {
	useListingFixture,
	NOON,
	NIGHT,
	CENTRAL_PARIS,
	id,
	LOUVRE,
	ELECTRONICS_APPROVED,
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

describe('distance from an origin', () => {
	it('in a viewport, from the visitor: open shops first, nearest first, on every page', async () => {
		for (const now of [NOON, NIGHT]) {
			for (const openNow of [false, true]) {
				const expected = approved()
					.filter((f) => inBBox(f, CENTRAL_PARIS))
					.map((f) => ({
						key: f.key,
						closed: (now === NOON ? f.openAtNoon : f.openAtNight) ? 0 : 1,
						d: haversineMeters(LOUVRE, f),
						id: id[f.key]
					}))
					.filter((x) => !openNow || x.closed === 0)
					.sort((a, b) => a.closed - b.closed || a.d - b.d || a.id - b.id)
					.map((x) => x.key);
				expect(expected.length).toBeGreaterThan(2);
				for (const pageSize of [1, 2, 5]) {
					const { first, ids } = await allPages(
						request({
							filters: filters({ openNow }),
							bbox: CENTRAL_PARIS,
							origin: LOUVRE,
							originIsVisitor: true,
							pageSize,
							now
						})
					);
					expect(first.total, `${now.toISOString()} ${openNow} ${pageSize}`).toBe(expected.length);
					expect(ids.map((i) => keyOf.get(i))).toEqual(expected);
				}
			}
		}
	});

	it('with no viewport (a first visit): the whole region, open shops first, nearest to where the map opens', async () => {
		for (const now of [NOON, NIGHT]) {
			const expected = approved()
				.map((f) => ({
					key: f.key,
					closed: (now === NOON ? f.openAtNoon : f.openAtNight) ? 0 : 1,
					d: haversineMeters({ lat: DEFAULT_VIEW.lat, lon: DEFAULT_VIEW.lon }, f),
					id: id[f.key]
				}))
				.sort((a, b) => a.closed - b.closed || a.d - b.d || a.id - b.id)
				.map((x) => x.key);
			for (const pageSize of [1, 3, LIST_PAGE_SIZE]) {
				const { first, ids } = await allPages(request({ pageSize, now }));
				expect(first.total).toBe(expected.length);
				expect(ids.map((i) => keyOf.get(i))).toEqual(expected);
				// Not the visitor's position: no distance on the cards.
				expect(first.items.every((i) => i.distanceM === null)).toBe(true);
			}
		}
	});

	it('with no query: open shops first, each part by increasing distance from the visitor', async () => {
		const { ids } = await allPages(
			request({ origin: LOUVRE, originIsVisitor: true, pageSize: LIST_PAGE_SIZE })
		);
		expect(keysOfIds(ids)).toEqual(keys(approved()));
		const list = await listPage(t.db, request({ origin: LOUVRE, originIsVisitor: true }));
		const distances = list.items.map((i) => i.distanceM!);
		expect(distances.every((d) => typeof d === 'number')).toBe(true);
		const open = list.items.filter((i) => i.openNow === true);
		expect(list.items.slice(0, open.length)).toEqual(open);
		for (const part of [open, list.items.slice(open.length)]) {
			const d = part.map((i) => i.distanceM!);
			expect(d).toEqual([...d].sort((a, b) => a - b));
		}
		for (const item of list.items) {
			const f = byKey(keyOf.get(item.id)!);
			expect(item.distanceM).toBe(Math.round(haversineMeters(LOUVRE, f)));
		}
		const expectedOrder = approved()
			.map((f) => ({
				key: f.key,
				d: haversineMeters(LOUVRE, f),
				closed: f.hours && f.openAtNoon ? 0 : 1
			}))
			.sort((a, b) => a.closed - b.closed || a.d - b.d)
			.slice(0, 7)
			.map((x) => x.key);
		expect(list.items.slice(0, 7).map((i) => keyOf.get(i.id))).toEqual(expectedOrder);
	});

	it('from elsewhere too (Versailles), and with filters', async () => {
		const origin = { lat: 48.8049, lon: 2.1204 };
		const list = await listPage(
			t.db,
			request({ origin, originIsVisitor: true, filters: filters({ paymentMethods: ['unionpay'] }) })
		);
		const expected = approved()
			.filter((f) => f.payments.includes('unionpay'))
			.map((f) => ({
				key: f.key,
				d: haversineMeters(origin, f),
				closed: f.hours && f.openAtNoon ? 0 : 1
			}))
			.sort((a, b) => a.closed - b.closed || a.d - b.d)
			.map((x) => x.key);
		expect(list.items.map((i) => keyOf.get(i.id))).toEqual(expected);
	});

	it('gives no distance when the origin is only the map centre', async () => {
		const list = await listPage(t.db, request({ origin: LOUVRE, originIsVisitor: false }));
		expect(list.items.every((i) => i.distanceM === null)).toBe(true);
		expect(keyOf.get(list.items[0].id)).toBe('pharmacy');
	});
});

describe('pagination', () => {
	const electronics = filters({ categories: ['electronics'] });

	it(`has pages of LIST_PAGE_SIZE (${LIST_PAGE_SIZE}) and the right page count`, async () => {
		const n = approved().filter((f) => f.category === 'electronics').length;
		expect(n).toBe(ELECTRONICS_APPROVED);
		expect(n).toBeGreaterThan(2 * LIST_PAGE_SIZE);
		const pageCount = Math.ceil(n / LIST_PAGE_SIZE);
		const seen: number[] = [];
		for (let page = 1; page <= pageCount; page++) {
			const result = await listPage(
				t.db,
				request({ filters: electronics, page, pageSize: LIST_PAGE_SIZE })
			);
			expect(result.total).toBe(n);
			expect(result.pageCount).toBe(pageCount);
			expect(result.page).toBe(page);
			expect(result.items).toHaveLength(
				page < pageCount ? LIST_PAGE_SIZE : n - (pageCount - 1) * LIST_PAGE_SIZE
			);
			seen.push(...result.items.map((i) => i.id));
		}
		expect(new Set(seen).size).toBe(n);
		expect(keysOfIds(seen)).toEqual(keys(approved().filter((f) => f.category === 'electronics')));
	});

	it('gives the last page for a page beyond it', async () => {
		const last = await listPage(
			t.db,
			request({ filters: electronics, page: 3, pageSize: LIST_PAGE_SIZE })
		);
		const beyond = await listPage(
			t.db,
			request({ filters: electronics, page: 99, pageSize: LIST_PAGE_SIZE })
		);
		expect(beyond.page).toBe(last.pageCount);
		expect(beyond.items.map((i) => i.id)).toEqual(last.items.map((i) => i.id));
	});

	it('has one (empty) page when nothing matches', async () => {
		const result = await listPage(
			t.db,
			request({ filters: filters({ q: 'zzqxw' }), page: 2, pageSize: LIST_PAGE_SIZE })
		);
		expect(result).toMatchObject({ total: 0, page: 1, pageCount: 1, items: [] });
	});

	it('pages a list sorted by distance without repeating or losing anyone', async () => {
		const origin = { lat: 48.875, lon: 2.78 };
		const { first, ids } = await allPages(
			request({ filters: electronics, origin, originIsVisitor: true, pageSize: LIST_PAGE_SIZE })
		);
		expect(first.pageCount).toBe(Math.ceil(ELECTRONICS_APPROVED / LIST_PAGE_SIZE));
		expect(new Set(ids).size).toBe(ELECTRONICS_APPROVED);
	});
});
