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
import { describeError } from '../errors';

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

/** Rows per INSERT when writing counts. */
const FLUSH_BATCH = 500;

/**
 * Counts not yet written, by listing and Paris day: no cookie, no visitor identifier. `count`
 * never throws nor waits; `flush` writes everything counted so far in a few statements and, if
 * the database fails (e.g. PostgreSQL restarting), keeps the counts for the next flush.
 */
export class AudienceCounts {
	#pending = new Map<string, DailyCounts>();
	#flushing: Promise<void> | null = null;

	count(merchantId: number, event: AudienceEvent, now: Date = new Date()): void {
		const day = parisIsoDate(now);
		const key = `${merchantId}:${day}`;
		let row = this.#pending.get(key);
		if (!row) {
			row = { merchantId, day, pageViews: 0, directionClicks: 0, cashierCardOpens: 0 };
			this.#pending.set(key, row);
		}
		row[FIELD[event]] += 1;
	}

	/** Listing-days counted and not yet written. */
	get pending(): number {
		return this.#pending.size;
	}

	/** Writes the counts (after any flush already running); rejects, keeping them, on failure. */
	async flush(db: Executor): Promise<void> {
		while (this.#flushing) await this.#flushing.catch(() => {});
		const flushing = this.#write(db);
		this.#flushing = flushing;
		try {
			await flushing;
		} finally {
			if (this.#flushing === flushing) this.#flushing = null;
		}
	}

	async #write(db: Executor): Promise<void> {
		if (this.#pending.size === 0) return;
		const rows = [...this.#pending.values()];
		this.#pending = new Map();
		let written = 0;
		let kept = rows;
		try {
			// A listing deleted since its page was seen has nowhere to count.
			const ids = [...new Set(rows.map((r) => r.merchantId))];
			const existing = new Set(
				(
					await db.select({ id: merchants.id }).from(merchants).where(inArray(merchants.id, ids))
				).map((m) => m.id)
			);
			kept = rows.filter((r) => existing.has(r.merchantId));
			for (; written < kept.length; written += FLUSH_BATCH) {
				await db
					.insert(merchantDailyStats)
					.values(kept.slice(written, written + FLUSH_BATCH))
					.onConflictDoUpdate({
						target: [merchantDailyStats.merchantId, merchantDailyStats.day],
						set: {
							pageViews: sql`${merchantDailyStats.pageViews} + excluded.page_views`,
							directionClicks: sql`${merchantDailyStats.directionClicks} + excluded.direction_clicks`,
							cashierCardOpens: sql`${merchantDailyStats.cashierCardOpens} + excluded.cashier_card_opens`
						}
					});
			}
		} catch (error) {
			// Back in the buffer, added to what was counted meanwhile (batches already written stay
			// written: each batch is one statement).
			for (const row of kept.slice(written)) this.#restore(row);
			throw error;
		}
	}

	#restore(row: DailyCounts): void {
		const key = `${row.merchantId}:${row.day}`;
		const current = this.#pending.get(key);
		if (!current) this.#pending.set(key, row);
		else for (const field of Object.values(FIELD)) current[field] += row[field];
	}
}

/** The server's counts, flushed every AUDIENCE_FLUSH_MS and at shutdown (see hooks.server.ts). */
export const audienceCounts = new AudienceCounts();
export const AUDIENCE_FLUSH_MS = 10_000;

/**
 * Flushes `counts` every `everyMs` (the timer does not keep the process alive); a failed flush
 * is logged and retried at the next tick. `stop()` clears the timer and flushes one last time.
 */
export function flushPeriodically(
	counts: AudienceCounts,
	db: () => Promise<Executor>,
	everyMs: number = AUDIENCE_FLUSH_MS
): { stop(): Promise<void> } {
	const flush = async () => {
		if (counts.pending === 0) return;
		try {
			await counts.flush(await db());
		} catch (error) {
			console.error(`[audience] counts kept for the next flush: ${describeError(error)}`);
		}
	};
	const timer = setInterval(flush, everyMs);
	timer.unref();
	return {
		async stop() {
			clearInterval(timer);
			await flush();
		}
	};
}

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
