/**
 * The GDPR rights a merchant exercises from the account page: a copy of their data (access,
 * portability) and the erasure of their account.
 *
 * Erasure keeps the account row as a tombstone (so the ids in the listings' history point to
 * nothing personal), unpublishes the account's listings and withdraws what awaits review (through
 * the listing state machine), all in one transaction, and records it.
 */
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import {
	auditEvents,
	merchantRevisions,
	merchants,
	knownDevices,
	sessions,
	userTokens,
	users
} from '../db/schema';
import { invalidateListings } from '../merchants/listing-index';
import { recordAudit } from '../audit/record';
import { unpublishOwnListings } from '../applications/workflow';
import { confirmPassword, type Outcome, type PasswordContext } from './accounts';
import { forgetAccountCounters } from './rate-limit';
import type { SessionUser } from './session';

/** Everything kept about an account and its listings, as one JSON document. */
export async function exportPersonalData(db: Executor, userId: string, now: Date = new Date()) {
	const [account] = await db
		.select({
			id: users.id,
			email: users.email,
			role: users.role,
			locale: users.locale,
			displayName: users.displayName,
			active: users.active,
			createdAt: users.createdAt
		})
		.from(users)
		.where(eq(users.id, userId));
	const openSessions = await db
		.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
		.from(sessions)
		.where(eq(sessions.userId, userId));
	const listings = await db
		.select()
		.from(merchants)
		.where(eq(merchants.ownerId, userId))
		.orderBy(merchants.id);
	const ids = listings.map((l) => l.id);
	const revisions = ids.length
		? await db
				.select()
				.from(merchantRevisions)
				.where(inArray(merchantRevisions.merchantId, ids))
				.orderBy(merchantRevisions.id)
		: [];
	const history = await db
		.select()
		.from(auditEvents)
		.where(
			or(
				eq(auditEvents.actorId, userId),
				eq(auditEvents.subjectUserId, userId),
				ids.length ? inArray(auditEvents.merchantId, ids) : sql`false`
			)
		)
		.orderBy(auditEvents.createdAt, auditEvents.id);
	return {
		exportedAt: now.toISOString(),
		account,
		sessions: openSessions,
		listings,
		revisions: revisions.map(({ proposedBy, ...r }) => ({
			...r,
			proposedByYou: proposedBy === userId
		})),
		// Other people's ids (the officials who reviewed) are not the merchant's data.
		history: history.map(({ actorId, subjectUserId, ...e }) => ({
			...e,
			byYou: actorId === userId,
			aboutYou: subjectUserId === userId
		}))
	};
}
export type PersonalDataExport = Awaited<ReturnType<typeof exportPersonalData>>;

/** The address an erased account keeps: unique, reserved (.invalid), nobody's. */
export const tombstoneEmail = (userId: string) => `deleted-${userId}@invalid`;

/**
 * Keys of audit `before`/`after` documents that could hold personal data. The append-only
 * trigger on audit_events (drizzle/0002_audit_append_only.sql) allows stripping exactly these.
 */
const PERSONAL_KEYS = ['email', 'displayName', 'display_name', 'passwordHash', 'password_hash'];

/**
 * Erases an account after checking its password: listings unpublished (approved → suspended,
 * awaiting review → back to draft, proposed changes withdrawn), e-mail replaced by a tombstone,
 * password hash and name removed, sessions and links deleted, personal keys stripped from its
 * audit rows, and the erasure recorded.
 */
export async function deleteAccount(
	db: Database,
	user: SessionUser,
	input: { password: string } & PasswordContext,
	now: Date = new Date()
): Promise<Outcome<'password', { unpublished: number }>> {
	const wrong = await confirmPassword(db, user, input.password, 'password', input, now);
	if (wrong) return wrong;
	const unpublished = await db.transaction(async (tx) => {
		const suspended = await unpublishOwnListings(tx, user, now);
		const strip = (column: typeof auditEvents.before | typeof auditEvents.after) =>
			sql`CASE WHEN jsonb_typeof(${column}) = 'object' THEN ${column} - ${sql.raw(
				`ARRAY[${PERSONAL_KEYS.map((k) => `'${k}'`).join(', ')}]::text[]`
			)} ELSE ${column} END`;
		await tx
			.update(auditEvents)
			.set({ before: strip(auditEvents.before), after: strip(auditEvents.after) })
			.where(or(eq(auditEvents.actorId, user.id), eq(auditEvents.subjectUserId, user.id)));
		await tx
			.update(users)
			.set({
				email: tombstoneEmail(user.id),
				passwordHash: null,
				displayName: null,
				active: false,
				deletedAt: now
			})
			.where(eq(users.id, user.id));
		await tx.delete(sessions).where(eq(sessions.userId, user.id));
		await tx.delete(userTokens).where(eq(userTokens.userId, user.id));
		await tx.delete(knownDevices).where(eq(knownDevices.userId, user.id));
		await forgetAccountCounters(tx, user.email);
		await recordAudit(tx, {
			actorId: user.id,
			subjectUserId: user.id,
			action: 'account_deleted',
			after: { listingsUnpublished: suspended },
			at: now
		});
		return suspended;
	});
	if (unpublished) invalidateListings();
	return { ok: true, unpublished };
}
