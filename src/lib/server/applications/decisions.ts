/**
 * The reviewer's side of the listing state machine (see workflow.ts): deciding on applications
 * and suspending or reinstating public listings.
 */
import type { Database } from '../db/client';
import type { Merchant } from '../db/schema';
import type { ListingStatus } from '../../merchants/vocabulary';
import type { AuditAction } from '../../audit/vocabulary';
import type { ApplicationErrors } from '../../applications/fields';
import {
	decide,
	isReviewer,
	move,
	reasonOf,
	type Actor,
	type Decision,
	type ReasonedDecision,
	type WorkflowResult
} from './transitions';

/** What a public listing cannot lack (the database refuses an approved row without it). */
function missingForPublication(row: Merchant): ApplicationErrors {
	const errors: ApplicationErrors = {};
	if (!row.siret) errors.siret = 'required';
	if (!row.address) errors.address = 'required';
	if (!row.departement) errors.postalCode = 'required';
	if (row.latitude === null || row.longitude === null) errors.position = 'position_required';
	return errors;
}

/** pending → approved: the listing becomes public. */
export async function approve(
	db: Database,
	actor: Actor,
	decision: Decision
): Promise<WorkflowResult> {
	return decide(db, actor, decision, ['pending'], async (tx, row) => {
		const missing = missingForPublication(row);
		if (Object.keys(missing).length) return { ok: false, reason: 'invalid', errors: missing };
		const now = new Date();
		return move(tx, actor, row, {
			action: 'approve',
			to: 'approved',
			set: { decidedAt: now, acceptedSince: row.acceptedSince ?? now }
		});
	});
}

/** A reviewer decision that needs a reason: a status change from `from` to `to`. */
function reasonedDecision(action: AuditAction, from: ListingStatus, to: ListingStatus) {
	return async (
		db: Database,
		actor: Actor,
		decision: ReasonedDecision
	): Promise<WorkflowResult> => {
		const reason = reasonOf(decision);
		if (!reason && isReviewer(actor)) return { ok: false, reason: 'reason_required' };
		return decide(db, actor, decision, [from], (tx, row) =>
			move(tx, actor, row, { action, to, set: { decidedAt: new Date() }, ...reason })
		);
	};
}

/** pending → rejected, with the reason the merchant will read. */
export const reject = reasonedDecision('reject', 'pending', 'rejected');

/** pending → changes_requested: the merchant fixes what the reason says and submits again. */
export const requestChanges = reasonedDecision('request_changes', 'pending', 'changes_requested');

/** approved → suspended: the listing leaves the map until reinstated. */
export const suspend = reasonedDecision('suspend', 'approved', 'suspended');

/** suspended → approved. */
export async function reinstate(
	db: Database,
	actor: Actor,
	decision: Decision
): Promise<WorkflowResult> {
	return decide(db, actor, decision, ['suspended'], (tx, row) =>
		move(tx, actor, row, { action: 'reinstate', to: 'approved', set: { decidedAt: new Date() } })
	);
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
