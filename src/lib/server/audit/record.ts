/**
 * The one way to write to the audit log (audit_events): who did what to which listing or
 * account, when, with the reason and the state before → after. Call it inside the
 * transaction that makes the change, so the change and its record stand or fall together.
 * The table is append-only in the database itself (drizzle/0002_audit_append_only.sql).
 */
import type { Executor } from '../db/client';
import { auditEvents } from '../db/schema';
import type { ListingStatus } from '../../merchants/vocabulary';
import type { AuditAction, AuditReason } from '../../audit/vocabulary';

export interface AuditRecord {
	/** The user who acted; null for the system (e.g. a scheduled job). */
	actorId: string | null;
	/** What happened: one of AUDIT_ACTIONS (each has a label in zh and fr). */
	action: AuditAction;
	merchantId?: number | null;
	/** The account the action was about (invitation, deactivation…). */
	subjectUserId?: string | null;
	fromStatus?: ListingStatus | null;
	toStatus?: ListingStatus | null;
	reasonCode?: AuditReason | null;
	reasonText?: string | null;
	/** The fields that changed, as they were and as they are (no personal data). */
	before?: Record<string, unknown> | null;
	after?: Record<string, unknown> | null;
	at?: Date;
}

export async function recordAudit(tx: Executor, event: AuditRecord): Promise<void> {
	await recordAudits(tx, [event]);
}

/** Several records in one statement (bulk decisions, imports). */
export async function recordAudits(tx: Executor, events: readonly AuditRecord[]): Promise<void> {
	if (events.length === 0) return;
	await tx.insert(auditEvents).values(
		events.map((e) => ({
			actorId: e.actorId,
			action: e.action,
			merchantId: e.merchantId ?? null,
			subjectUserId: e.subjectUserId ?? null,
			fromStatus: e.fromStatus ?? null,
			toStatus: e.toStatus ?? null,
			reasonCode: e.reasonCode ?? null,
			reasonText: e.reasonText ?? null,
			before: e.before ?? null,
			after: e.after ?? null,
			...(e.at ? { createdAt: e.at } : {})
		}))
	);
}

/** The fields of `after` that differ from `before`, each side keeping only those (for diffs). */
export function changedFields(
	before: Record<string, unknown>,
	after: Record<string, unknown>
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
	const b: Record<string, unknown> = {};
	const a: Record<string, unknown> = {};
	for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
		if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
			b[key] = before[key] ?? null;
			a[key] = after[key] ?? null;
		}
	}
	return Object.keys(a).length ? { before: b, after: a } : null;
}
