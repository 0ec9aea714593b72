/**
 * Verification, the listing state machine's part for "last verified" (issue 12; see workflow.ts
 * and $lib/merchants/freshness):
 *
 *   official:  confirmVerified            approved → approved, verified today
 *                                         suspended (lapsed) → approved, verified today
 *   merchant:  reconfirmByLink (e-mailed  same, by the listing's owner, without signing in
 *              single-use link)
 *              reconfirmByOwner           same, signed in, from their dashboard
 *   jobs:      remindDue                  approved, verified ≥ 11 months ago, not yet asked:
 *                                         asked (merchants.reminded_at), owner e-mailed a link
 *              lapseDue                   approved, verified ≥ 18 months ago and asked ≥ 30 days
 *                                         ago → suspended (lapsed_at, reason not_reconfirmed),
 *                                         owner e-mailed a link that brings it back
 *
 * Verifying clears reminded_at and lapsed_at and uses up the listing's links. A suspension by a
 * reviewer (lapsed_at null) is not lifted by a reconfirmation: only a reviewer reinstates it.
 * Nor does the owner's reconfirmation close an open tourist report: it dates the listing, and
 * an official resolves the report (reports.ts), seeing that the owner confirmed since.
 */
import { and, asc, eq, gt, isNull, lte, sql, type SQL } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { Database, Executor } from '../db/client';
import { merchants, reconfirmationTokens, users, type Merchant } from '../db/schema';
import { queueMail } from '../mail/outbox';
import { siteLink } from '../mail/links';
import { invalidateListings } from '../merchants/listing-index';
import { generateSessionToken, sessionIdOf } from '../auth/session';
import {
	addMonths,
	LAPSE_AFTER_MONTHS,
	LAPSE_NOTICE_DAYS,
	REMIND_AFTER_MONTHS,
	STALE_AFTER_MONTHS
} from '../../merchants/freshness';
import { formatDate, formatNumber, parisIsoDate } from '../../i18n/format';
import type { ReportCounts } from '../../reports/vocabulary';
import type { AuditAction } from '../../audit/vocabulary';
import {
	decide,
	inTransaction,
	lockListing,
	move,
	ownerAction,
	type Actor,
	type Decision,
	type WorkflowResult
} from './transitions';

const DAY_MS = 86_400_000;
/** An e-mailed link works this long (or until the listing is verified another way). */
export const RECONFIRMATION_LINK_LIFETIME_MS = 90 * DAY_MS;

/** May be verified: public, or off the map for want of reconfirmation only. */
const verifiable = (row: Pick<Merchant, 'status' | 'lapsedAt'>) =>
	row.status === 'approved' || (row.status === 'suspended' && row.lapsedAt !== null);

/**
 * Marks the listing verified at `now` (back on the map if it had lapsed), audited as `action`: an
 * official's check, the owner's reconfirmation, or an official confirming a tourist report.
 */
export async function verify(
	tx: Executor,
	actor: { id: string | null },
	row: Merchant,
	action: Extract<AuditAction, 'verify' | 'reconfirm' | 'report_confirmed'>,
	now: Date
): Promise<WorkflowResult> {
	await tx
		.update(reconfirmationTokens)
		.set({ usedAt: now })
		.where(and(eq(reconfirmationTokens.merchantId, row.id), isNull(reconfirmationTokens.usedAt)));
	return move(tx, actor, row, {
		action,
		to: 'approved',
		set: {
			verifiedAt: now,
			remindedAt: null,
			lapsedAt: null,
			...(row.status === 'approved' ? {} : { decidedAt: now })
		},
		before: { status: row.status, version: row.version, verifiedAt: row.verifiedAt },
		after: { status: 'approved', version: row.version + 1, verifiedAt: now },
		at: now
	});
}

/** An official checked the listing (a call, a visit): verified today. */
export async function confirmVerified(
	db: Database,
	actor: Actor,
	decision: Decision,
	now: Date = new Date()
): Promise<WorkflowResult> {
	return decide(db, actor, decision, ['approved', 'suspended'], async (tx, row) => {
		if (!verifiable(row)) return { ok: false, reason: 'invalid_transition', status: row.status };
		return verify(tx, actor, row, 'verify', now);
	});
}

/** What the reconfirmation page shows about the listing a live link is for, or null. */
export async function reconfirmationListing(db: Executor, token: string, now: Date = new Date()) {
	const [row] = await db
		.select({
			id: merchants.id,
			status: merchants.status,
			lapsedAt: merchants.lapsedAt,
			ownerId: merchants.ownerId,
			tradeNameFr: merchants.tradeNameFr,
			tradeNameZh: merchants.tradeNameZh,
			address: merchants.address,
			postalCode: merchants.postalCode,
			communeName: merchants.communeName,
			paymentMethods: merchants.paymentMethods,
			verifiedAt: merchants.verifiedAt
		})
		.from(reconfirmationTokens)
		.innerJoin(merchants, eq(merchants.id, reconfirmationTokens.merchantId))
		.where(liveLink(token, now));
	if (!row || !verifiable(row)) return null;
	return { ...row, lapsed: row.status === 'suspended' };
}

