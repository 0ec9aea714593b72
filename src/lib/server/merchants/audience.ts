/**
 * A merchant's audience on the tourist side: the anonymous per-day counters
 * (merchant_daily_stats) of page views, direction clicks and cashier-card opens — counted in
 * memory and written in batches (a page never waits for, nor fails with, its count), and read
 * week by week for the merchant's dashboard.
 */
import { and, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { merchantDailyStats, merchants } from '../db/schema';
import { parisIsoDate } from '../../i18n/format';
import type { AudienceWeek } from '../../merchants/audience';
import { BufferedCounts, type CountStore } from '../jobs/buffered-counts';

export type AudienceEvent = 'page_view' | 'direction_click' | 'cashier_card_open';

const FIELD = {
	page_view: 'pageViews',
	direction_click: 'directionClicks',
	cashier_card_open: 'cashierCardOpens'
} as const;

type DailyCounts = typeof merchantDailyStats.$inferInsert & {
	pageViews: number;
	directionClicks: number;
	cashierCardOpens: number;
};

const dailyCounts: CountStore<DailyCounts> = {
	key: (row) => `${row.merchantId}:${row.day}`,
	add(into, from) {
		for (const field of Object.values(FIELD)) into[field] += from[field];
	},
	// A listing deleted since its page was seen has nowhere to count.
	async writable(db, rows) {
		const ids = [...new Set(rows.map((r) => r.merchantId))];
		const existing = new Set(
			(await db.select({ id: merchants.id }).from(merchants).where(inArray(merchants.id, ids))).map(
				(m) => m.id
			)
		);
		return rows.filter((r) => existing.has(r.merchantId));
	},
	async insert(db, batch) {
		await db
			.insert(merchantDailyStats)
			.values(batch)
			.onConflictDoUpdate({
				target: [merchantDailyStats.merchantId, merchantDailyStats.day],
				set: {
					pageViews: sql`${merchantDailyStats.pageViews} + excluded.page_views`,
					directionClicks: sql`${merchantDailyStats.directionClicks} + excluded.direction_clicks`,
					cashierCardOpens: sql`${merchantDailyStats.cashierCardOpens} + excluded.cashier_card_opens`
				}
			});
	}
};

/**
 * Counts not yet written, by listing and Paris day: no cookie, no visitor identifier; written in
 * batches (jobs/buffered-counts.ts).
 */
export class AudienceCounts extends BufferedCounts<DailyCounts> {
	constructor() {
		super(dailyCounts);
	}

	count(merchantId: number, event: AudienceEvent, now: Date = new Date()): void {
		const row = {
			merchantId,
			day: parisIsoDate(now),
			pageViews: 0,
			directionClicks: 0,
			cashierCardOpens: 0
		};
		row[FIELD[event]] = 1;
		this.add(row);
	}
}

/** The server's counts, flushed periodically and at shutdown (see hooks.server.ts). */
export const audienceCounts = new AudienceCounts();

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
