/**
 * Daily housekeeping on both drivers: each step removes only what is past its time, and a second
 * run the same day changes nothing; audience days of old months become month rows with the same
 * totals, while the dashboard's weeks stay day by day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import {
	importRows,
	imports,
	listingChanges,
	merchantDailyStats,
	merchantMonthlyStats,
	merchants,
	sessions,
	users
} from '../db/schema';
import { cleanUp } from './housekeeping';
import { rollupCutoff } from '../merchants/audience-rollup';

let t: TestDatabase;
let shop: number;
// 10 August 2026, noon in Paris.
const now = new Date('2026-08-10T10:00:00Z');

beforeAll(async () => {
	t = await openTestDatabase();
	const [m] = await t.db
		.insert(merchants)
		.values({ legalName: 'SAS R', tradeNameFr: 'Rollup', category: 'hotel' })
		.returning({ id: merchants.id });
	shop = m.id;
});
afterAll(() => t?.close());

const day = (d: string, views: number, clicks = 0, opens = 0) => ({
	merchantId: shop,
	day: d,
	pageViews: views,
	directionClicks: clicks,
	cashierCardOpens: opens
});

describe('daily housekeeping', () => {
	it('keeps the current month and the three before it day by day', () => {
		expect(rollupCutoff(now)).toBe('2026-05-01');
		expect(rollupCutoff(new Date('2026-02-28T23:30:00Z'))).toBe('2025-12-01'); // 1 March in Paris
		expect(rollupCutoff(new Date('2026-01-15T12:00:00Z'))).toBe('2025-10-01');
	});

	it('rolls old audience days into months, once, with the same totals', async () => {
		await t.db
			.insert(merchantDailyStats)
			.values([
				day('2026-03-02', 5, 1, 0),
				day('2026-03-31', 7, 0, 2),
				day('2026-04-30', 1, 1, 1),
				day('2026-05-01', 9),
				day('2026-08-09', 3)
			]);
		// A month rolled up on an earlier day, and a late count for it.
		await t.db
			.insert(merchantMonthlyStats)
			.values({ merchantId: shop, month: '2026-03-01', pageViews: 100 });
		const first = await cleanUp(t.db, now);
		expect(first.audienceDays).toBe(3);
		const months = await t.db
			.select()
			.from(merchantMonthlyStats)
			.orderBy(merchantMonthlyStats.month);
		expect(
			months.map((r) => [r.month, r.pageViews, r.directionClicks, r.cashierCardOpens])
		).toEqual([
			['2026-03-01', 112, 1, 2],
			['2026-04-01', 1, 1, 1]
		]);
		const days = await t.db.select().from(merchantDailyStats).orderBy(merchantDailyStats.day);
		expect(days.map((r) => r.day)).toEqual(['2026-05-01', '2026-08-09']);
		// The same day again: nothing left to move, nothing counted twice.
		expect((await cleanUp(t.db, now)).audienceDays).toBe(0);
		expect(
			await t.db.select().from(merchantMonthlyStats).orderBy(merchantMonthlyStats.month)
		).toEqual(months);
	});

	it('deletes expired sessions only, and only once', async () => {
		const [u] = await t.db
			.insert(users)
			.values({ email: 'hk@example.fr', role: 'merchant' })
			.returning({ id: users.id });
		await t.db.insert(sessions).values([
			{ id: 'a'.repeat(64), userId: u.id, expiresAt: new Date(now.getTime() - 1000) },
			{ id: 'b'.repeat(64), userId: u.id, expiresAt: new Date(now.getTime() + 86_400_000) }
		]);
		expect((await cleanUp(t.db, now)).sessions).toBe(1);
		expect((await cleanUp(t.db, now)).sessions).toBe(0);
		const left = await t.db.select({ id: sessions.id }).from(sessions);
		expect(left).toEqual([{ id: 'b'.repeat(64) }]);
	});

	it("removes the listings' change log older than a day, and only once", async () => {
		const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
		await t.db.insert(listingChanges).values([
			{ merchantId: shop, changedAt: hoursAgo(25) },
			{ merchantId: shop, changedAt: hoursAgo(1) }
		]);
		expect((await cleanUp(t.db, now)).listingChanges).toBe(1);
		expect((await cleanUp(t.db, now)).listingChanges).toBe(0);
		const left = await t.db.select({ at: listingChanges.changedAt }).from(listingChanges);
		expect(left.map((r) => r.at.getTime())).toContain(hoursAgo(1).getTime());
		expect(left.map((r) => r.at.getTime())).not.toContain(hoursAgo(25).getTime());
	});

	it('removes a dry run left without its report a day ago, its rows with it', async () => {
		const at = (h: number) => new Date(now.getTime() - h * 3_600_000);
		const made = await t.db
			.insert(imports)
			.values([
				{ acquirer: 'A', filename: 'dead.csv', createdAt: at(25) },
				{ acquirer: 'A', filename: 'writing.csv', createdAt: at(1) },
				{ acquirer: 'A', filename: 'done.csv', createdAt: at(25), report: { rows: [] } }
			])
			.returning({ id: imports.id });
		await t.db
			.insert(importRows)
			.values(
				made.map((m) => ({ importId: m.id, line: 2, outcome: 'create', writes: true, row: {} }))
			);
		expect((await cleanUp(t.db, now)).unfinishedDryRuns).toBe(1);
		expect((await cleanUp(t.db, now)).unfinishedDryRuns).toBe(0);
		const left = await t.db.select({ id: importRows.importId }).from(importRows);
		expect(left.map((r) => r.id).sort()).toEqual([made[1].id, made[2].id].sort());
	});
});
