/**
 * What officials read of tourists' reports: the "reported" queue (listings whose reports crossed
 * the threshold, oldest first, with the last 30 days' counts) and one listing's open report.
 * Resolutions go through the listing state machine (resolveReport); nothing here writes.
 */
import { asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listingReports, merchants } from '../db/schema';
import { countsSince, NO_REPORTS, openReportsOf, windowStart } from '../reports/tourist';
import { parisIsoDate } from '../../i18n/format';

export async function reportedQueue(db: Executor, now: Date = new Date()) {
	const rows = await db
		.select({
			merchantId: merchants.id,
			tradeNameFr: merchants.tradeNameFr,
			tradeNameZh: merchants.tradeNameZh,
			communeName: merchants.communeName,
			status: merchants.status,
			verifiedAt: merchants.verifiedAt,
			openedAt: listingReports.openedAt
		})
		.from(listingReports)
		.innerJoin(merchants, eq(merchants.id, listingReports.merchantId))
		.where(isNull(listingReports.resolvedAt))
		.orderBy(asc(listingReports.openedAt), asc(merchants.id));
	const today = parisIsoDate(now);
	const ids = rows.map((r) => r.merchantId);
	const counts = await countsSince(db, ids, windowStart(today), today);
	return rows.map((r) => ({ ...r, counts: counts.get(r.merchantId) ?? NO_REPORTS }));
}
export type ReportedRow = Awaited<ReturnType<typeof reportedQueue>>[number];

/** The listing's open report with the last 30 days' counts, or null when none is open. */
export async function openReportOf(db: Executor, merchantId: number, now: Date = new Date()) {
	return (await openReportsOf(db, [merchantId], now)).get(merchantId) ?? null;
}
