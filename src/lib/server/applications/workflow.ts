/**
 * The life of an application for a listing, and of the revisions of an approved listing.
 *
 *   merchant:  saveDraft (create / edit)      draft | changes_requested | pending: edits the row
 *                                              approved: edits a pending revision instead
 *              submit                          draft | changes_requested → pending
 *              withdraw                        pending → draft
 *              withdrawRevision                pending revision → withdrawn
 *   reviewer:  approve, bulkApprove            pending → approved
 *              reject (reason)                 pending → rejected
 *              requestChanges (reason)         pending → changes_requested
 *              suspend (reason)                approved → suspended
 *              reinstate                       suspended → approved
 *              approveRevision                 applies the pending revision to the approved listing
 *              rejectRevision (reason)         pending revision → rejected
 *
 * Each call is one transaction that locks the listing row, writes one audit_events row with the
 * status and fields before and after, and bumps merchants.version. Reviewer calls pass the
 * version they saw (`expectedVersion`): when the listing changed since, nothing is written and
 * the answer is { ok: false, reason: 'stale' }. A merchant only ever reaches their own listings;
 * another's is answered 'not_found', exactly as a listing that does not exist.
 * See /work/notes/applications-api.md for the back-office's use.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { merchantRevisions, merchants, type Merchant } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record';
import { invalidateListings } from '../merchants/listings';
import { communesByPostalCode } from '../geo/communes';
import type { SessionUser } from '../auth/session';
import type { ListingStatus } from '../../merchants/vocabulary';
import {
	DRAFT_REQUIRED_FIELDS,
	LISTING_FIELD_NAMES,
	REVISABLE_FIELDS,
	type ApplicationErrors,
	type ApplicationPatch,
	type ApplicationValues,
	type ListingField
} from '../../applications/fields';
import { parseCompleteApplication } from '../../applications/parse';
import {
	REASON_TEXT_MAX_LENGTH,
	isReviewReason,
	type ReviewReason
} from '../../applications/reasons';

export type Actor = Pick<SessionUser, 'id' | 'role'>;

export type WorkflowFailure =
	/** No such listing, or not the merchant's own (never says which). */
	| { ok: false; reason: 'not_found' }
	/** The actor's role may not do this (a merchant deciding, a reviewer applying…). */
	| { ok: false; reason: 'forbidden' }
	/** Not from the listing's current status (e.g. approving a draft); nothing written. */
	| { ok: false; reason: 'invalid_transition'; status: ListingStatus }
	/** Someone changed the listing since `expectedVersion`: reload and decide again. */
	| { ok: false; reason: 'stale'; status: ListingStatus; version: number }
	/** The application is not complete or not valid (errors by field), or the SIRET is taken. */
	| { ok: false; reason: 'invalid'; errors: ApplicationErrors }
	/** A reason code from REVIEW_REASONS is needed (and a text with 'other'). */
	| { ok: false; reason: 'reason_required' }
	/** No pending revision to decide or withdraw. */
	| { ok: false; reason: 'no_revision' };

export interface WorkflowSuccess {
	ok: true;
	merchant: { id: number; status: ListingStatus; version: number };
	/** The pending revision written (saveDraft of an approved listing), if any. */
	revisionId?: number | null;
}
export type WorkflowResult = WorkflowSuccess | WorkflowFailure;

export interface Decision {
	merchantId: number;
	/** merchants.version as the reviewer saw it. */
	expectedVersion: number;
}
export interface ReasonedDecision extends Decision {
	reasonCode: ReviewReason;
	reasonText?: string | null;
}

/** The fields a merchant edits; on an approved listing they go through a revision. */
export const EDITABLE_COLUMNS = LISTING_FIELD_NAMES;
type EditableColumn = ListingField;

const REVIEWER_ROLES: readonly Actor['role'][] = ['official', 'admin'];
const isReviewer = (actor: Actor) => REVIEWER_ROLES.includes(actor.role);

/** The application as the merchant edits it: the listing's editable fields. */
export function applicationOf(row: Merchant): ApplicationPatch {
	const out: Record<string, unknown> = {};
	for (const c of EDITABLE_COLUMNS) out[c] = row[c];
	return out as ApplicationPatch;
}

/** The fields of `patch` that differ from `row`, with their values before and after. */
function diff(row: ApplicationPatch, patch: ApplicationPatch, columns: readonly EditableColumn[]) {
	const keys = columns.filter((c) => c in patch);
	const changed = changedFields(
		Object.fromEntries(keys.map((k) => [k, row[k]])),
		Object.fromEntries(keys.map((k) => [k, patch[k]]))
	);
	return { before: changed?.before ?? {}, after: changed?.after ?? {}, changed: Boolean(changed) };
}