const liveLink = (token: string, now: Date) =>
	and(
		eq(reconfirmationTokens.id, sessionIdOf(token)),
		isNull(reconfirmationTokens.usedAt),
		gt(reconfirmationTokens.expiresAt, now)
	);

/**
 * "Still accepting Alipay": the owner confirms from the e-mailed link, without signing in. The
 * link is used up; an unknown, used or expired link (or a listing no longer verifiable) changes
 * nothing and answers 'not_found'.
 */
export async function reconfirmByLink(
	db: Database,
	token: string,
	now: Date = new Date()
): Promise<WorkflowResult> {
	const result = await inTransaction(db, async (tx) => {
		const [link] = await tx
			.select({ merchantId: reconfirmationTokens.merchantId })
			.from(reconfirmationTokens)
			.where(liveLink(token, now))
			.for('update');
		if (!link) return { ok: false, reason: 'not_found' };
		const row = await lockListing(tx, link.merchantId);
		if (!row || !row.ownerId || !verifiable(row)) return { ok: false, reason: 'not_found' };
		return verify(tx, { id: row.ownerId }, row, 'reconfirm', now);
	});
	if (result.ok) invalidateListings();
	return result;
}

/** "Still accepting Alipay", from the owner's dashboard (signed in): verified now. */
export async function reconfirmByOwner(
	db: Database,
	actor: Actor,
	merchantId: number,
	now: Date = new Date()
): Promise<WorkflowResult> {
	const result = await ownerAction(db, actor, merchantId, null, async (tx, row) =>
		verifiable(row)
			? verify(tx, actor, row, 'reconfirm', now)
			: { ok: false, reason: 'invalid_transition', status: row.status }
	);
	if (result.ok) invalidateListings();
	return result;
}

/**
 * In SQL: the listing's verified day in Paris, plus `months`, is `today` or earlier (the rule
 * of $lib/merchants/freshness; `column`: the verified_at expression, e.g. `m.verified_at`).
 */
export const verifiedMonthsAgo = (
	months: number,
	today: string | SQL,
	column: SQL | typeof merchants.verifiedAt = merchants.verifiedAt
) =>
	sql`((${column} AT TIME ZONE 'Europe/Paris')::date + ${sql.raw(`interval '${months} months'`)})::date <= ${typeof today === 'string' ? sql`${today}::date` : today}`;

/**
 * Called after each listing of a daily step (its transaction committed): the job keeps its lease
 * there, or stops (throwing) when its runner is stopping or lost the job.
 */
type Step = () => Promise<void>;

/** The ids of the approved listings a daily step applies to, oldest verification first. */
async function approvedWhere(db: Executor, ...conditions: ReturnType<typeof sql>[]) {
	const rows = await db
		.select({ id: merchants.id })
		.from(merchants)
		.where(and(eq(merchants.status, 'approved'), ...conditions))
		.orderBy(asc(merchants.verifiedAt), asc(merchants.id));
	return rows.map((r) => r.id);
}

/**
 * Daily: asks the owners of listings verified 11 months ago or more (and not asked yet) to
 * reconfirm. A listing without an owner (from an acquirer's file) is marked asked too: it is in
 * the officials' queue. Returns how many were asked.
 */
export async function remindDue(
	db: Database,
	now: Date = new Date(),
	afterEach: Step = async () => {}
): Promise<number> {
	const today = parisIsoDate(now);
	let asked = 0;
	for (const id of await approvedWhere(
		db,
		isNull(merchants.remindedAt),
		verifiedMonthsAgo(REMIND_AFTER_MONTHS, today)
	)) {
		await db.transaction(async (tx) => {
			const row = await lockListing(tx, id);
			if (!row || row.status !== 'approved' || row.remindedAt || !row.verifiedAt) return;
			if (addMonths(parisIsoDate(row.verifiedAt), REMIND_AFTER_MONTHS) > today) return;
			await tx.update(merchants).set({ remindedAt: now }).where(eq(merchants.id, id));
			await mailReconfirmationLink(tx, row, { kind: 'reconfirmation_reminder' }, now);
			asked++;
		});
		await afterEach();
	}
	return asked;
}

/**
 * Daily: listings verified 18 months ago or more leave the map (suspended, lapsed_at set, reason
 * not_reconfirmed), never less than LAPSE_NOTICE_DAYS after their owner was asked; the owner is
 * e-mailed a link that brings the listing back. Returns how many left the map.
 */
