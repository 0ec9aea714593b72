/**
 * Words for the back-office's codes (listing statuses, audit actions) and the values of a
 * listing's fields, in the page's language.
 */
import * as m from '$lib/paraglide/messages';
import { fieldSpec, type ListingField } from '$lib/applications/fields';
import { isCategory, type ListingStatus, type PaymentMethod } from '$lib/merchants/vocabulary';
import { isDepartement } from '$lib/geo/idf';
import { categoryLabel, departementLabel, paymentLabel } from '$lib/i18n/labels';

const STATUS: Record<ListingStatus, () => string> = {
	draft: m.admin_status_draft,
	pending: m.admin_status_pending,
	changes_requested: m.admin_status_changes_requested,
	approved: m.admin_status_approved,
	rejected: m.admin_status_rejected,
	suspended: m.admin_status_suspended
};
export const statusLabel = (s: ListingStatus): string => STATUS[s]();

const ACTIONS: Record<string, () => string> = {
	submit: m.admin_action_submit,
	approve: m.admin_action_approve,
	reject: m.admin_action_reject,
	request_changes: m.admin_action_request_changes,
	suspend: m.admin_action_suspend,
	reinstate: m.admin_action_reinstate,
	withdraw: m.admin_action_withdraw,
	revision_submit: m.admin_action_revision_submit,
	revision_approve: m.admin_action_revision_approve,
	revision_reject: m.admin_action_revision_reject,
	account_created: m.admin_action_account_created,
	account_deleted: m.admin_action_account_deleted,
	password_changed: m.admin_action_password_changed,
	password_reset: m.admin_action_password_reset,
	import_dry_run: m.admin_action_import_dry_run,
	import_run: m.admin_action_import_run,
	import_create: m.admin_action_import_create,
	import_update: m.admin_action_import_update,
	admin_created: m.admin_action_admin_created,
	official_invited: m.admin_action_official_invited,
	invitation_accepted: m.admin_action_invitation_accepted,
	user_deactivated: m.admin_action_user_deactivated,
	user_reactivated: m.admin_action_user_reactivated
};
/** A known action in words; an unknown one (a newer module's) as its code. */
export const actionLabel = (action: string): string => ACTIONS[action]?.() ?? action;
export const KNOWN_ACTIONS = Object.keys(ACTIONS);

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
