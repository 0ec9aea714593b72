import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { merchantDailyStats, merchants } from '../db/schema';
import { weeklyAudience } from './audience';

let t: TestDatabase;
let a: number;
let b: number;
// Tuesday 2026-06-16 at 00:30 in Paris (still 15 June in UTC): the Paris day counts.
const now = new Date('2026-06-15T22:30:00Z');

beforeAll(async () => {
	t = await openTestDatabase();
	const rows = await t.db
		.insert(merchants)
		.values([
			{ legalName: 'A', tradeNameFr: 'A', category: 'hotel' },
			{ legalName: 'B', tradeNameFr: 'B', category: 'hotel' }
		])
		.returning({ id: merchants.id });
	[a, b] = rows.map((r) => r.id);
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
