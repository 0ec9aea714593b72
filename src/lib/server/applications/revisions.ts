/**
 * Changes to an approved listing (see workflow.ts): the merchant's edits gather in one pending
 * revision while the public listing stays as approved; a reviewer applies or refuses it, or the
 * merchant withdraws it.
 */
import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { merchantRevisions, merchants, type Merchant } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record';
import type { AuditAction } from '../../audit/vocabulary';
import { REVISABLE_FIELDS, type ApplicationPatch } from '../../applications/fields';
import {
	applicationOf,
	closeRevision,
	decide,
	diff,
	isReviewer,
	lockPendingRevision,
	move,
	ownerAction,
	pick,
	reasonOf,
	siretTaken,
	summary,
	type Actor,
	type Decision,
	type ReasonedDecision,
	type WorkflowResult
} from './transitions';

/** saveDraft of an approved listing: writes its pending revision. */
export async function reviseApproved(
	tx: Executor,
	actor: Actor,
	row: Merchant,
	values: ApplicationPatch
): Promise<WorkflowResult> {
	const approved = applicationOf(row);
	const revision = await lockPendingRevision(tx, row.id);
	const proposed = {
		...pick(approved, REVISABLE_FIELDS),
		...((revision?.changes as ApplicationPatch) ?? {}),
		...pick(values, REVISABLE_FIELDS)
	};
	const change = diff(approved, proposed, REVISABLE_FIELDS);
	const previous = (revision?.changes ?? {}) as Record<string, unknown>;
	if (!changedFields(previous, change.after) && (revision || !change.changed)) {
		return { ok: true, merchant: summary(row), revisionId: revision?.id ?? null };
	}
	let revisionId: number | null;
	let action: AuditAction;
	if (!change.changed) {
		// Edited back to the approved listing: the revision has nothing left to propose.
		await closeRevision(tx, revision!.id, 'withdrawn');
		revisionId = null;
		action = 'revision_withdraw';
	} else if (revision) {
		await tx
			.update(merchantRevisions)
			.set({ changes: change.after, submittedAt: new Date() })
			.where(eq(merchantRevisions.id, revision.id));
		revisionId = revision.id;
		action = 'revision_update';
	} else {
		const [created] = await tx
			.insert(merchantRevisions)
			.values({ merchantId: row.id, proposedBy: actor.id, changes: change.after })
			.returning({ id: merchantRevisions.id });
		revisionId = created.id;
		action = 'revision_submit';
	}
	const [updated] = await tx
		.update(merchants)
		.set({ version: row.version + 1 })
		.where(eq(merchants.id, row.id))
		.returning();
	await recordAudit(tx, {
		actorId: actor.id,
		action,
		merchantId: row.id,
		fromStatus: row.status,
		toStatus: row.status,
		before: previous,
		after: change.after
	});
	return { ok: true, merchant: summary(updated), revisionId };
}

/** Withdraws the pending revision of the merchant's approved listing. */
export function withdrawRevision(
	db: Database,
	actor: Actor,
	merchantId: number
): Promise<WorkflowResult> {
	return ownerAction(db, actor, merchantId, null, async (tx, row) => {
		const revision = await lockPendingRevision(tx, row.id);
		if (!revision) return { ok: false, reason: 'no_revision' };
		await closeRevision(tx, revision.id, 'withdrawn');
		return move(tx, actor, row, {
			action: 'revision_withdraw',
			to: row.status,
			before: revision.changes as Record<string, unknown>
		});
	});
}

/** Applies the pending revision of an approved listing to the public listing. */
export async function approveRevision(
	db: Database,
	actor: Actor,
	decision: Decision
): Promise<WorkflowResult> {
	return decide(db, actor, decision, ['approved'], async (tx, row) => {
		const revision = await lockPendingRevision(tx, row.id);
		if (!revision) return { ok: false, reason: 'no_revision' };
		const changes = pick(revision.changes as ApplicationPatch, REVISABLE_FIELDS);
		if (changes.siret && (await siretTaken(tx, changes.siret, row.id))) {
			return { ok: false, reason: 'invalid', errors: { siret: 'siret_taken' } };
		}
		const change = diff(applicationOf(row), changes, REVISABLE_FIELDS);
		await closeRevision(tx, revision.id, 'approved');
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

/** Refuses the pending revision; the approved listing stays as it is. */
export async function rejectRevision(
	db: Database,
	actor: Actor,
	decision: ReasonedDecision
): Promise<WorkflowResult> {
	const reason = reasonOf(decision);
	if (typeof reason === 'string') {
		return { ok: false, reason: isReviewer(actor) ? reason : 'forbidden' };
	}
	return decide(db, actor, decision, ['approved'], async (tx, row) => {
		const revision = await lockPendingRevision(tx, row.id);
		if (!revision) return { ok: false, reason: 'no_revision' };
		await closeRevision(tx, revision.id, 'rejected');
		return move(tx, actor, row, {
			action: 'revision_reject',
			to: 'approved',
			before: revision.changes as Record<string, unknown>,
			after: null,
			...reason,
			notice: 'revision_rejected'
		});
	});
}
