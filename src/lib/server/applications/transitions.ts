/**
 * The listing state machine's ground (see workflow.ts): its answers, the row locks, the checks of
 * who may act on a listing in which status, and the one writer of a status change with its audit
 * row.
 */
import { noticeMerchant, type DecisionNotice } from './notices';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { isUniqueViolation } from '../db/query';
import { merchantRevisions, merchants, type Merchant, type MerchantRevision } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record';
import { invalidateListings } from '../merchants/listing-index';
import { communesByPostalCode } from '../geo/communes';
import type { SessionUser } from '../auth/session';
import type { ListingStatus } from '../../merchants/vocabulary';
import type { AuditAction, AuditReason } from '../../audit/vocabulary';
import {
	LISTING_FIELD_NAMES,
	type ApplicationErrors,
	type ApplicationPatch,
	type ListingField
} from '../../applications/fields';
import { parseCompleteApplication } from '../../applications/parse';
import {
	REASON_TEXT_MAX_LENGTH,
	isReviewReason,
	type ReviewReason
} from '../../applications/reasons';
import { hasControlCharacter, truncate } from '../../forms/text';

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
	/** The reason's text holds a control character (U+0000…): nothing written. */
	| { ok: false; reason: 'reason_invalid' }
	/** No pending revision to decide or withdraw. */
	| { ok: false; reason: 'no_revision' }
	/** No open tourist report to resolve (already resolved by someone else). */
	| { ok: false; reason: 'no_report' };

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

const REVIEWER_ROLES: readonly Actor['role'][] = ['official', 'admin'];
export const isReviewer = (actor: Actor) => REVIEWER_ROLES.includes(actor.role);

/** The application as the merchant edits it: the listing's editable fields. */
export function applicationOf(row: Merchant): ApplicationPatch {
	const out: Record<string, unknown> = {};
	for (const c of LISTING_FIELD_NAMES) out[c] = row[c];
	return out as ApplicationPatch;
}

/** The fields of `patch` that differ from `row`, with their values before and after. */
export function diff(
	row: ApplicationPatch,
	patch: ApplicationPatch,
	columns: readonly ListingField[]
) {
	const keys = columns.filter((c) => c in patch);
	const changed = changedFields(
		Object.fromEntries(keys.map((k) => [k, row[k]])),
		Object.fromEntries(keys.map((k) => [k, patch[k]]))
	);
	return { before: changed?.before ?? {}, after: changed?.after ?? {}, changed: Boolean(changed) };
}

export function pick(patch: ApplicationPatch, columns: readonly ListingField[]): ApplicationPatch {
	const out: Record<string, unknown> = {};
	for (const c of columns) if (c in patch) out[c] = patch[c];
	return out as ApplicationPatch;
}

