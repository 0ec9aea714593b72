/**
 * Words for the back-office's codes (listing statuses, audit actions) and the values of a
 * listing's fields, in the page's language.
 */
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { fieldSpec, type ListingField, type Message } from '$lib/applications/fields';
import { isAuditAction, type AuditAction } from '$lib/audit/vocabulary';
import { reviewReasonLabel } from '$lib/i18n/application-labels';
import { isCategory, type ListingStatus, type PaymentMethod } from '$lib/merchants/vocabulary';
import { isDepartement } from '$lib/geo/idf';
import { categoryLabel, departementLabel, paymentLabel } from '$lib/i18n/labels';
import type { VerificationState } from '$lib/merchants/freshness';

const STATUS: Record<ListingStatus, () => string> = {
	draft: m.admin_status_draft,
	pending: m.admin_status_pending,
	changes_requested: m.admin_status_changes_requested,
	approved: m.admin_status_approved,
	rejected: m.admin_status_rejected,
	suspended: m.admin_status_suspended
};
export const statusLabel = (s: ListingStatus): string => STATUS[s]();

const ACTIONS: Record<AuditAction, Message> = {
	create: m.admin_action_create,
	edit: m.admin_action_edit,
	submit: m.admin_action_submit,
	withdraw: m.admin_action_withdraw,
	approve: m.admin_action_approve,
	reject: m.admin_action_reject,
	request_changes: m.admin_action_request_changes,
	suspend: m.admin_action_suspend,
	reinstate: m.admin_action_reinstate,
	reopen: m.admin_action_reopen,
	reapply: m.admin_action_reapply,
	revision_draft: m.admin_action_revision_draft,
	revision_submit: m.admin_action_revision_submit,
	revision_update: m.admin_action_revision_update,
	revision_withdraw: m.admin_action_revision_withdraw,
	revision_approve: m.admin_action_revision_approve,
	revision_reject: m.admin_action_revision_reject,
	report_opened: m.admin_action_report_opened,
	report_confirmed: m.admin_action_report_confirmed,
	report_suspended: m.admin_action_report_suspended,
	report_dismissed: m.admin_action_report_dismissed,
	verify: m.freshness_action_verify,
	reconfirm: m.freshness_action_reconfirm,
	revision_request_changes: m.admin_action_revision_request_changes,
	import_dry_run: m.admin_action_import_dry_run,
	import_run: m.admin_action_import_run,
	import_create: m.admin_action_import_create,
	import_update: m.admin_action_import_update,
	account_created: m.admin_action_account_created,
	account_deleted: m.admin_action_account_deleted,
	password_changed: m.admin_action_password_changed,
	password_reset: m.admin_action_password_reset,
	email_change_requested: m.admin_action_email_change_requested,
	email_changed: m.admin_action_email_changed,
	admin_created: m.admin_action_admin_created,
	official_invited: m.admin_action_official_invited,
	invitation_accepted: m.admin_action_invitation_accepted,
	registration_completed: m.admin_action_registration_completed,
	user_deactivated: m.admin_action_user_deactivated,
	user_reactivated: m.admin_action_user_reactivated,
	target_set: m.admin_action_target_set,
	target_deleted: m.admin_action_target_deleted
};
const opts = (locale?: Locale) => (locale ? { locale } : undefined);

/** An audit action in words; a code the log holds but this version does not know, as "other". */
export function actionLabel(action: string, locale?: Locale): string {
	return (isAuditAction(action) ? ACTIONS[action] : m.admin_action_other)({}, opts(locale));
}

/** Why a listing changed, in words (a reviewer's reason, or its owner's erasure). */
export function auditReasonLabel(code: string, locale?: Locale): string {
	if (code === 'account_deleted') return m.admin_audit_reason_account_deleted({}, opts(locale));
	if (code === 'not_reconfirmed') return m.freshness_reason_not_reconfirmed({}, opts(locale));
	// A review reason; any other code (e.g. 'demo' in demo data) reads as "other".
	return reviewReasonLabel(code, locale);
}

/** A field's value as reviewers read it, by the field's display (LISTING_FIELDS). */
export function fieldValueText(field: ListingField, value: unknown): string {
	if (value === null || value === undefined || value === '') return m.admin_empty_value();
	switch (fieldSpec(field).display) {
		case 'category':
			return isCategory(value) ? categoryLabel(value) : String(value);
		case 'departement':
			return isDepartement(value) ? `${value} · ${departementLabel(value)}` : String(value);
		case 'payment_methods':
			return Array.isArray(value) && value.length
				? value.map((p) => paymentLabel(p as PaymentMethod)).join(', ')
				: m.admin_empty_value();
		case 'yes_no':
			return value ? m.admin_yes() : m.admin_no();
		default:
			return String(value);
	}
}

/** A listing's verification state in the back-office's words (the tourists' pages never show it). */
export function verificationStateLabel(state: VerificationState, locale?: Locale): string {
	const o = locale ? { locale } : undefined;
	return {
		fresh: m.freshness_state_fresh,
		soon_stale: m.freshness_state_soon_stale,
		stale: m.freshness_state_stale,
		lapsed: m.freshness_state_lapsed
	}[state]({}, o);
}
