/**
 * The in-memory index of approved listings: only approved merchants are public, and the index
 * follows the database, in this process and in another one. (Fixture: listing-fixture.ts.)
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { listingChanges, merchants } from '../db/schema';
import {
	approvedListings,
	invalidateListings,
	ListingCache,
	VERSION_CHECK_MS
} from './listing-index';
import { listingCard } from './listing-cards';
import { mapFeatures } from './listing-map';
import { LIST_PAGE_SIZE } from './list-page';
import { publicMerchant } from './public-page';
import { criteriaOf, readQuery, selectionOf } from './listing-search';
import { EMPTY_FILTERS } from '../../merchants/filters';
import { haversineMeters } from '../../geo/distance';
import { type ListingStatus } from '../../merchants/vocabulary';
import {
	useListingFixture,
	NOON,
	LOUVRE,
	WHOLE_REGION,
	CENTRAL_PARIS,
	t,
	id,
	approved,
	notPublic,
	keys,
	keysOfIds,
	filters,
	request,
	byKey,
	allPages,
	search,
	toRow
} from './listing-fixture';

useListingFixture();

describe('only approved merchants are public', () => {
	it('the index holds exactly the approved merchants', async () => {
		const listings = await approvedListings(t.db);
		expect(keysOfIds(listings.map((l) => l.id))).toEqual(keys(approved()));
	});

	it('the list, page after page, shows each approved merchant once', async () => {
		const { first, ids } = await allPages(request({ pageSize: LIST_PAGE_SIZE }));
		expect(first.total).toBe(approved().length);
		expect(ids).toHaveLength(new Set(ids).size);
		expect(keysOfIds(ids)).toEqual(keys(approved()));
	});

	it('the map, at every zoom, counts only approved merchants', async () => {
		for (const zoom of [8, 10, 12, 14, 17]) {
			const { features, total } = await mapFeatures(t.db, EMPTY_FILTERS, WHOLE_REGION, zoom, NOON);
			expect(total, `zoom ${zoom}`).toBe(approved().length);
			const pointIds = features.flatMap((f) => (f.properties.cluster ? [] : [f.properties.id]));
			for (const f of notPublic()) expect(pointIds, `zoom ${zoom}`).not.toContain(id[f.key]);
		}
	});

	it('listingCard and publicMerchant give null for every other status, and for unknown ids', async () => {
		for (const f of notPublic()) {
			expect(await listingCard(t.db, id[f.key], NOON, null), f.key).toBeNull();
			expect(await publicMerchant(t.db, id[f.key]), f.key).toBeNull();
		}
		const unknown = Math.max(...Object.values(id)) + 1;
		expect(await listingCard(t.db, unknown, NOON, null)).toBeNull();
		expect(await publicMerchant(t.db, unknown)).toBeNull();
	});

	it('listingCard and publicMerchant give an approved merchant as inserted', async () => {
		const f = byKey('pharmacy');
		const card = await listingCard(t.db, id.pharmacy, NOON, LOUVRE);
		expect(card).toMatchObject({
			id: id.pharmacy,
			slug: 'pharmacie-du-louvre',
			nameFr: f.nameFr,
			nameZh: f.nameZh,
			category: f.category,
			lat: f.lat,
			lon: f.lon,
			openNow: true,
			paymentMethods: f.payments,
			taxFree: true,
			chineseStaff: true,
			distanceM: Math.round(haversineMeters(LOUVRE, f))
		});
		const page = await publicMerchant(t.db, id.pharmacy);
		expect(page).toMatchObject({
			id: id.pharmacy,
			tradeNameFr: f.nameFr,
			tradeNameZh: f.nameZh,
			lat: f.lat,
			lon: f.lon,
			openingHours: f.hours,
			paymentMethods: f.payments
		});
	});

	it('a search that only non-public merchants would match finds nothing', async () => {
		// Words found only in the names or addresses of the pending, suspended, draft and
		// rejected merchants.
		for (const q of ['Rivoli', '里沃利', 'auber', 'brouillon', 'malraux', 'refusee']) {
			expect(await search({ filters: filters({ q }) }), q).toEqual([]);
		}
	});
});

describe('the in-memory index follows the database', () => {
	async function setStatus(key: string, status: ListingStatus) {
		await t.db
			.update(merchants)
			.set({
				status,
				acceptedSince: new Date('2025-06-01'),
				verifiedAt: new Date('2025-06-01'),
				updatedAt: sql`now()`
			})
			.where(eq(merchants.id, id[key]));
	}

	it('shows a pending merchant once approved, everywhere', async () => {
		const q = filters({ q: 'rivoli' });
		expect(await search({ filters: q })).toEqual([]);
		await setStatus('pending', 'approved');
		try {
			invalidateListings();
			expect(await search({ filters: q })).toEqual(['pending']);
			expect(await listingCard(t.db, id.pending, NOON, null)).not.toBeNull();
			expect(await publicMerchant(t.db, id.pending)).not.toBeNull();
			const { features } = await mapFeatures(t.db, EMPTY_FILTERS, CENTRAL_PARIS, 17, NOON);
			expect(features.map((f) => f.id)).toContain(id.pending);
		} finally {
			await setStatus('pending', 'pending');
			invalidateListings();
		}
		expect(await search({ filters: q })).toEqual([]);
		const { features } = await mapFeatures(t.db, EMPTY_FILTERS, CENTRAL_PARIS, 17, NOON);
		expect(features.map((f) => f.id)).not.toContain(id.pending);
	});

	it('hides a suspended merchant at once after invalidateListings()', async () => {
		await approvedListings(t.db);
		await setStatus('pharmacy', 'suspended');
		try {
			invalidateListings();
			expect(await search({ filters: filters({ q: '卢浮宫' }) })).not.toContain('pharmacy');
			expect(await listingCard(t.db, id.pharmacy, NOON, null)).toBeNull();
			expect(await publicMerchant(t.db, id.pharmacy)).toBeNull();
			const { features } = await mapFeatures(t.db, EMPTY_FILTERS, CENTRAL_PARIS, 17, NOON);
			expect(features.map((f) => f.id)).not.toContain(id.pharmacy);
		} finally {
			await setStatus('pharmacy', 'approved');
			invalidateListings();
		}
		expect(await search({ filters: filters({ q: '卢浮宫' }) })).toContain('pharmacy');
	});

	it('sees a changed name of an approved merchant (same count of approved merchants)', async () => {
		await t.db
			.update(merchants)
			.set({ tradeNameFr: 'Maison Durand', updatedAt: sql`now()` })
			.where(eq(merchants.id, id.dupont));
		try {
			invalidateListings();
			expect(await search({ filters: filters({ q: 'durand' }) })).toEqual(['dupont']);
			expect((await listingCard(t.db, id.dupont, NOON, null))?.slug).toBe('maison-durand');
		} finally {
			await t.db
				.update(merchants)
				.set({ tradeNameFr: 'Maison Dupont', updatedAt: sql`now()` })
				.where(eq(merchants.id, id.dupont));
			invalidateListings();
		}
		expect(await search({ filters: filters({ q: 'durand' }) })).toEqual([]);
	});

	it('without invalidateListings(), keeps serving the index it checked moments ago', async () => {
		await approvedListings(t.db);
		await setStatus('pending', 'approved');
		try {
			expect(await search({ filters: filters({ q: 'rivoli' }) })).toEqual([]);
		} finally {
			await setStatus('pending', 'pending');
			invalidateListings();
		}
	});
});

describe('two processes on one database', () => {
	/** A process's index, with its own clock (moved on instead of waited for). */
	function process() {
		let now = 1_000_000;
		const cache = new ListingCache(() => now);
		return {
			cache,
			/** Its next check is due: the request that finds it due starts it, and waits for nothing. */
			later: () => (now += VERSION_CHECK_MS),
			/** A request after the check interval, then the end of the check it started. */
			checked: async () => {
				now += VERSION_CHECK_MS;
				await cache.index(t.db);
				return cache.settled(t.db);
			},
			ids: async () => Array.from((await cache.index(t.db)).id),
			get: async (key: string) => (await cache.index(t.db)).get(id[key])
		};
	}

	/** A change as the state machine writes it: the row's version goes up. */
	async function change(key: string, set: Partial<typeof merchants.$inferInsert>) {
		await t.db
			.update(merchants)
			.set({ ...set, version: sql`${merchants.version} + 1`, updatedAt: sql`now()` })
			.where(eq(merchants.id, id[key]));
	}

	/** Checks `seen` in B only after B's next check; A (the deciding process) sees it at once. */
	async function expectSeen(seen: (p: ReturnType<typeof process>) => Promise<boolean>) {
		const [a, b] = [process(), process()];
		await a.ids();
		await b.ids();
		return {
			a,
			b,
			async afterChange() {
				a.cache.invalidate();
				expect(await seen(a)).toBe(true);
				expect(await seen(b)).toBe(false);
				await b.checked();
				expect(await seen(b)).toBe(true);
			}
		};
	}

	it('a listing suspended while another is approved (same count) reaches the other process', async () => {
		const check = await expectSeen(
			async (p) => !(await p.ids()).includes(id.pharmacy) && (await p.ids()).includes(id.pending)
		);
		await change('pharmacy', { status: 'suspended' });
		await change('pending', {
			status: 'approved',
			acceptedSince: new Date('2025-06-01'),
			verifiedAt: new Date('2025-06-01')
		});
		try {
			await check.afterChange();
		} finally {
			await change('pending', { status: 'pending' });
			await change('pharmacy', { status: 'approved' });
		}
	});

	it('an edit that moves neither the version nor the change time reaches the other process (the database logs every change of what the index reads)', async () => {
		const check = await expectSeen(
			async (p) => (await p.get('dupont'))?.nameFr === 'Maison Martin'
		);
		await t.db
			.update(merchants)
			.set({ tradeNameFr: 'Maison Martin' })
			.where(eq(merchants.id, id.dupont));
		try {
			await check.afterChange();
			expect((await check.b.get('dupont'))?.slug).toBe('maison-martin');
		} finally {
			await t.db
				.update(merchants)
				.set({ tradeNameFr: 'Maison Dupont' })
				.where(eq(merchants.id, id.dupont));
		}
	});

	it('a reconfirmation (the verified date the public page shows) reaches the other process', async () => {
		const reconfirmed = new Date('2025-06-05T08:00:00Z');
		const check = await expectSeen(
			async (p) => (await p.get('hotel'))?.verifiedAt?.getTime() === reconfirmed.getTime()
		);
		await change('hotel', { verifiedAt: reconfirmed });
		try {
			await check.afterChange();
		} finally {
			await change('hotel', { verifiedAt: new Date('2025-01-02') });
		}
	});

	it('a deleted listing leaves the other process, and a new one enters it', async () => {
		const [a, b] = [process(), process()];
		const row = toRow({ ...byKey('dupont'), nameFr: 'Maison Éphémère', status: 'approved' }, 900);
		const [added] = await t.db.insert(merchants).values(row).returning({ id: merchants.id });
		await b.checked();
		expect(await b.ids()).toContain(added.id);
		await a.ids();
		await t.db.delete(merchants).where(eq(merchants.id, added.id));
		a.cache.invalidate();
		expect(await a.ids()).not.toContain(added.id);
		await b.checked();
		expect(await b.ids()).not.toContain(added.id);
		expect(keysOfIds(await b.ids())).toEqual(keys(approved()));
	});

	it('patches the index for an edit that keeps the listing in place, re-sorts for a move', async () => {
		const p = process();
		const before = await p.cache.index(t.db);
		const galeries = await p.get('galeries');
		const dupont = (await p.get('dupont'))!;
		await change('dupont', { tradeNameFr: 'Maison Ébène' });
		const patched = await p.checked();
		expect(patched).not.toBe(before);
		// Same places: the tree and the positions are kept, nothing re-sorted.
		expect(patched.tree).toBe(before.tree);
		expect(patched.get(id.galeries)).toEqual(galeries);
		expect(patched.get(id.dupont)).toMatchObject({ nameFr: 'Maison Ébène', slug: 'maison-ebene' });
		const words = criteriaOf(filters({ q: 'ebene' }), readQuery('ebene'));
		expect(keysOfIds([...selectionOf(patched, words).positions].map((i) => patched.id[i]))).toEqual(
			['dupont']
		);
		try {
			await change('dupont', { latitude: dupont.lat + 0.01 });
			const moved = await p.checked();
			expect(moved.tree).not.toBe(before.tree);
			expect(moved.get(id.dupont)?.lat).toBeCloseTo(dupont.lat + 0.01, 6);
			expect(moved.get(id.galeries)).toEqual(galeries);
		} finally {
			await change('dupont', { tradeNameFr: dupont.nameFr, latitude: dupont.lat });
		}
	});

	it('keeps the same index when a check finds nothing changed', async () => {
		const p = process();
		const before = await p.cache.index(t.db);
		expect(await p.checked()).toBe(before);
	});

	it('a change the index does not read (a reminder sent) is not logged: the index stays', async () => {
		const p = process();
		const before = await p.cache.index(t.db);
		const logged = async () => (await t.db.select().from(listingChanges)).length;
		const rows = await logged();
		await t.db
			.update(merchants)
			.set({ remindedAt: new Date('2025-06-02') })
			.where(eq(merchants.id, id.dupont));
		expect(await logged()).toBe(rows);
		expect(await p.checked()).toBe(before);
	});

	it('serves the previous index while a reload runs, and the new one after it', async () => {
		const p = process();
		const before = await p.cache.index(t.db);
		await change('pending', {
			status: 'approved',
			acceptedSince: new Date('2025-06-01'),
			verifiedAt: new Date('2025-06-01')
		});
		try {
			p.later();
			// The request that finds the check due starts it and is answered from the old index, as
			// is every request until the reload is over.
			expect(await p.cache.index(t.db)).toBe(before);
			expect(await p.cache.index(t.db)).toBe(before);
			const after = await p.cache.settled(t.db);
			expect(after).not.toBe(before);
			expect(after.get(id.pending)).not.toBeNull();
			expect(before.get(id.pending)).toBeNull();
		} finally {
			await change('pending', { status: 'pending' });
		}
	});
});
