/** Reading the audit log for the back-office: filtered, newest first, a page at a time. */
import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { auditEvents, merchants, users } from '../db/schema';
import { AUDIT_PAGE_SIZE, type AuditFilters } from '../../admin/audit-filters';
import { normalizeSiret } from '../../merchants/siret';
import { withoutControlCharacters } from '../../forms/text';

const actor = alias(users, 'actor');
const subject = alias(users, 'subject');

/**
 * `%term%` for ILIKE, with the user's % and _ taken literally. A control character (which no
 * stored text holds, and which PostgreSQL refuses in a parameter when it is U+0000) becomes
 * U+FFFD: the search finds nothing instead of failing.
 */
export function containing(term: string): string {
	return `%${withoutControlCharacters(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(f: AuditFilters): SQL[] {
	const where: SQL[] = [];
	if (f.actor) {
		where.push(
			or(ilike(actor.email, containing(f.actor)), ilike(actor.displayName, containing(f.actor)))!
		);
	}
	if (f.action) where.push(eq(auditEvents.action, f.action));
	if (f.merchant) {
		const digits = normalizeSiret(f.merchant);
		if (/^\d{14}$/.test(digits)) where.push(eq(merchants.siret, digits));
		else if (/^\d{1,9}$/.test(digits)) where.push(eq(auditEvents.merchantId, Number(digits)));
		else where.push(ilike(merchants.tradeNameFr, containing(f.merchant)));
	}
	if (f.from) {
		where.push(
			sql`${auditEvents.createdAt} >= (${f.from}::date::timestamp AT TIME ZONE 'Europe/Paris')`
		);
	}
	if (f.to) {
		where.push(
			sql`${auditEvents.createdAt} < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')`
		);
	}
	return where;
}

export async function auditLogPage(db: Executor, f: AuditFilters) {
	const where = and(...conditions(f));
	const base = () =>
		db
			.select({ n: count() })
			.from(auditEvents)
			.leftJoin(actor, eq(actor.id, auditEvents.actorId))
			.leftJoin(merchants, eq(merchants.id, auditEvents.merchantId));
	const [{ n: total }] = await base().where(where);
	const rows = await db
		.select({
			id: auditEvents.id,
			at: auditEvents.createdAt,
			action: auditEvents.action,
			actorEmail: actor.email,
			actorName: actor.displayName,
			actorRole: actor.role,
			merchantId: auditEvents.merchantId,
			merchantName: merchants.tradeNameFr,
			subjectEmail: subject.email,
			fromStatus: auditEvents.fromStatus,
			toStatus: auditEvents.toStatus,
			reasonCode: auditEvents.reasonCode,
			reasonText: auditEvents.reasonText,
			before: auditEvents.before,
			after: auditEvents.after
		})
		.from(auditEvents)
		.leftJoin(actor, eq(actor.id, auditEvents.actorId))
		.leftJoin(subject, eq(subject.id, auditEvents.subjectUserId))
		.leftJoin(merchants, eq(merchants.id, auditEvents.merchantId))
		.where(where)
		.orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
		.limit(AUDIT_PAGE_SIZE)
		.offset((f.page - 1) * AUDIT_PAGE_SIZE);
	return {
		total,
		pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
		rows: rows.map((r) => ({
			...r,
			before: r.before as Record<string, unknown> | null,
			after: r.after as Record<string, unknown> | null
		}))
	};
}
export type AuditLogPage = Awaited<ReturnType<typeof auditLogPage>>;

/** The actions present in the log, for the filter's choices. */
export async function auditActions(db: Executor): Promise<string[]> {
	const rows = await db
		.selectDistinct({ action: auditEvents.action })
		.from(auditEvents)
		.orderBy(auditEvents.action);
	return rows.map((r) => r.action);
}
