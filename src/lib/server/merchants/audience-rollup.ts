/**
 * The daily roll-up of merchants' audience counters. The merchant dashboard reads the last eight
 * weeks of day rows (weeklyAudience) and the adoption metrics read none, so day rows are kept for
 * the current month and the three before it (at least 89 days), and the days of older months are
 * added to one row per merchant and month (merchant_monthly_stats), then deleted — in one
 * statement, so a crash leaves either both or neither, and a second run that day moves nothing.
 * The table of days stays about 120 days × active merchants long; the history is kept by month.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import { parisIsoDate } from '../../i18n/format';

/** Full months before the current one whose day rows are kept. */
export const DAILY_DETAIL_MONTHS = 3;

/** The first day kept as a day row: the first of the month DAILY_DETAIL_MONTHS months back. */
export function rollupCutoff(now: Date): string {
	const [year, month] = parisIsoDate(now).split('-').map(Number);
	const index = year * 12 + (month - 1) - DAILY_DETAIL_MONTHS;
	const y = Math.floor(index / 12);
	const m = (index % 12) + 1;
	return `${y}-${String(m).padStart(2, '0')}-01`;
}

/** Moves the day rows of old months into month rows; returns how many day rows it moved. */
export async function rollUpAudience(db: Executor, now: Date): Promise<number> {
	const cutoff = rollupCutoff(now);
	const [row] = await queryRows<{ moved: number }>(
		db,
		sql`WITH moved AS (
			DELETE FROM merchant_daily_stats WHERE day < ${cutoff}::date
			RETURNING merchant_id, day, page_views, direction_clicks, cashier_card_opens
		), added AS (
			INSERT INTO merchant_monthly_stats
				(merchant_id, month, page_views, direction_clicks, cashier_card_opens)
			SELECT merchant_id, date_trunc('month', day)::date,
				sum(page_views)::int, sum(direction_clicks)::int, sum(cashier_card_opens)::int
			FROM moved GROUP BY 1, 2
			ON CONFLICT (merchant_id, month) DO UPDATE SET
				page_views = merchant_monthly_stats.page_views + excluded.page_views,
				direction_clicks = merchant_monthly_stats.direction_clicks + excluded.direction_clicks,
				cashier_card_opens = merchant_monthly_stats.cashier_card_opens + excluded.cashier_card_opens
			RETURNING 1
		)
		SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM added)::int AS months`
	);
	return Number(row?.moved ?? 0);
}