/** Whether another listing already has this SIRET. */
export async function siretTaken(tx: Executor, siret: string, exceptId: number | null) {
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

export const lockListing = async (tx: Executor, id: number) =>
	(await tx.select().from(merchants).where(eq(merchants.id, id)).for('update'))[0] ?? null;

/** A revision still open: edited by its merchant (draft, changes_requested) or under review (pending). */
export const OPEN_REVISION_STATUSES = ['draft', 'pending', 'changes_requested'] as const;
export type RevisionStatus = MerchantRevision['status'];

/** Locks the listing's open revision (at most one), whatever its status; null when none. */
export const lockOpenRevision = async (tx: Executor, merchantId: number) =>
	(
		await tx
			.select()
			.from(merchantRevisions)
			.where(
				and(
					eq(merchantRevisions.merchantId, merchantId),
					inArray(merchantRevisions.status, [...OPEN_REVISION_STATUSES])
				)
			)
			.for('update')
	)[0] ?? null;

/** Locks the revision a reviewer may decide on: the open one, when it was submitted (pending). */
export async function lockSubmittedRevision(tx: Executor, merchantId: number) {
	const revision = await lockOpenRevision(tx, merchantId);
	return revision?.status === 'pending' ? revision : null;
}

/** Moves a revision to another status; closing it (approved, rejected, withdrawn) dates it. */
export async function setRevisionStatus(
	tx: Executor,
	revisionId: number,
	status: RevisionStatus,
	at: Date = new Date()
) {
	const closed = !(OPEN_REVISION_STATUSES as readonly string[]).includes(status);
	await tx
		.update(merchantRevisions)
		.set({
			status,
			...(closed ? { decidedAt: at } : {}),
			...(status === 'pending' ? { submittedAt: at } : {})
		})
		.where(eq(merchantRevisions.id, revisionId));
}

export const summary = (row: Pick<Merchant, 'id' | 'status' | 'version'>) => ({
	id: row.id,
	status: row.status,
	version: row.version
});

/**
 * What a listing must meet to be reviewed, as errors by field (null: none). submit() checks it,
 * approve() checks it again, and an edit of a pending application must keep it: one rule set,
 * parseCompleteApplication's. A listing from an acquirer's file is held to what its import
 * checked (it may lack opening hours).
 */
export function reviewErrors(
	values: ApplicationPatch,
	source: Merchant['source']
): ApplicationErrors | null {
	const checked = parseCompleteApplication(values, communesByPostalCode, source === 'import');
	return checked.ok ? null : checked.errors;
}

/** Runs `work` in a transaction; a failure answer rolls it back (nothing partial is written). */
export async function inTransaction(
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

/** Locks one of the merchant's own listings and checks its status (any status when `from` is null). */
export async function ownerAction(
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

/** Locks the listing and checks the reviewer's role, the version they saw and the status. */
export async function decide(
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

/**
 * A reviewer's decision that needs a reason, from one of the `from` statuses: refused before the
 * listing is read when the reason is missing or malformed (`forbidden` to anyone but a reviewer),
 * otherwise decided as `decide` does, the work given the checked reason.
 */
export function decideWithReason(
	from: readonly ListingStatus[],
	work: (
		tx: Executor,
		row: Merchant,
		actor: Actor,
		reason: Exclude<ReturnType<typeof reasonOf>, string>
	) => Promise<WorkflowResult>
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
		return decide(db, actor, decision, from, (tx, row) => work(tx, row, actor, reason));
	};
}

/**
 * A reason code, and a text with 'other'; the text trimmed and bounded. Or why not: none given
 * ('reason_required'), or a text with a control character ('reason_invalid').
 */
export function reasonOf(decision: ReasonedDecision) {
	const typed = decision.reasonText ?? '';
	if (hasControlCharacter(typed, { multiline: true })) return 'reason_invalid' as const;
	const text = truncate(typed.trim(), REASON_TEXT_MAX_LENGTH) || null;
	if (!isReviewReason(decision.reasonCode)) return 'reason_required' as const;
	if (decision.reasonCode === 'other' && !text) return 'reason_required' as const;
	return { reasonCode: decision.reasonCode, reasonText: text };
}

/**
 * Writes a status change (with the version bump) and its audit event. The actor's id is null
 * for the system itself (a daily job, a migration's rule).
 */
export async function move(
	tx: Executor,
	actor: { id: string | null },
	row: Merchant,
	change: {
		action: AuditAction;
		to: ListingStatus;
		set?: Partial<Merchant>;
		reasonCode?: AuditReason | null;
		reasonText?: string | null;
		before?: Record<string, unknown> | null;
		after?: Record<string, unknown> | null;
		at?: Date;
		/** The e-mail this change sends the listing's owner, queued in the same transaction. */
		notice?: DecisionNotice;
	}
): Promise<WorkflowResult> {
	const now = change.at ?? new Date();
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
			change.after !== undefined ? change.after : { status: change.to, version: updated.version },
		at: change.at
	});
	if (change.notice) await noticeMerchant(tx, change.notice, updated, change);
	return { ok: true, merchant: summary(updated) };
}
