/**
 * The officials' queue of listings to reconfirm (issue 12): approved listings verified 11 months
 * ago or more (soon stale, then stale from 12 months) and those off the map for want of
 * reconfirmation (lapsed), oldest verification first. Reading only: an official confirms a
 * listing from its page (the state machine's confirmVerified).
 */
import { and, asc, count, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { merchants } from '../db/schema';
import { verifiedMonthsAgo } from '../applications/verification';
import { REMIND_AFTER_MONTHS, STALE_AFTER_MONTHS } from '../../merchants/freshness';
import { parisIsoDate } from '../../i18n/format';

import type { FreshnessFilter } from '../../admin/freshness-filters';

export const FRESHNESS_PAGE_SIZE = 50;

export async function freshnessQueue(
	db: Executor,
	filter: FreshnessFilter,
	page: number,
	now: Date = new Date()
) {
	const today = parisIsoDate(now);
	const stale = verifiedMonthsAgo(STALE_AFTER_MONTHS, today);
	const approved = and(
		eq(merchants.status, 'approved'),
		verifiedMonthsAgo(REMIND_AFTER_MONTHS, today)
	);
	const lapsed = and(eq(merchants.status, 'suspended'), isNotNull(merchants.lapsedAt));
	const state = sql<
		'soon_stale' | 'stale' | 'lapsed'
	>`CASE WHEN ${merchants.lapsedAt} IS NOT NULL THEN 'lapsed' WHEN ${stale} THEN 'stale' ELSE 'soon_stale' END`;
	const where: Record<FreshnessFilter, SQL | undefined> = {
		all: or(approved, lapsed),
		soon_stale: and(approved, sql`NOT ${stale}`),
		stale: and(approved, stale),
		lapsed
	};
	const counts = await db
		.select({ state, n: count() })
		.from(merchants)
		.where(where.all)
		.groupBy(sql`1`);
	const byState = { soon_stale: 0, stale: 0, lapsed: 0 };
	for (const c of counts) byState[c.state] = c.n;
	const total =
		filter === 'all' ? byState.soon_stale + byState.stale + byState.lapsed : byState[filter];
	const pages = Math.max(1, Math.ceil(total / FRESHNESS_PAGE_SIZE));
	const rows = await db
		.select({
			id: merchants.id,
			tradeNameFr: merchants.tradeNameFr,
			tradeNameZh: merchants.tradeNameZh,
			communeName: merchants.communeName,
			departement: merchants.departement,
			verifiedAt: merchants.verifiedAt,
			remindedAt: merchants.remindedAt,
			lapsedAt: merchants.lapsedAt,
			hasOwner: sql<boolean>`${merchants.ownerId} IS NOT NULL`,
			state
		})
		.from(merchants)
		.where(where[filter])
		.orderBy(asc(merchants.verifiedAt), asc(merchants.id))
		.limit(FRESHNESS_PAGE_SIZE)
		.offset((Math.min(page, pages) - 1) * FRESHNESS_PAGE_SIZE);
	return { counts: byState, total, pages, page: Math.min(page, pages), rows };
}
export type FreshnessRow = Awaited<ReturnType<typeof freshnessQueue>>['rows'][number];
