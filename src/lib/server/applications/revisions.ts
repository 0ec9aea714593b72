/**
 * Changes to an approved listing (see workflow.ts). The merchant's edits gather in one open
 * revision while the public listing stays as approved:
 *
 *   draft ──submitRevision──▶ pending ──approveRevision──▶ approved (applied to the listing)
 *     ▲                         │ ├──rejectRevision──────▶ rejected
 *     └──── an edit ────────────┘ └──requestRevisionChanges─▶ changes_requested ──submit──▶ pending
 *   any open revision ──withdrawRevision (or edited back to the listing)──▶ withdrawn
 *
 * Reviewers only ever see a pending revision: one its merchant submitted whole, checked as an
 * application is. Editing a pending revision takes it back to draft until it is submitted again.
 */
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { merchantRevisions, merchants, type Merchant, type MerchantRevision } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record';
import type { AuditAction } from '../../audit/vocabulary';
import { REVISABLE_FIELDS, type ApplicationPatch } from '../../applications/fields';
import type { DecisionNotice } from './notices';
import {
	applicationOf,
	decide,
	diff,
	lockOpenRevision,
	lockSubmittedRevision,
	move,
	ownerAction,
	pick,
	decideWithReason,
	reviewErrors,
	setRevisionStatus,
	siretTaken,
	summary,
	type Actor,
	type Decision,
	type RevisionStatus,
	type WorkflowResult
} from './transitions';

const changesOf = (revision: MerchantRevision) =>
	pick(revision.changes as ApplicationPatch, REVISABLE_FIELDS);

/**
 * saveDraft of an approved listing: writes its open revision, created as a draft when needed,
 * withdrawn when it no longer changes anything. A draft's saves are the merchant's own business
 * (no audit row, no new version); a pending revision edited goes back to draft, and leaves the
 * review queue, until it is submitted again.
 */
export async function reviseApproved(
	tx: Executor,
	actor: Actor,
	row: Merchant,
	values: ApplicationPatch
): Promise<WorkflowResult> {
	const approved = applicationOf(row);
	const revision = await lockOpenRevision(tx, row.id);
	const previous = (revision ? changesOf(revision) : {}) as Record<string, unknown>;
	const proposed = {
		...pick(approved, REVISABLE_FIELDS),
		...previous,
		...pick(values, REVISABLE_FIELDS)
	};
	const change = diff(approved, proposed, REVISABLE_FIELDS);
	if (!changedFields(previous, change.after) && (revision || !change.changed)) {
		return { ok: true, merchant: summary(row), revisionId: revision?.id ?? null };
	}
	if (!revision) {
		const [created] = await tx
			.insert(merchantRevisions)
			.values({ merchantId: row.id, proposedBy: actor.id, changes: change.after, status: 'draft' })
			.returning({ id: merchantRevisions.id });
		await recordRevision(tx, actor, row, 'revision_draft', {}, change.after);
		return { ok: true, merchant: summary(row), revisionId: created.id };
	}
	if (!change.changed) {
		// Edited back to the approved listing: the revision has nothing left to propose.
		await setRevisionStatus(tx, revision.id, 'withdrawn');
		return noteRevision(tx, actor, row, 'revision_withdraw', previous, {}, null);
	}
	const status: RevisionStatus = revision.status === 'pending' ? 'draft' : revision.status;
	await tx
		.update(merchantRevisions)
		.set({ changes: change.after, status })
		.where(eq(merchantRevisions.id, revision.id));
	if (revision.status !== 'pending') {
		return { ok: true, merchant: summary(row), revisionId: revision.id };
	}
	return noteRevision(tx, actor, row, 'revision_update', previous, change.after, revision.id);
}

/** An audit row about the listing's revision (the listing's status does not change). */
function recordRevision(
	tx: Executor,
	actor: Actor,
	row: Merchant,
	action: AuditAction,
	before: Record<string, unknown>,
	after: Record<string, unknown>
) {
	return recordAudit(tx, {
		actorId: actor.id,
		action,
		merchantId: row.id,
		fromStatus: row.status,
		toStatus: row.status,
		before,
		after
	});
}