function pick(patch: ApplicationPatch, columns: readonly EditableColumn[]): ApplicationPatch {
	const out: Record<string, unknown> = {};
	for (const c of columns) if (c in patch) out[c] = patch[c];
	return out as ApplicationPatch;
}

function isUniqueViolation(error: unknown): boolean {
	for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
		if ((e as { code?: string }).code === '23505') return true;
	}
	return false;
}

/** Whether another listing already has this SIRET. */
async function siretTaken(tx: Executor, siret: string, exceptId: number | null) {
	const [row] = await tx
		.select({ id: merchants.id })
		.from(merchants)
		.where(
			exceptId === null
				? eq(merchants.siret, siret)
				: and(eq(merchants.siret, siret), ne(merchants.id, exceptId))
		)
		.limit(1);
	return Boolean(row);
}

const lockListing = async (tx: Executor, id: number) =>
	(await tx.select().from(merchants).where(eq(merchants.id, id)).for('update'))[0] ?? null;

const lockPendingRevision = async (tx: Executor, merchantId: number) =>
	(
		await tx
			.select()
			.from(merchantRevisions)
			.where(
				and(eq(merchantRevisions.merchantId, merchantId), eq(merchantRevisions.status, 'pending'))
			)
			.for('update')
	)[0] ?? null;

const summary = (row: Pick<Merchant, 'id' | 'status' | 'version'>) => ({
	id: row.id,
	status: row.status,
	version: row.version
});

/** Runs `work` in a transaction; a failure answer rolls it back (nothing partial is written). */
async function inTransaction(
	db: Database,
	work: (tx: Executor) => Promise<WorkflowResult>
): Promise<WorkflowResult> {
	const rollback = Symbol('rollback');
	let failure: WorkflowFailure | undefined;
	try {
		return await db.transaction(async (tx) => {
			const result = await work(tx);
			if (!result.ok) {
				failure = result;
				throw rollback;
			}
			return result;
		});
	} catch (error) {
		if (error === rollback && failure) return failure;
		if (isUniqueViolation(error))
			return { ok: false, reason: 'invalid', errors: { siret: 'siret_taken' } };
		throw error;
	}
}

// ——— Merchant side ———

/**
 * Creates the merchant's draft (no `merchantId`) or saves fields of their application. On an
 * approved listing, the fields go to its pending revision (created when needed, withdrawn when
 * it no longer changes anything) and the public listing stays as approved.
 * `values` comes from parseApplication (only the fields given are written).
 */
