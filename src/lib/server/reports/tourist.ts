/**
 * Tourist reports, one tap on a merchant's page, with no account and no cookie.
 *
 * - Stored only as counts per listing and Paris day (tourist_report_counts): nobody's report can
 *   be told apart from another's.
 * - Abuse limits without tracking: a visitor is SHA-256(salt of the day | address). The salt is
 *   random, drawn by the first report of the Paris day and kept in its own table
 *   (tourist_report_salts), never with the counts. The hashes of today's reports
 *   (tourist_report_visitors) allow one report per listing per visitor per day and
 *   REPORT_POLICY.perVisitorPerHour reports an hour. When the day changes, the first report of
 *   the new day and the daily purge job delete the previous days' salts and hashes, so neither
 *   the address (never stored) nor its hash outlives its day. Both tables live in the database,
 *   so the limits hold across every server process. The hourly cap starts again at midnight
 *   (the new salt makes a new visitor): a known, bounded gap.
 * - "Not accepted" and "closed" reports past the threshold (REPORT_POLICY, counted over the last
 *   30 days and after the listing's last resolution day) send the listing to the officials'
 *   reported queue through the state machine (openReport), which e-mails its owner.
 */
import { and, count, eq, gt, gte, inArray, isNull, lt, lte, max, sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Database, Executor } from '../db/client';
import {
	listingReports,
	merchants,
	touristReportCounts,
	touristReportSalts,
	touristReportVisitors
} from '../db/schema';
import { openReport } from '../applications/workflow';
import { invalidateListings } from '../merchants/listing-index';
import { forgetSummary, keptSummary } from './summary-cache';
import type { JobHandler } from '../jobs/runner';
import { parisIsoDate } from '../../i18n/format';
import {
	crossesThreshold,
	REPORT_POLICY,
	type ReportCounts,
	type TouristReportKind
} from '../../reports/vocabulary';

