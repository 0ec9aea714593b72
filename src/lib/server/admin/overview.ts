/** What the back-office home shows: the work waiting for the partnership team. */
import { and, count, eq, isNull, min } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { recentImports } from '../imports/import';
import { listingReports, merchantRevisions, merchants } from '../db/schema';

export interface BackOfficeOverview {
	pendingApplications: number;
	/** When the oldest pending application was submitted (null when none waits). */
	oldestPendingAt: Date | null;
	pendingImported: number;
	pendingRevisions: number;
	suspended: number;
	/** Listings in the tourists' "reported" queue. */
	reported: number;
	/** The last acquirer imports, newest first. */
	recentImports: Awaited<ReturnType<typeof recentImports>>;
}

export async function backOfficeOverview(db: Executor): Promise<BackOfficeOverview> {
	const [pending] = await db
		.select({ n: count(), oldest: min(merchants.submittedAt) })
		.from(merchants)
		.where(eq(merchants.status, 'pending'));
	const [imported] = await db
		.select({ n: count() })
		.from(merchants)
		.where(and(eq(merchants.status, 'pending'), eq(merchants.source, 'import')));
	const [revisions] = await db
		.select({ n: count() })
		.from(merchantRevisions)
		.where(eq(merchantRevisions.status, 'pending'));
	const [suspended] = await db
		.select({ n: count() })
		.from(merchants)
		.where(eq(merchants.status, 'suspended'));
	const [reported] = await db
		.select({ n: count() })
		.from(listingReports)
		.where(isNull(listingReports.resolvedAt));
	const latestImports = await recentImports(db, 5);
	return {
		pendingApplications: pending.n,
		oldestPendingAt: pending.oldest ? new Date(pending.oldest) : null,
		pendingImported: imported.n,
		pendingRevisions: revisions.n,
		suspended: suspended.n,
		reported: reported.n,
		recentImports: latestImports
	};
}
