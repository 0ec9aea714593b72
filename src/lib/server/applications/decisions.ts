/**
 * The reviewer's side of the listing state machine (see workflow.ts): deciding on applications
 * and suspending or reinstating public listings.
 */
import type { Database } from '../db/client';
import type { ListingStatus } from '../../merchants/vocabulary';
import type { AuditAction } from '../../audit/vocabulary';
import type { DecisionNotice } from './notices';
import {
	applicationOf,
	decide,
	isReviewer,
	move,
	reasonOf,
	reviewErrors,
	type Actor,
	type Decision,
	type ReasonedDecision,
	type WorkflowResult
} from './transitions';

/** pending → approved: the listing becomes public. */
export async function approve(
	db: Database,
	actor: Actor,
	decision: Decision
): Promise<WorkflowResult> {
	return decide(db, actor, decision, ['pending'], async (tx, row) => {
		// Everything submission checked, checked again: the listing may have changed since.
		const errors = reviewErrors(applicationOf(row), row.source);
		if (errors) return { ok: false, reason: 'invalid', errors };
		const now = new Date();
		return move(tx, actor, row, {
			action: 'approve',
			to: 'approved',
			set: { decidedAt: now, acceptedSince: row.acceptedSince ?? now, verifiedAt: now },
			notice: 'application_approved'
		});
	});
}

/** A reviewer decision that needs a reason: a status change from `from` to `to`. */
function reasonedDecision(
	action: AuditAction,
	from: ListingStatus,
	to: ListingStatus,
	notice?: DecisionNotice
) {
	return async (
		db: Database,
		actor: Actor,
		decision: ReasonedDecision
	): Promise<WorkflowResult> => {
		const reason = reasonOf(decision);
		if (typeof reason === 'string') {
			return { ok: false, reason: isReviewer(actor) ? reason : 'forbidden' };
		}
		return decide(db, actor, decision, [from], (tx, row) =>
			move(tx, actor, row, { action, to, set: { decidedAt: new Date() }, ...reason, notice })
		);
	};
}

/** pending → rejected, with the reason the merchant will read. */
export const reject = reasonedDecision('reject', 'pending', 'rejected', 'application_rejected');

/** pending → changes_requested: the merchant fixes what the reason says and submits again. */
export const requestChanges = reasonedDecision(
	'request_changes',
	'pending',
	'changes_requested',
	'application_changes_requested'
);

/** approved → suspended: the listing leaves the map until reinstated. */
export const suspend = reasonedDecision('suspend', 'approved', 'suspended');

/**
 * suspended → approved: the reviewer has checked the listing, so it counts as verified. It must
 * meet the listing rules of today (e.g. take Alipay): a listing suspended for not meeting them
 * comes back only once fixed.
 */
export async function reinstate(
	db: Database,
	actor: Actor,
	decision: Decision
): Promise<WorkflowResult> {
	return decide(db, actor, decision, ['suspended'], (tx, row) => {
		const errors = reviewErrors(applicationOf(row), row.source);
		if (errors) return Promise.resolve({ ok: false, reason: 'invalid', errors });
		const now = new Date();
		return move(tx, actor, row, {
			action: 'reinstate',
			to: 'approved',
			set: { decidedAt: now, verifiedAt: now, remindedAt: null, lapsedAt: null }
		});
	});
}

/** Approves several pending applications, each on its own (one stale or refused does not stop the others). */
export async function bulkApprove(
	db: Database,
	actor: Actor,
	decisions: readonly Decision[]
): Promise<{ merchantId: number; result: WorkflowResult }[]> {
	const results: { merchantId: number; result: WorkflowResult }[] = [];
	for (const decision of decisions) {
		results.push({ merchantId: decision.merchantId, result: await approve(db, actor, decision) });
	}
	return results;
}
