/**
 * What the state machine tells a merchant by e-mail when a reviewer decides: an application
 * approved (with the link to its public page), rejected, returned for changes or reopened (with
 * the reviewer's reason), a listing suspended or reinstated, a proposed change approved, refused
 * or returned for changes (tourists' reports and the yearly reconfirmation are mailed by
 * verification.ts, with their single-use links). Queued in the decision's own
 * transaction through the outbox, in the owner's language, once per decision (the key names the
 * listing and its new version). Listings without an owner (from an acquirer's file) get none.
 */
import { eq } from 'drizzle-orm';
import * as m from '$lib/paraglide/messages';
import type { Executor } from '../db/client';
import { users, type Merchant } from '../db/schema';
import { queueMail, type MailKind } from '../mail/outbox';
import { siteLink } from '../mail/links';
import { merchantPath } from '../../merchants/slug';
import { reviewReasonLabel } from '../../i18n/application-labels';

export type DecisionNotice =
	| 'application_approved'
	| 'application_rejected'
	| 'application_changes_requested'
	| 'application_reopened'
	| 'listing_suspended'
	| 'listing_reinstated'
	| 'revision_approved'
	| 'revision_rejected'
	| 'revision_changes_requested';

const TEMPLATES: Record<
	DecisionNotice,
	{
		subject: (i: { shop: string }, o: { locale: 'zh' | 'fr' }) => string;
		body: (i: { shop: string; link: string; reason: string }, o: { locale: 'zh' | 'fr' }) => string;
	}
> = {
	application_approved: {
		subject: m.notice_application_approved_subject,
		body: m.notice_application_approved_body
	},
	application_rejected: {
		subject: m.notice_application_rejected_subject,
		body: m.notice_application_rejected_body
	},
	application_changes_requested: {
		subject: m.notice_application_changes_requested_subject,
		body: m.notice_application_changes_requested_body
	},
	application_reopened: {
		subject: m.notice_application_reopened_subject,
		body: m.notice_application_reopened_body
	},
	listing_suspended: {
		subject: m.notice_listing_suspended_subject,
		body: m.notice_listing_suspended_body
	},
	listing_reinstated: {
		subject: m.notice_listing_reinstated_subject,
		body: m.notice_listing_reinstated_body
	},
	revision_approved: {
		subject: m.notice_revision_approved_subject,
		body: m.notice_revision_approved_body
	},
	revision_rejected: {
		subject: m.notice_revision_rejected_subject,
		body: m.notice_revision_rejected_body
	},
	revision_changes_requested: {
		subject: m.notice_revision_changes_requested_subject,
		body: m.notice_revision_changes_requested_body
	}
};

/** The notices whose link is the listing's public page (else the merchant's space). */
const ON_THE_MAP: readonly DecisionNotice[] = [
	'application_approved',
	'revision_approved',
	'listing_reinstated'
];

/** Queues the e-mail of a decision on `listing` (as it is after the decision). */
export async function noticeMerchant(
	tx: Executor,
	notice: DecisionNotice,
	listing: Pick<Merchant, 'id' | 'ownerId' | 'tradeNameFr' | 'tradeNameZh' | 'version'>,
	reason?: { reasonCode?: string | null; reasonText?: string | null } | null
): Promise<void> {
	if (!listing.ownerId) return;
	const [owner] = await tx
		.select({ email: users.email, locale: users.locale, deletedAt: users.deletedAt })
		.from(users)
		.where(eq(users.id, listing.ownerId));
	if (!owner || owner.deletedAt) return;
	const locale = owner.locale;
	const shop = (locale === 'zh' && listing.tradeNameZh) || listing.tradeNameFr;
	const link = ON_THE_MAP.includes(notice)
		? siteLink(merchantPath(listing.id, listing.tradeNameFr), locale)
		: siteLink('/merchant', locale);
	const reasonWords = reason?.reasonCode
		? [reviewReasonLabel(reason.reasonCode, locale), reason.reasonText].filter(Boolean).join(' — ')
		: '';
	const template = TEMPLATES[notice];
	await queueMail(tx, {
		kind: notice satisfies MailKind,
		key: `${notice}:${listing.id}:${listing.version}`,
		to: owner.email,
		locale,
		subject: template.subject({ shop }, { locale }),
		text: template.body({ shop, link, reason: reasonWords }, { locale })
	});
}