export async function saveDraft(
	db: Database,
	actor: Actor,
	input: { merchantId?: number | null; values: ApplicationPatch }
): Promise<WorkflowResult> {
	if (actor.role !== 'merchant') return { ok: false, reason: 'forbidden' };
	const values = pick(input.values, EDITABLE_COLUMNS);
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
				after: diff({}, values, EDITABLE_COLUMNS).after
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
		const change = diff(applicationOf(row), values, EDITABLE_COLUMNS);
		if (!change.changed) return { ok: true, merchant: summary(row) };
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

/** saveDraft of an approved listing: writes its pending revision. */
async function reviseApproved(
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
	let action: string;
	if (!change.changed) {
		// Edited back to the approved listing: the revision has nothing left to propose.
		await tx
			.update(merchantRevisions)
			.set({ status: 'withdrawn', decidedAt: new Date() })
			.where(eq(merchantRevisions.id, revision!.id));
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

/** Locks one of the merchant's own listings and checks its status (any status when `from` is null). */
async function ownerAction(
	db: Database,
	actor: Actor,
	merchantId: number,
	from: readonly ListingStatus[] | null,
	work: (tx: Executor, row: Merchant) => Promise<WorkflowResult>
): Promise<WorkflowResult> {
	if (actor.role !== 'merchant') return { ok: false, reason: 'forbidden' };
	return inTransaction(db, async (tx) => {
		const row = await lockListing(tx, merchantId);
		if (!row || row.ownerId !== actor.id) return { ok: false, reason: 'not_found' };
		if (from && !from.includes(row.status)) {
			return { ok: false, reason: 'invalid_transition', status: row.status };
		}
		return work(tx, row);
	});
}

/** Sends a complete application for review: draft | changes_requested → pending. */
export function submit(db: Database, actor: Actor, merchantId: number): Promise<WorkflowResult> {
	return ownerAction(db, actor, merchantId, ['draft', 'changes_requested'], async (tx, row) => {
		const checked = parseCompleteApplication(applicationOf(row), communesByPostalCode);
		if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
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

/** Withdraws the pending revision of the merchant's approved listing. */
export function withdrawRevision(
	db: Database,
	actor: Actor,
	merchantId: number
): Promise<WorkflowResult> {
	return ownerAction(db, actor, merchantId, null, async (tx, row) => {
		const revision = await lockPendingRevision(tx, row.id);
		if (!revision) return { ok: false, reason: 'no_revision' };
		await tx
			.update(merchantRevisions)
			.set({ status: 'withdrawn', decidedAt: new Date() })
			.where(eq(merchantRevisions.id, revision.id));
		return move(tx, actor, row, {
			action: 'revision_withdraw',
			to: row.status,
			before: revision.changes as Record<string, unknown>
		});
	});
}

// ——— Reviewer side ———

/** Locks the listing and checks the reviewer's role, the version they saw and the status. */
async function decide(
	db: Database,
	actor: Actor,
	decision: Decision,
	from: readonly ListingStatus[],
	work: (tx: Executor, row: Merchant) => Promise<WorkflowResult>
): Promise<WorkflowResult> {
	if (!isReviewer(actor)) return { ok: false, reason: 'forbidden' };
	const result = await inTransaction(db, async (tx) => {
		const row = await lockListing(tx, decision.merchantId);
		if (!row) return { ok: false, reason: 'not_found' };
		if (row.version !== decision.expectedVersion) {
			return { ok: false, reason: 'stale', status: row.status, version: row.version };
		}
		if (!from.includes(row.status)) {
			return { ok: false, reason: 'invalid_transition', status: row.status };
		}
		return work(tx, row);
	});
	if (result.ok) invalidateListings();
	return result;
}

/** A reason code, and a text with 'other'; the text trimmed and bounded. */
function reasonOf(decision: ReasonedDecision) {
	const text = (decision.reasonText ?? '').trim().slice(0, REASON_TEXT_MAX_LENGTH) || null;
	if (!isReviewReason(decision.reasonCode)) return null;
	if (decision.reasonCode === 'other' && !text) return null;
	return { reasonCode: decision.reasonCode, reasonText: text };
}

/** Writes a status change (with the version bump) and its audit event. */
async function move(
	tx: Executor,
	actor: Actor,
	row: Merchant,
	change: {
		action: string;
		to: ListingStatus;
		set?: Partial<Merchant>;
		reasonCode?: string | null;
		reasonText?: string | null;
		before?: Record<string, unknown> | null;
		after?: Record<string, unknown> | null;
	}
): Promise<WorkflowResult> {
	const now = new Date();
	const [updated] = await tx
		.update(merchants)
		.set({ ...change.set, status: change.to, version: row.version + 1, updatedAt: now })
		.where(and(eq(merchants.id, row.id), eq(merchants.version, row.version)))
		.returning();
	await recordAudit(tx, {
		actorId: actor.id,
		action: change.action,
		merchantId: row.id,
		fromStatus: row.status,
		toStatus: change.to,
		reasonCode: change.reasonCode,
		reasonText: change.reasonText,
		before:
			change.before !== undefined ? change.before : { status: row.status, version: row.version },
		after:
			change.after !== undefined ? change.after : { status: change.to, version: updated.version }
	});
	return { ok: true, merchant: summary(updated) };
}

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
function reasonedDecision(action: string, from: ListingStatus, to: ListingStatus) {
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
		await tx
			.update(merchantRevisions)
			.set({ status: 'approved', decidedAt: new Date() })
			.where(eq(merchantRevisions.id, revision.id));
		return move(tx, actor, row, {
			action: 'revision_approve',
			to: 'approved',
			set: changes as Partial<Merchant>,
			before: change.before,
			after: change.after
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
	if (!reason && isReviewer(actor)) return { ok: false, reason: 'reason_required' };
	return decide(db, actor, decision, ['approved'], async (tx, row) => {
		const revision = await lockPendingRevision(tx, row.id);
		if (!revision) return { ok: false, reason: 'no_revision' };
		await tx
			.update(merchantRevisions)
			.set({ status: 'rejected', decidedAt: new Date() })
			.where(eq(merchantRevisions.id, revision.id));
		return move(tx, actor, row, {
			action: 'revision_reject',
			to: 'approved',
			before: revision.changes as Record<string, unknown>,
			after: null,
			...reason
		});
	});
}
