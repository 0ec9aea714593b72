/**
 * The tourist-report side of the listing state machine (see workflow.ts): a listing enters the
 * officials' "reported" queue when tourists' reports cross the threshold (openReport, called by
 * server/reports/tourist.ts inside the report's transaction), and leaves it by an official's
 * resolution (resolveReport):
 *
 *   confirm   approved → approved, verified now (it counts as a verification)
 *   suspend   approved → suspended, with a review reason
 *   dismiss   approved | suspended → unchanged (the reports were unfounded)
 *
 * Each resolution closes the open report and writes one audit row (report_confirmed,
 * report_suspended, report_dismissed) through move(), which bumps the listing's version. Opening
 * writes a report_opened row (the system acts, no actor) and e-mails the owner the counts with
 * the same single-use links as the yearly reminder: "still accepting Alipay" (one click, no
 * sign-in) and "something changed" (the listing's edit). The owner's confirmation dates the
 * listing but leaves the report to an official.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { listingReports, merchants, type Merchant } from '../db/schema';
import { recordAudit } from '../audit/record';
import { mailReconfirmationLink, verify } from './verification';
import {
	decide,
	isReviewer,
	move,
	reasonOf,
	type Actor,
	type ReasonedDecision,
	type WorkflowResult
} from './transitions';
import { forgetSummary } from '../reports/summary-cache';
import type { ReportCounts, ReportResolution } from '../../reports/vocabulary';

/**
 * Sends the listing to the reported queue, unless it is there already; true when it was sent.
 * Call it inside the transaction that counted the report.
 */
export async function openReport(
	tx: Executor,
	merchantId: number,
	counts: ReportCounts,
	at: Date
): Promise<boolean> {
	const [opened] = await tx
		.insert(listingReports)
		.values({ merchantId, openedAt: at })
		.onConflictDoNothing()
		.returning({ id: listingReports.id });
	if (!opened) return false;
	await recordAudit(tx, {
		actorId: null,
		action: 'report_opened',
		merchantId,
		after: { ...counts },
		at
	});
	// A change of the listing's row is logged for the map's indexes: the cards' caution appears.
	const [listing] = await tx
		.update(merchants)
		.set({ updatedAt: at })
		.where(eq(merchants.id, merchantId))
		.returning();
	if (listing) {
		await mailReconfirmationLink(tx, listing, { kind: 'listing_reported', counts }, at);
	}
	return true;
}

export type ReportAction = 'confirm' | 'suspend' | 'dismiss';

export interface ReportDecision extends Omit<ReasonedDecision, 'reasonCode'> {
	action: ReportAction;
	/** Needed to suspend (a review reason), ignored otherwise. */
	reasonCode?: ReasonedDecision['reasonCode'] | null;
}

const RESOLUTION: Record<ReportAction, ReportResolution> = {
	confirm: 'confirmed',
	suspend: 'suspended',
	dismiss: 'dismissed'
};

async function closeReport(tx: Executor, actor: Actor, merchantId: number, action: ReportAction) {
	const closed = await tx
		.update(listingReports)
		.set({ resolvedAt: new Date(), resolution: RESOLUTION[action], resolvedBy: actor.id })
		.where(and(eq(listingReports.merchantId, merchantId), isNull(listingReports.resolvedAt)))
		.returning({ id: listingReports.id });
	return closed.length > 0;
}

/** An official resolves the listing's open report: confirm, suspend or dismiss. */
export async function resolveReport(
	db: Database,
	actor: Actor,
	decision: ReportDecision
): Promise<WorkflowResult> {
	const reason =
		decision.action === 'suspend'
			? reasonOf({ ...decision, reasonCode: decision.reasonCode as ReasonedDecision['reasonCode'] })
			: null;
	if (typeof reason === 'string') {
		return { ok: false, reason: isReviewer(actor) ? reason : 'forbidden' };
	}
	const from: Merchant['status'][] =
		decision.action === 'dismiss' ? ['approved', 'suspended'] : ['approved'];
	const result = await decide(db, actor, decision, from, async (tx, row) => {
		if (!(await closeReport(tx, actor, row.id, decision.action))) {
			return { ok: false, reason: 'no_report' };
		}
		switch (decision.action) {
			case 'confirm':
				return verify(tx, actor, row, 'report_confirmed', new Date());
			case 'suspend':
				return move(tx, actor, row, {
					action: 'report_suspended',
					to: 'suspended',
					set: { decidedAt: new Date() },
					...reason
				});
			case 'dismiss':
				return move(tx, actor, row, { action: 'report_dismissed', to: row.status });
		}
	});
	// The public page's caution goes at once in this process (summary-cache.ts).
	if (result.ok) forgetSummary(decision.merchantId);
	return result;
}
