/**
 * What erasing an account does to its listings (see workflow.ts), inside the erasure's own
 * transaction: each listing locked, then a public one suspended and one awaiting review (or
 * changes) taken back to draft, each with its audit row (reason 'account_deleted'), and any
 * open revision withdrawn.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { merchants } from '../db/schema';
import type { ListingStatus } from '../../merchants/vocabulary';
import type { AuditAction } from '../../audit/vocabulary';
import { lockOpenRevision, move, setRevisionStatus, type Actor } from './transitions';

/** The status change erasure makes from each status (none from draft, rejected or suspended). */
const UNPUBLISHING: Partial<Record<ListingStatus, { to: ListingStatus; action: AuditAction }>> = {
	approved: { to: 'suspended', action: 'suspend' },
	pending: { to: 'draft', action: 'withdraw' },
	changes_requested: { to: 'draft', action: 'withdraw' }
};

/**
 * Unpublishes the listings of `owner` (the account being erased, acting on its own listings).
 * Call it in the erasure's transaction. Returns how many public listings were suspended.
 */
export async function unpublishOwnListings(tx: Executor, owner: Actor, now: Date): Promise<number> {
	const owned = await tx
		.select()
		.from(merchants)
		.where(eq(merchants.ownerId, owner.id))
		.orderBy(merchants.id)
		.for('update');
	let suspended = 0;
	for (const row of owned) {
		const revision = await lockOpenRevision(tx, row.id);
		if (revision) await setRevisionStatus(tx, revision.id, 'withdrawn', now);
		const change = UNPUBLISHING[row.status];
		if (!change) continue;
		await move(tx, owner, row, {
			...change,
			set: change.to === 'suspended' ? { decidedAt: now } : { submittedAt: null },
			reasonCode: 'account_deleted',
			at: now
		});
		if (change.to === 'suspended') suspended++;
	}
	return suspended;
}