/** A change of the revision a reviewer may have seen: recorded, and the listing's version bumped. */
async function noteRevision(
	tx: Executor,
	actor: Actor,
	row: Merchant,
	action: AuditAction,
	before: Record<string, unknown>,
	after: Record<string, unknown>,
	revisionId: number | null
): Promise<WorkflowResult> {
	const [updated] = await tx
		.update(merchants)
		.set({ version: row.version + 1 })
		.where(eq(merchants.id, row.id))
		.returning();
	await recordRevision(tx, actor, row, action, before, after);
	return { ok: true, merchant: summary(updated), revisionId };
}

/**
 * Sends the open revision (draft, or sent back with changes requested) for review, checked whole:
 * the listing with the revision applied must be one that could be approved.
 */
export function submitRevision(
	db: Database,
	actor: Actor,
	merchantId: number
): Promise<WorkflowResult> {
	return ownerAction(db, actor, merchantId, ['approved'], async (tx, row) => {
		const revision = await lockOpenRevision(tx, row.id);
		if (!revision) return { ok: false, reason: 'no_revision' };
		if (revision.status === 'pending') {
			return { ok: true, merchant: summary(row), revisionId: revision.id };
		}
		const changes = changesOf(revision);
		const errors = reviewErrors({ ...applicationOf(row), ...changes }, row.source);
		if (errors) return { ok: false, reason: 'invalid', errors };
		if (changes.siret && (await siretTaken(tx, changes.siret, row.id))) {
			return { ok: false, reason: 'invalid', errors: { siret: 'siret_taken' } };
		}
		await setRevisionStatus(tx, revision.id, 'pending');
		const change = diff(applicationOf(row), changes, REVISABLE_FIELDS);
		const moved = await move(tx, actor, row, {
			action: 'revision_submit',
			to: row.status,
			before: change.before,
			after: change.after
		});
		return moved.ok ? { ...moved, revisionId: revision.id } : moved;
	});
}

/** Withdraws the open revision of the merchant's approved listing, whatever its status. */
export function withdrawRevision(
	db: Database,
	actor: Actor,
	merchantId: number
): Promise<WorkflowResult> {
	return ownerAction(db, actor, merchantId, null, async (tx, row) => {
		const revision = await lockOpenRevision(tx, row.id);
		if (!revision) return { ok: false, reason: 'no_revision' };
		await setRevisionStatus(tx, revision.id, 'withdrawn');
		return move(tx, actor, row, {
			action: 'revision_withdraw',
			to: row.status,
			before: revision.changes as Record<string, unknown>
		});
	});
}

/** Applies the submitted revision of an approved listing to the public listing. */
export async function approveRevision(
	db: Database,
	actor: Actor,
	decision: Decision
): Promise<WorkflowResult> {
	return decide(db, actor, decision, ['approved'], async (tx, row) => {
		const revision = await lockSubmittedRevision(tx, row.id);
		if (!revision) return { ok: false, reason: 'no_revision' };
		const changes = changesOf(revision);
		if (changes.siret && (await siretTaken(tx, changes.siret, row.id))) {
			return { ok: false, reason: 'invalid', errors: { siret: 'siret_taken' } };
		}
		const change = diff(applicationOf(row), changes, REVISABLE_FIELDS);
		await setRevisionStatus(tx, revision.id, 'approved');
		return move(tx, actor, row, {
			action: 'revision_approve',
			to: 'approved',
			set: changes as Partial<Merchant>,
			before: change.before,
			after: change.after,
			notice: 'revision_approved'
		});
	});
}

/** A reviewer's answer with a reason to a submitted revision; the public listing stays as it is. */
function reasonedRevisionDecision(
	action: AuditAction,
	status: RevisionStatus,
	notice: DecisionNotice
) {
	return decideWithReason(['approved'], async (tx, row, actor, reason) => {
		const revision = await lockSubmittedRevision(tx, row.id);
		if (!revision) return { ok: false, reason: 'no_revision' };
		await setRevisionStatus(tx, revision.id, status);
		return move(tx, actor, row, {
			action,
			to: 'approved',
			before: revision.changes as Record<string, unknown>,
			after: null,
			...reason,
			notice
		});
	});
}

/** pending revision → rejected: the merchant may propose another. */
export const rejectRevision = reasonedRevisionDecision(
	'revision_reject',
	'rejected',
	'revision_rejected'
);

/** pending revision → changes_requested: the merchant fixes what the reason says and submits again. */
export const requestRevisionChanges = reasonedRevisionDecision(
	'revision_request_changes',
	'changes_requested',
	'revision_changes_requested'
);