export async function lapseDue(
	db: Database,
	now: Date = new Date(),
	afterEach: Step = async () => {}
): Promise<number> {
	const today = parisIsoDate(now);
	const noticeGiven = new Date(now.getTime() - LAPSE_NOTICE_DAYS * DAY_MS);
	let lapsed = 0;
	for (const id of await approvedWhere(
		db,
		lte(merchants.remindedAt, noticeGiven),
		verifiedMonthsAgo(LAPSE_AFTER_MONTHS, today)
	)) {
		await db.transaction(async (tx) => {
			const row = await lockListing(tx, id);
			if (!row || row.status !== 'approved' || !row.verifiedAt || !row.remindedAt) return;
			if (addMonths(parisIsoDate(row.verifiedAt), LAPSE_AFTER_MONTHS) > today) return;
			if (row.remindedAt > noticeGiven) return;
			await move(tx, { id: null }, row, {
				action: 'suspend',
				to: 'suspended',
				set: { decidedAt: now, lapsedAt: now },
				reasonCode: 'not_reconfirmed',
				at: now
			});
			await mailReconfirmationLink(
				tx,
				{ ...row, version: row.version + 1 },
				{ kind: 'listing_lapsed' },
				now
			);
			lapsed++;
		});
		await afterEach();
	}
	if (lapsed) invalidateListings();
	return lapsed;
}

/** Why the owner is asked to confirm: the yearly reminder, a lapse, tourists' reports. */
export type ReconfirmationMail =
	| { kind: 'reconfirmation_reminder' }
	| { kind: 'listing_lapsed' }
	| { kind: 'listing_reported'; counts: ReportCounts };

/**
 * E-mails the listing's owner, in their language, a new single-use link that confirms it (the
 * previous ones stop working) and the link to edit it: the yearly reminder, the lapse, and
 * tourists' reports past the threshold (with their counts). No owner, or an erased one: nothing.
 */
export async function mailReconfirmationLink(
	tx: Executor,
	row: Merchant,
	mail: ReconfirmationMail,
	now: Date
): Promise<void> {
	if (!row.ownerId) return;
	const [owner] = await tx
		.select({ email: users.email, locale: users.locale, deletedAt: users.deletedAt })
		.from(users)
		.where(and(eq(users.id, row.ownerId), eq(users.active, true)));
	if (!owner || owner.deletedAt) return;
	await tx
		.update(reconfirmationTokens)
		.set({ usedAt: now })
		.where(and(eq(reconfirmationTokens.merchantId, row.id), isNull(reconfirmationTokens.usedAt)));
	const token = generateSessionToken();
	await tx.insert(reconfirmationTokens).values({
		id: sessionIdOf(token),
		merchantId: row.id,
		expiresAt: new Date(now.getTime() + RECONFIRMATION_LINK_LIFETIME_MS),
		createdAt: now
	});
	const locale = owner.locale;
	const shop = (locale === 'zh' && row.tradeNameZh) || row.tradeNameFr;
	const links = {
		shop,
		confirm: siteLink(`/reconfirm/${token}`, locale),
		edit: siteLink(`/merchant/shops/${row.id}/shop`, locale)
	};
	const o = { locale };
	if (mail.kind === 'listing_reported') {
		const counts = {
			notAccepted: formatNumber(mail.counts.notAccepted, locale),
			closed: formatNumber(mail.counts.closed, locale)
		};
		await queueMail(tx, {
			kind: mail.kind,
			// One per report opened: resolving it bumps the listing's version.
			key: `${mail.kind}:${row.id}:${row.version}`,
			to: owner.email,
			locale,
			subject: m.notice_listing_reported_subject({ shop }, o),
			text: m.notice_listing_reported_body({ ...links, ...counts }, o)
		});
		return;
	}
	if (!row.verifiedAt) return;
	const verifiedDay = parisIsoDate(row.verifiedAt);
	const day = (iso: string) =>
		formatDate(new Date(`${iso}T12:00:00Z`), locale, { dateStyle: 'long' });
	const words = {
		...links,
		verified: day(verifiedDay),
		stale: day(addMonths(verifiedDay, STALE_AFTER_MONTHS)),
		lapse: day(addMonths(verifiedDay, LAPSE_AFTER_MONTHS))
	};
	const [subject, body] =
		mail.kind === 'reconfirmation_reminder'
			? [m.freshness_mail_reminder_subject, m.freshness_mail_reminder_body]
			: [m.freshness_mail_lapsed_subject, m.freshness_mail_lapsed_body];
	await queueMail(tx, {
		kind: mail.kind,
		// One per verification asked about (reminder), one per lapse (the listing's new version).
		key:
			mail.kind === 'reconfirmation_reminder'
				? `${mail.kind}:${row.id}:${verifiedDay}`
				: `${mail.kind}:${row.id}:${row.version}`,
		to: owner.email,
		locale,
		subject: subject({ shop }, o),
		text: body(words, o)
	});
}
