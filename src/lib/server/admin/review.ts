/**
 * What the review queue reads: pending applications and pending revisions, oldest first, and
 * one listing in detail. Decisions go through the listing state machine
 * (src/lib/server/applications/workflow.ts); nothing here writes.
 */
import { and, asc, count, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { auditEvents, imports, merchantRevisions, merchants, users } from '../db/schema';
import { QUEUE_PAGE_SIZE, type QueueFilters } from '../../admin/queue-filters';
import { parseId } from '../../id';
import { LISTING_FIELD_NAMES } from '../../applications/fields';

const DAY_MS = 86_400_000;

function merchantConditions(f: QueueFilters, now: Date, submitted: typeof merchants.submittedAt) {
	const where: SQL[] = [];
	if (f.departement) where.push(eq(merchants.departement, f.departement));
	if (f.category) where.push(eq(merchants.category, f.category));
	if (f.source) where.push(eq(merchants.source, f.source));
	if (f.importId) where.push(eq(merchants.importId, f.importId));
	if (f.minAge) where.push(lte(submitted, new Date(now.getTime() - f.minAge * DAY_MS)));
	return where;
}

/** A queue row's columns, for an application or a revision: submitted when the one or the other was. */
function queueColumns(
	kind: 'application' | 'revision',
	submittedAt: typeof merchants.submittedAt | typeof merchantRevisions.submittedAt
) {
	return {
		merchantId: merchants.id,
		kind: sql<'application' | 'revision'>`${sql.raw(`'${kind}'`)}`.as('kind'),
		tradeNameFr: merchants.tradeNameFr,
		tradeNameZh: merchants.tradeNameZh,
		category: merchants.category,
		departement: merchants.departement,
		communeName: merchants.communeName,
		source: merchants.source,
		importId: merchants.importId,
		siret: merchants.siret,
		submittedAt: sql<Date>`${submittedAt}`.as('submitted_at'),
		verifiedAt: sql<Date | null>`${merchants.verifiedAt}`.as('verified_at'),
		version: merchants.version
	};
}

export async function reviewQueue(db: Executor, f: QueueFilters, now: Date = new Date()) {
	const applications = db
		.select(queueColumns('application', merchants.submittedAt))
		.from(merchants)
		.where(
			and(eq(merchants.status, 'pending'), ...merchantConditions(f, now, merchants.submittedAt))
		);
	const revisions = db
		.select(queueColumns('revision', merchantRevisions.submittedAt))
		.from(merchantRevisions)
		.innerJoin(merchants, eq(merchants.id, merchantRevisions.merchantId))
		.where(
			and(
				eq(merchantRevisions.status, 'pending'),
				eq(merchants.status, 'approved'),
				...merchantConditions(
					f,
					now,
					merchantRevisions.submittedAt as unknown as typeof merchants.submittedAt
				)
			)
		);
	const both =
		f.kind === 'application'
			? applications
			: f.kind === 'revision'
				? revisions
				: unionAll(applications, revisions);
	const all = both.as('queue');
	const [{ n: total }] = await db.select({ n: count() }).from(all);
	const rows = await db
		.select()
		.from(all)
		.orderBy(sql`${all.submittedAt} ASC NULLS FIRST`, asc(all.merchantId))
		.limit(QUEUE_PAGE_SIZE)
		.offset((f.page - 1) * QUEUE_PAGE_SIZE);
	return {
		total,
		pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
		rows: rows.map((r) => ({
			...r,
			submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
			verifiedAt: r.verifiedAt ? new Date(r.verifiedAt) : null
		}))
	};
}
export type QueueRow = Awaited<ReturnType<typeof reviewQueue>>['rows'][number];

/**
 * A listing as the reviewer sees it: its fields, its submitted (pending) revision as a diff —
 * never a draft its merchant is still editing — and its history.
 */
export async function reviewDetail(db: Executor, merchantId: number) {
	const [merchant] = await db.select().from(merchants).where(eq(merchants.id, merchantId));
	if (!merchant) return null;
	const [revision] = await db
		.select()
		.from(merchantRevisions)
		.where(
			and(eq(merchantRevisions.merchantId, merchantId), eq(merchantRevisions.status, 'pending'))
		)
		.orderBy(desc(merchantRevisions.submittedAt))
		.limit(1);
	const changes = (revision?.changes ?? {}) as Record<string, unknown>;
	const diff = revision
		? LISTING_FIELD_NAMES.filter((c) => c in changes).map((c) => ({
				field: c,
				before: merchant[c] as unknown,
				after: changes[c]
			}))
		: [];
	const history = await db
		.select({
			id: auditEvents.id,
			at: auditEvents.createdAt,
			action: auditEvents.action,
			actorEmail: users.email,
			actorRole: users.role,
			fromStatus: auditEvents.fromStatus,
			toStatus: auditEvents.toStatus,
			reasonCode: auditEvents.reasonCode,
			reasonText: auditEvents.reasonText
		})
		.from(auditEvents)
		.leftJoin(users, eq(users.id, auditEvents.actorId))
		.where(eq(auditEvents.merchantId, merchantId))
		.orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
		.limit(30);
	const [owner] = merchant.ownerId
		? await db
				.select({ email: users.email, locale: users.locale })
				.from(users)
				.where(eq(users.id, merchant.ownerId))
		: [];
	const [fromImport] = merchant.importId
		? await db
				.select({ id: imports.id, acquirer: imports.acquirer, filename: imports.filename })
				.from(imports)
				.where(eq(imports.id, merchant.importId))
		: [];
	return {
		merchant,
		// A pending revision was submitted: it has its date.
		revision: revision ? { id: revision.id, submittedAt: revision.submittedAt!, diff } : null,
		history,
		owner: owner ?? null,
		fromImport: fromImport ?? null
	};
}
export type ReviewDetail = NonNullable<Awaited<ReturnType<typeof reviewDetail>>>;

/** The listings a selection in the queue stands for (id and the version the reviewer saw). */
export function parseSelection(
	values: FormDataEntryValue[]
): { merchantId: number; expectedVersion: number }[] {
	const seen = new Set<number>();
	const out: { merchantId: number; expectedVersion: number }[] = [];
	for (const v of values) {
		const match = typeof v === 'string' ? /^(\d+):(\d{1,9})$/.exec(v) : null;
		const merchantId = match && parseId(match[1]);
		if (!match || !merchantId || seen.has(merchantId)) continue;
		seen.add(merchantId);
		out.push({ merchantId, expectedVersion: Number(match[2]) });
	}
	return out.slice(0, 500);
}

/** Names for a bulk decision's report. */
export async function tradeNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({ id: merchants.id, name: merchants.tradeNameFr })
		.from(merchants)
		.where(sql`${merchants.id} = ANY(${sql.raw(`ARRAY[${ids.map(Number).join(',')}]::int[]`)})`)
		.orderBy(asc(merchants.id));
	return new Map(rows.map((r) => [r.id, r.name]));
}
