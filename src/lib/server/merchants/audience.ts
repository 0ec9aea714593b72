/**
 * A merchant's audience on the tourist side, week by week, from the anonymous per-day counters
 * (merchant_daily_stats): page views, direction clicks and cashier-card opens.
 */
import { and, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { merchantDailyStats } from '../db/schema';
import { parisIsoDate } from '../../i18n/format';
import type { AudienceWeek } from '../../merchants/audience';

/**
 * The last `weeks` full 7-day windows before today (Paris time), oldest first, for each listing
 * asked for; a listing without counters gets zeros. Today is left out: it is not over.
 */
export async function weeklyAudience(
	db: Executor,
	merchantIds: readonly number[],
	options: { now?: Date; weeks?: number } = {}
): Promise<Map<number, AudienceWeek[]>> {
	const weeks = options.weeks ?? 8;
	const today = parisIsoDate(options.now ?? new Date());
	const start = sql`(${today}::date - ${weeks * 7}::int)`;
	const result = new Map<number, AudienceWeek[]>();
	if (merchantIds.length === 0) return result;
	const weekIndex = sql<number>`((${today}::date - ${merchantDailyStats.day}) - 1) / 7`;
	const rows = await db
		.select({
			merchantId: merchantDailyStats.merchantId,
			weekIndex,
			pageViews: sql<number>`sum(${merchantDailyStats.pageViews})::int`,
			directionClicks: sql<number>`sum(${merchantDailyStats.directionClicks})::int`,
			cashierCardOpens: sql<number>`sum(${merchantDailyStats.cashierCardOpens})::int`
		})
		.from(merchantDailyStats)
		.where(
			and(
				inArray(merchantDailyStats.merchantId, [...merchantIds]),
				gte(merchantDailyStats.day, sql`${start}`),
				lt(merchantDailyStats.day, sql`${today}::date`)
			)
		)
		// By position: the week expression carries its own parameters.
		.groupBy(sql`1`, sql`2`);
	const todayMs = Date.parse(`${today}T00:00:00Z`);
	for (const id of merchantIds) {
		result.set(
			id,
			Array.from({ length: weeks }, (_, i) => {
				const index = weeks - 1 - i;
				const found = rows.find((r) => r.merchantId === id && Number(r.weekIndex) === index);
				return {
					from: new Date(todayMs - (index + 1) * 7 * 86_400_000).toISOString().slice(0, 10),
					pageViews: Number(found?.pageViews ?? 0),
					directionClicks: Number(found?.directionClicks ?? 0),
					cashierCardOpens: Number(found?.cashierCardOpens ?? 0)
				};
			})
		);
	}
	return result;
}
