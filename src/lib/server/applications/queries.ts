/**
 * What a merchant reads about their own listings: the list for the dashboard, one application
 * as the wizard edits it (with its open revision applied), its history. Every function takes
 * the owner and answers nothing (null, []) for a listing that is not theirs.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditEvents, merchantRevisions, merchants, type Merchant } from '../db/schema';
import type { ListingStatus } from '../../merchants/vocabulary';
import type { ApplicationPatch } from '../../applications/fields';
import { applicationOf } from './workflow';
import { OPEN_REVISION_STATUSES } from './transitions';

/** The open revision of an approved listing: a draft, under review, or sent back for changes. */
export interface OpenRevision {
	id: number;
	status: 'draft' | 'pending' | 'changes_requested';
	/** When it was last submitted for review (null for a draft never submitted). */
	submittedAt: Date | null;
	/** The fields it changes, with their proposed values. */
	changes: ApplicationPatch;
}

/** The last reviewer decision that came with a reason (refusal, changes asked, suspension). */
export interface ReviewNote {
	action: string;
	reasonCode: string | null;
	reasonText: string | null;
	at: Date;
}

export interface OwnListing {
	merchant: Merchant;
	revision: OpenRevision | null;
	/** The reviewer's last reason, when the status comes with one. */
	note: ReviewNote | null;
}

const STATUSES_WITH_REASON: readonly ListingStatus[] = [
	'rejected',
	'changes_requested',
	'suspended'
];
const REASONED_ACTIONS = [
	'reject',
	'request_changes',
	'suspend',
	'revision_reject',
	'revision_request_changes'
];
const REVISION_NOTES = ['revision_reject', 'revision_request_changes'];

/** The merchant's listings, newest first, each with its open revision and last reason. */
export async function ownListings(db: Executor, ownerId: string): Promise<OwnListing[]> {
	const rows = await db
		.select()
		.from(merchants)
		.where(eq(merchants.ownerId, ownerId))
		.orderBy(desc(merchants.createdAt), desc(merchants.id));
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.id);
	const revisions = await db
		.select()
		.from(merchantRevisions)
		.where(
			and(
				inArray(merchantRevisions.merchantId, ids),
				inArray(merchantRevisions.status, [...OPEN_REVISION_STATUSES])
			)
		);
	const notes = await db
		.select({
			merchantId: auditEvents.merchantId,
			action: auditEvents.action,
			reasonCode: auditEvents.reasonCode,
			reasonText: auditEvents.reasonText,
			at: auditEvents.createdAt
		})
		.from(auditEvents)
		.where(and(inArray(auditEvents.merchantId, ids), inArray(auditEvents.action, REASONED_ACTIONS)))
		.orderBy(desc(auditEvents.createdAt), desc(auditEvents.id));
	return rows.map((merchant) => {
		const revision = revisions.find((r) => r.merchantId === merchant.id);
		const last = notes.find((n) => n.merchantId === merchant.id);
		const showNote =
			last &&
			(STATUSES_WITH_REASON.includes(merchant.status) ||
				(REVISION_NOTES.includes(last.action) && merchant.status === 'approved'));
		return {
			merchant,
			revision: revision
				? {
						id: revision.id,
						status: revision.status as OpenRevision['status'],
						submittedAt: revision.submittedAt,
						changes: revision.changes as ApplicationPatch
					}
				: null,
			note: showNote
				? {
						action: last.action,
						reasonCode: last.reasonCode,
						reasonText: last.reasonText,
						at: last.at
					}
				: null
		};
	});
}

/** One of the merchant's listings, or null (none, or not theirs). */
export async function ownListing(
	db: Executor,
	ownerId: string,
	merchantId: number
): Promise<OwnListing | null> {
	const all = await ownListings(db, ownerId);
	return all.find((l) => l.merchant.id === merchantId) ?? null;
}

/** The application as the wizard shows it: the listing with its open revision applied. */
export function workingCopy(listing: OwnListing): ApplicationPatch {
	return { ...applicationOf(listing.merchant), ...(listing.revision?.changes ?? {}) };
}

/** Whether the merchant may still change the listing (through a revision when approved). */
export function isEditable(status: ListingStatus): boolean {
	return ['draft', 'changes_requested', 'pending', 'approved'].includes(status);
}

export interface HistoryEntry {
	id: number;
	action: string;
	fromStatus: ListingStatus | null;
	toStatus: ListingStatus | null;
	reasonCode: string | null;
	reasonText: string | null;
	/** Done by the merchant themself (else by the partnership team or an import). */
	byOwner: boolean;
	at: Date;
}

/** The history of one of the merchant's listings, oldest first; [] when it is not theirs. */
export async function listingHistory(
	db: Executor,
	ownerId: string,
	merchantId: number
): Promise<HistoryEntry[]> {
	return (await ownHistories(db, ownerId, merchantId)).get(merchantId) ?? [];
}

/** The histories of the merchant's listings (or of one of them), oldest first, by listing. */
export async function ownHistories(
	db: Executor,
	ownerId: string,
	merchantId?: number
): Promise<Map<number, HistoryEntry[]>> {
	const rows = await db
		.select({
			merchantId: auditEvents.merchantId,
			id: auditEvents.id,
			action: auditEvents.action,
			fromStatus: auditEvents.fromStatus,
			toStatus: auditEvents.toStatus,
			reasonCode: auditEvents.reasonCode,
			reasonText: auditEvents.reasonText,
			actorId: auditEvents.actorId,
			at: auditEvents.createdAt
		})
		.from(auditEvents)
		.innerJoin(merchants, eq(merchants.id, auditEvents.merchantId))
		.where(
			and(
				eq(merchants.ownerId, ownerId),
				merchantId === undefined ? undefined : eq(auditEvents.merchantId, merchantId)
			)
		)
		.orderBy(asc(auditEvents.createdAt), asc(auditEvents.id));
	const histories = new Map<number, HistoryEntry[]>();
	for (const { actorId, merchantId: id, ...r } of rows) {
		const list = histories.get(id!) ?? [];
		list.push({ ...r, byOwner: actorId === ownerId });
		histories.set(id!, list);
	}
	return histories;
}
