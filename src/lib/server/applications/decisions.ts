/**
 * The reviewer's side of the listing state machine (see workflow.ts): deciding on applications
 * and suspending or reinstating public listings. Every decision has its way back, through here
 * too (docs/architecture.md draws them): approved → suspended (suspend), suspended → approved
 * (reinstate), rejected or changes_requested → pending (reopen, with a reason). Each is audited
 * and e-mailed to the listing's owner (notices.ts).
 */
import type { Database } from '../db/client';
import type { Merchant } from '../db/schema';
import type { ListingStatus } from '../../merchants/vocabulary';
import type { AuditAction } from '../../audit/vocabulary';
import type { DecisionNotice } from './notices';
import {
	applicationOf,
	decide,
	move,
	decideWithReason,
	reviewErrors,
	type Actor,
	type Decision,
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
	from: readonly ListingStatus[],
	to: ListingStatus,
	notice: DecisionNotice,
	set: () => Partial<Merchant> = () => ({ decidedAt: new Date() })
) {
	return decideWithReason(from, (tx, row, actor, reason) =>
		move(tx, actor, row, { action, to, set: set(), ...reason, notice })
	);
}

/** pending → rejected, with the reason the merchant will read. */
export const reject = reasonedDecision('reject', ['pending'], 'rejected', 'application_rejected');

/** pending → changes_requested: the merchant fixes what the reason says and submits again. */
export const requestChanges = reasonedDecision(
	'request_changes',
	['pending'],
	'changes_requested',
	'application_changes_requested'
);

/** approved → suspended: the listing leaves the map until reinstated. */
export const suspend = reasonedDecision('suspend', ['approved'], 'suspended', 'listing_suspended');

/**
 * rejected | changes_requested → pending: a refusal (or a request for changes) taken back, with
 * the reason why; the application is examined again as it is.
 */
export const reopen = reasonedDecision(
	'reopen',
	['rejected', 'changes_requested'],
	'pending',
	'application_reopened',
	() => ({ decidedAt: null })
);

/**
 * suspended → approved: the listing is on the map again. The reviewer has checked it, so it
 * counts as verified. It must meet the listing rules of today (e.g. take Alipay): a listing
 * suspended for not meeting them comes back only once fixed.
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
			set: { decidedAt: now, verifiedAt: now, remindedAt: null, lapsedAt: null },
			notice: 'listing_reinstated'
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
