/**
 * A merchant's audience: anonymous counters per day for the dashboard's weeks, and beyond them
 * the daily counters of months that ended more than three months ago, added up by month by the daily
 * housekeeping (merchants/audience-rollup.ts), so the day rows stay few and the history stays.
 */
import { date, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { merchants } from './schema';

/** Anonymous per-day counters of a listing's audience, for the merchant's dashboard. */
export const merchantDailyStats = pgTable(
	'merchant_daily_stats',
	{
		merchantId: integer('merchant_id')
			.notNull()
			.references(() => merchants.id, { onDelete: 'cascade' }),
		day: date('day').notNull(),
		pageViews: integer('page_views').notNull().default(0),
		directionClicks: integer('direction_clicks').notNull().default(0),
		cashierCardOpens: integer('cashier_card_opens').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.merchantId, t.day] })]
);

export const merchantMonthlyStats = pgTable(
	'merchant_monthly_stats',
	{
		merchantId: integer('merchant_id')
			.notNull()
			.references(() => merchants.id, { onDelete: 'cascade' }),
		/** The month's first day (Paris calendar). */
		month: date('month').notNull(),
		pageViews: integer('page_views').notNull().default(0),
		directionClicks: integer('direction_clicks').notNull().default(0),
		cashierCardOpens: integer('cashier_card_opens').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.merchantId, t.month] })]
);
