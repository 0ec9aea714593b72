import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { merchantDailyStats, merchants } from '../db/schema';
import { AudienceCounts, weeklyAudience } from './audience';
import { flushPeriodically } from '../jobs/buffered-counts';

let t: TestDatabase;
let a: number;
let b: number;
// Tuesday 2026-06-16 at 00:30 in Paris (still 15 June in UTC): the Paris day counts.
const now = new Date('2026-06-15T22:30:00Z');

/** Hotels named by one letter each, inserted; their ids in the same order. */
async function hotels(...names: string[]) {
	const rows = await t.db
		.insert(merchants)
		.values(
			names.map((name) => ({ legalName: name, tradeNameFr: name, category: 'hotel' as const }))
		)
		.returning({ id: merchants.id });
	return rows.map((r) => r.id);
}

beforeAll(async () => {
	t = await openTestDatabase();
	[a, b] = await hotels('A', 'B');
	const day = (d: string, views: number, clicks = 0, opens = 0, id = a) => ({
		merchantId: id,
		day: d,
		pageViews: views,
		directionClicks: clicks,
		cashierCardOpens: opens
	});
	await t.db.insert(merchantDailyStats).values([
		day('2026-06-16', 1000), // today: not over, not counted
		day('2026-06-15', 10, 2, 1), // last 7 days: 09 → 15 June
		day('2026-06-09', 5, 1, 0),
		day('2026-06-08', 7, 0, 3), // the week before: 02 → 08 June
		day('2026-06-02', 1),
		day('2026-06-01', 100), // three weeks ago
		day('2026-04-01', 999), // beyond the window
		day('2026-06-10', 4, 4, 4, b)
	]);
});
afterAll(() => t?.close());

describe('weeklyAudience', () => {
	it('sums each 7-day window before today in Paris, oldest first', async () => {
		const weeks = (await weeklyAudience(t.db, [a], { now, weeks: 3 })).get(a)!;
		expect(weeks).toEqual([
			{ from: '2026-05-26', pageViews: 100, directionClicks: 0, cashierCardOpens: 0 },
			{ from: '2026-06-02', pageViews: 8, directionClicks: 0, cashierCardOpens: 3 },
			{ from: '2026-06-09', pageViews: 15, directionClicks: 3, cashierCardOpens: 1 }
		]);
	});

	it('keeps listings apart and gives zeros to a listing without counters', async () => {
		const result = await weeklyAudience(t.db, [b, 999], { now, weeks: 2 });
		expect(result.get(b)?.at(-1)).toMatchObject({ pageViews: 4, directionClicks: 4 });
		expect(result.get(999)?.map((w) => w.pageViews)).toEqual([0, 0]);
		expect((await weeklyAudience(t.db, [], { now })).size).toBe(0);
	});
});

describe('counting (in memory, written in batches)', () => {
	const NOON = new Date('2025-06-11T10:00:00Z'); // 12:00 in Paris
	const NIGHT = new Date('2025-06-11T21:30:00Z'); // 23:30 in Paris
	const NEXT_DAY = new Date('2025-06-11T22:30:00Z'); // already 12 June in Paris
	let c: number;
	let d: number;

	beforeAll(async () => {
		[c, d] = await hotels('C', 'D');
	});

	const stats = async () =>
		(
			await t.db
				.select()
				.from(merchantDailyStats)
				.where(inArray(merchantDailyStats.merchantId, [c, d]))
		)
			.map((r) => [
				r.merchantId === c ? 'C' : 'D',
				r.day,
				r.pageViews,
				r.directionClicks,
				r.cashierCardOpens
			])
			.sort((x, y) => String(x).localeCompare(String(y)));

	it('writes nothing until flushed, then adds each Paris day to its row', async () => {
		const counts = new AudienceCounts();
		counts.count(c, 'page_view', NOON);
		counts.count(c, 'page_view', NIGHT);
		counts.count(c, 'direction_click', NOON);
		counts.count(c, 'cashier_card_open', NEXT_DAY);
		counts.count(d, 'page_view', NOON);
		expect(counts.pending).toBe(3);
		expect(await stats()).toEqual([]);
		await counts.flush(t.db);
		expect(counts.pending).toBe(0);
		expect(await stats()).toEqual([
			['C', '2025-06-11', 2, 1, 0],
			['C', '2025-06-12', 0, 0, 1],
			['D', '2025-06-11', 1, 0, 0]
		]);
		// Counted again: added to the stored rows.
		counts.count(c, 'page_view', NOON);
		await counts.flush(t.db);
		await counts.flush(t.db); // nothing pending: nothing written
		expect((await stats())[0]).toEqual(['C', '2025-06-11', 3, 1, 0]);
	});

	it('a failed flush keeps the counts for the next one, with what was counted meanwhile', async () => {
		const down = await openTestDatabase();
		await down.close(); // a database that answers nothing, as during a restart
		const counts = new AudienceCounts();
		counts.count(d, 'page_view', NOON);
		counts.count(d, 'direction_click', NOON);
		await expect(counts.flush(down.db)).rejects.toThrow();
		expect(counts.pending).toBe(1);
		counts.count(d, 'page_view', NOON);
		await counts.flush(t.db);
		expect((await stats()).find((r) => r[0] === 'D')).toEqual(['D', '2025-06-11', 3, 1, 0]);
	});

	it('drops the counts of a listing deleted before the flush, and writes the others', async () => {
		const [gone] = await t.db
			.insert(merchants)
			.values({ legalName: 'E', tradeNameFr: 'E', category: 'hotel' })
			.returning({ id: merchants.id });
		const counts = new AudienceCounts();
		counts.count(gone.id, 'page_view', NOON);
		counts.count(c, 'cashier_card_open', NOON);
		await t.db.delete(merchants).where(eq(merchants.id, gone.id));
		await counts.flush(t.db);
		expect(counts.pending).toBe(0);
		expect((await stats())[0]).toEqual(['C', '2025-06-11', 3, 1, 1]);
		const goneRows = await t.db
			.select()
			.from(merchantDailyStats)
			.where(and(eq(merchantDailyStats.merchantId, gone.id)));
		expect(goneRows).toEqual([]);
	});

	it('flushes on a timer, logs a failure without losing counts, and flushes once more on stop', async () => {
		vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
		const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const counts = new AudienceCounts();
			let available = false;
			const down = await openTestDatabase();
			await down.close();
			const flushing = flushPeriodically(
				'audience',
				counts,
				async () => (available ? t.db : down.db),
				10_000
			);
			counts.count(d, 'cashier_card_open', NIGHT);
			await vi.advanceTimersByTimeAsync(10_000);
			await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(1));
			expect(String(errors.mock.calls[0][0])).toMatch(
				/^\[audience\] counts kept for the next flush: /
			);
			expect(counts.pending).toBe(1);
			available = true;
			counts.count(d, 'cashier_card_open', NIGHT);
			await flushing.stop();
			expect(counts.pending).toBe(0);
			expect((await stats()).find((r) => r[0] === 'D')).toEqual(['D', '2025-06-11', 3, 1, 2]);
		} finally {
			errors.mockRestore();
			vi.useRealTimers();
		}
	});
});