export const NO_REPORTS: ReportCounts = { paid: 0, notAccepted: 0, closed: 0 };
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The Paris day `days` before an ISO day (YYYY-MM-DD). */
function daysBefore(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the report window that ends today. */
export const windowStart = (today: string) => daysBefore(today, REPORT_POLICY.windowDays - 1);

/** Deletes the salts and visitors' hashes of the days before `today`. */
export async function forgetPastVisitors(db: Executor, today: string) {
	const visitors = await db
		.delete(touristReportVisitors)
		.where(lt(touristReportVisitors.day, today))
		.returning({ day: touristReportVisitors.day });
	const salts = await db
		.delete(touristReportSalts)
		.where(lt(touristReportSalts.day, today))
		.returning({ day: touristReportSalts.day });
	return { visitors: visitors.length, salts: salts.length };
}

/** Today's salt: drawn by the first report of the day, which also forgets the previous days. */
async function saltOf(tx: Executor, day: string): Promise<string> {
	const fresh = encodeHexLowerCase(crypto.getRandomValues(new Uint8Array(32)));
	const [drawn] = await tx
		.insert(touristReportSalts)
		.values({ day, salt: fresh })
		.onConflictDoNothing()
		.returning({ salt: touristReportSalts.salt });
	if (drawn) {
		await forgetPastVisitors(tx, day);
		return drawn.salt;
	}
	const [kept] = await tx
		.select({ salt: touristReportSalts.salt })
		.from(touristReportSalts)
		.where(eq(touristReportSalts.day, day));
	return kept.salt;
}

const visitorOf = (salt: string, address: string) =>
	encodeHexLowerCase(sha256(new TextEncoder().encode(`${salt}|${address}`)));

/** Report counts per listing from `fromDay` to `today` (both included). */
export async function countsSince(
	db: Executor,
	merchantIds: readonly number[],
	fromDay: string,
	today: string
): Promise<Map<number, ReportCounts>> {
	const out = new Map<number, ReportCounts>();
	if (!merchantIds.length) return out;
	const rows = await db
		.select({
			merchantId: touristReportCounts.merchantId,
			paid: sql<number>`sum(${touristReportCounts.paid})::int`,
			notAccepted: sql<number>`sum(${touristReportCounts.notAccepted})::int`,
			closed: sql<number>`sum(${touristReportCounts.closed})::int`
		})
		.from(touristReportCounts)
		.where(
			and(
				inArray(touristReportCounts.merchantId, [...merchantIds]),
				gte(touristReportCounts.day, fromDay),
				lte(touristReportCounts.day, today)
			)
		)
		.groupBy(touristReportCounts.merchantId);
	for (const r of rows) {
		out.set(r.merchantId, {
			paid: Number(r.paid),
			notAccepted: Number(r.notAccepted),
			closed: Number(r.closed)
		});
	}
	return out;
}

/** The counts that decide the threshold: the window's, after the last resolution's day. */
async function thresholdCounts(tx: Executor, merchantId: number, today: string) {
	const [last] = await tx
		.select({ at: max(listingReports.resolvedAt) })
		.from(listingReports)
		.where(eq(listingReports.merchantId, merchantId));
	let from = windowStart(today);
	const resolvedDay = last?.at ? parisIsoDate(new Date(last.at)) : null;
	if (resolvedDay && resolvedDay >= from) from = daysBefore(resolvedDay, -1);
	return (await countsSince(tx, [merchantId], from, today)).get(merchantId) ?? NO_REPORTS;
}

const COLUMN = {
	paid: touristReportCounts.paid,
	not_accepted: touristReportCounts.notAccepted,
	closed: touristReportCounts.closed
} as const;
const FIELD = { paid: 'paid', not_accepted: 'notAccepted', closed: 'closed' } as const;

export type TouristReportResult =
	| { ok: true; reported: boolean }
	/** No public listing with this id. */
	| { ok: false; reason: 'not_found' }
	/** This visitor has reported this listing today already. */
	| { ok: false; reason: 'already_reported' }
	/** This visitor has reported too often in the last hour. */
	| { ok: false; reason: 'too_many' };

/**
 * Counts one tourist's report on a public listing. `address` is the visitor's address, used only
 * to compute today's hash. `reported`: whether this report sent the listing to the queue.
 */
export async function recordTouristReport(
	db: Database,
	report: { merchantId: number; kind: TouristReportKind; address: string; now?: Date }
): Promise<TouristReportResult> {
	const now = report.now ?? new Date();
	const day = parisIsoDate(now);
	const result = await db.transaction(async (tx): Promise<TouristReportResult> => {
		const [listing] = await tx
			.select({ id: merchants.id })
			.from(merchants)
			.where(and(eq(merchants.id, report.merchantId), eq(merchants.status, 'approved')));
		if (!listing) return { ok: false, reason: 'not_found' };
		const visitor = visitorOf(await saltOf(tx, day), report.address);
		const [recent] = await tx
			.select({ n: count() })
			.from(touristReportVisitors)
			.where(
				and(
					eq(touristReportVisitors.visitor, visitor),
					gt(touristReportVisitors.at, new Date(now.getTime() - HOUR_MS))
				)
			);
		if (recent.n >= REPORT_POLICY.perVisitorPerHour) return { ok: false, reason: 'too_many' };
		const [first] = await tx
			.insert(touristReportVisitors)
			.values({ day, visitor, merchantId: listing.id, at: now })
			.onConflictDoNothing()
			.returning({ day: touristReportVisitors.day });
		if (!first) return { ok: false, reason: 'already_reported' };
		const field = FIELD[report.kind];
		await tx
			.insert(touristReportCounts)
			.values({ ...NO_REPORTS, merchantId: listing.id, day, [field]: 1 })
			.onConflictDoUpdate({
				target: [touristReportCounts.merchantId, touristReportCounts.day],
				set: { [field]: sql`${COLUMN[report.kind]} + 1` }
			});
		if (report.kind === 'paid') return { ok: true, reported: false };
		const counts = await thresholdCounts(tx, listing.id, day);
		const reported = crossesThreshold(counts) && (await openReport(tx, listing.id, counts, now));
		return { ok: true, reported };
	});
	// The page and the map's cards show it at once in this process (others read the change log).
	if (result.ok) forgetSummary(report.merchantId);
	if (result.ok && result.reported) invalidateListings();
	return result;
}

/** The listings' open reports (the reported queue) with the last 30 days' counts, by listing. */
export async function openReportsOf(
	db: Executor,
	merchantIds: readonly number[],
	now: Date = new Date()
): Promise<Map<number, { openedAt: Date; counts: ReportCounts }>> {
	const out = new Map<number, { openedAt: Date; counts: ReportCounts }>();
	if (!merchantIds.length) return out;
	const open = await db
		.select({ merchantId: listingReports.merchantId, openedAt: listingReports.openedAt })
		.from(listingReports)
		.where(
			and(inArray(listingReports.merchantId, [...merchantIds]), isNull(listingReports.resolvedAt))
		);
	if (!open.length) return out;
	const today = parisIsoDate(now);
	const counts = await countsSince(
		db,
		open.map((r) => r.merchantId),
		windowStart(today),
		today
	);
	for (const r of open) {
		out.set(r.merchantId, { openedAt: r.openedAt, counts: counts.get(r.merchantId) ?? NO_REPORTS });
	}
	return out;
}

export interface PublicReportSummary {
	/** Tourists who said they paid with Alipay in the last 30 days. */
	paidRecently: number;
	/** The Paris day of the last "paid" report, ever (YYYY-MM-DD), or null. */
	lastPaidDay: string | null;
	/** Tourists' reports are waiting for an official: the page shows a caution. */
	underReview: boolean;
}

/** What the merchant's public page says of tourists' reports (kept a while: summary-cache.ts). */
export async function publicReportSummary(
	db: Executor,
	merchantId: number,
	now: Date = new Date()
): Promise<PublicReportSummary> {
	const today = parisIsoDate(now);
	return keptSummary(db, merchantId, today, now, () => readReportSummary(db, merchantId, today));
}

async function readReportSummary(
	db: Executor,
	merchantId: number,
	today: string
): Promise<PublicReportSummary> {
	const recent = await countsSince(db, [merchantId], windowStart(today), today);
	const [last] = await db
		.select({ day: max(touristReportCounts.day) })
		.from(touristReportCounts)
		.where(
			and(
				eq(touristReportCounts.merchantId, merchantId),
				gt(touristReportCounts.paid, 0),
				lte(touristReportCounts.day, today)
			)
		);
	const [open] = await db
		.select({ id: listingReports.id })
		.from(listingReports)
		.where(and(eq(listingReports.merchantId, merchantId), isNull(listingReports.resolvedAt)));
	return {
		paidRecently: recent.get(merchantId)?.paid ?? 0,
		lastPaidDay: last?.day ?? null,
		underReview: Boolean(open)
	};
}

/** Daily: yesterday's salts and hashes are deleted (the first report of a day does it too). */
export const touristReportsPurgeJob: JobHandler = {
	async run(_payload, { db }) {
		const report = await forgetPastVisitors(db, parisIsoDate(new Date()));
		console.log(`[jobs] tourist reports purge: ${JSON.stringify(report)}`);
	}
};
