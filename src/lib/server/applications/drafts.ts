/**
 * The merchant's side of the listing state machine (see workflow.ts): their application, created
 * and saved as a draft, sent for review, taken back.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { merchants, type Merchant } from '../db/schema';
import { recordAudit } from '../audit/record';
import {
	DRAFT_REQUIRED_FIELDS,
	LISTING_FIELD_NAMES,
	type ApplicationErrors,
	type ApplicationPatch,
	type ApplicationValues
} from '../../applications/fields';
import { reviseApproved } from './revisions';
import {
	applicationOf,
	diff,
	inTransaction,
	lockListing,
	move,
	ownerAction,
	pick,
	reviewErrors,
	siretTaken,
	summary,
	type Actor,
	type WorkflowResult
} from './transitions';

/**
 * Creates the merchant's draft (no `merchantId`) or saves fields of their application. On an
 * approved listing, the fields go to its pending revision (created when needed, withdrawn when
 * it no longer changes anything) and the public listing stays as approved. A pending application
 * may be edited only into one that could be submitted as it is: otherwise nothing is written and
 * the answer is 'invalid' with the errors by field (the merchant withdraws it to draft first to
 * rework it freely).
 * `values` comes from parseApplication (only the fields given are written).
 */
export async function saveDraft(
	db: Database,
	actor: Actor,
	input: { merchantId?: number | null; values: ApplicationPatch }
): Promise<WorkflowResult> {
	if (actor.role !== 'merchant') return { ok: false, reason: 'forbidden' };
	const values = pick(input.values, LISTING_FIELD_NAMES);
	const result = await inTransaction(db, async (tx) => {
		if (values.siret && (await siretTaken(tx, values.siret, input.merchantId ?? null))) {
			return { ok: false, reason: 'invalid', errors: { siret: 'siret_taken' } };
		}
		if (input.merchantId == null) {
			const missing: ApplicationErrors = {};
			for (const f of DRAFT_REQUIRED_FIELDS) if (!values[f]) missing[f] = 'required';
			if (Object.keys(missing).length) return { ok: false, reason: 'invalid', errors: missing };
			const [row] = await tx
				.insert(merchants)
				.values({
					...(values as ApplicationValues),
					ownerId: actor.id,
					source: 'self_registered',
					status: 'draft'
				})
				.returning();
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'create',
				merchantId: row.id,
				fromStatus: 'draft',
				toStatus: 'draft',
				after: diff({}, values, LISTING_FIELD_NAMES).after
			});
			return { ok: true, merchant: summary(row) };
		}

		const row = await lockListing(tx, input.merchantId);
		if (!row || row.ownerId !== actor.id) return { ok: false, reason: 'not_found' };
		for (const f of DRAFT_REQUIRED_FIELDS) {
			if (f in values && !values[f]) {
				return { ok: false, reason: 'invalid', errors: { [f]: 'required' } };
			}
		}
		if (row.status === 'approved') return reviseApproved(tx, actor, row, values);
		if (!['draft', 'changes_requested', 'pending'].includes(row.status)) {
			return { ok: false, reason: 'invalid_transition', status: row.status };
		}
		const change = diff(applicationOf(row), values, LISTING_FIELD_NAMES);
		if (!change.changed) return { ok: true, merchant: summary(row) };
		// Under review, an application may change but not lose what its submission checked.
		if (row.status === 'pending') {
			const errors = reviewErrors({ ...applicationOf(row), ...values }, row.source);
			if (errors) return { ok: false, reason: 'invalid', errors };
		}
		const [updated] = await tx
			.update(merchants)
			.set({ ...values, version: row.version + 1, updatedAt: new Date() } as Partial<Merchant>)
			.where(and(eq(merchants.id, row.id), eq(merchants.version, row.version)))
			.returning();
		// A pending application edited under the reviewer's eyes: the change is in the history.
		if (row.status === 'pending') {
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'edit',
				merchantId: row.id,
				fromStatus: row.status,
				toStatus: row.status,
				before: change.before,
				after: change.after
			});
		}
		return { ok: true, merchant: summary(updated) };
	});
	return result;
}

/** Sends a complete application for review: draft | changes_requested → pending. */
export function submit(db: Database, actor: Actor, merchantId: number): Promise<WorkflowResult> {
	return ownerAction(db, actor, merchantId, ['draft', 'changes_requested'], async (tx, row) => {
		const errors = reviewErrors(applicationOf(row), row.source);
		if (errors) return { ok: false, reason: 'invalid', errors };
		return move(tx, actor, row, {
			action: 'submit',
			to: 'pending',
			set: { submittedAt: new Date() }
		});
	});
}

/** Takes a pending application back to draft (the merchant wants to change it first). */
export function withdraw(db: Database, actor: Actor, merchantId: number): Promise<WorkflowResult> {
	return ownerAction(db, actor, merchantId, ['pending'], (tx, row) =>
		move(tx, actor, row, { action: 'withdraw', to: 'draft' })
	);
}

/**
 * rejected → draft: the merchant starts a new application from the refused one, every field as
 * it was, to fix what the reason said and submit again. The same listing carries on (its SIRET
 * is unique, and the reviewers see the refusal in its history).
 */
export function reapply(db: Database, actor: Actor, merchantId: number): Promise<WorkflowResult> {
	return ownerAction(db, actor, merchantId, ['rejected'], (tx, row) =>
		move(tx, actor, row, {
			action: 'reapply',
			to: 'draft',
			set: { submittedAt: null, decidedAt: null }
		})
	);
}
