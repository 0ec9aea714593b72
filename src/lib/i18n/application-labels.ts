/**
 * The applications domain in words: field names, error codes, review reasons, listing statuses
 * and history actions, in the current locale or in the one asked for (e.g. the merchant's own
 * language).
 */
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import {
	APPLICATION_FIELDS,
	fieldSpec,
	isListingField,
	type ApplicationErrorCode,
	type ApplicationErrorKey,
	type ApplicationErrors,
	type ApplicationStep,
	type ListingField
} from '$lib/applications/fields';
import { HOURS_ROWS, type HoursRow } from '$lib/applications/hours-editor';
import type { SummaryItem } from '$lib/forms/error-summary';
import type { ReviewReason } from '$lib/applications/reasons';
import type { ListingStatus } from '$lib/merchants/vocabulary';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const ERRORS: Record<ApplicationErrorCode, Message> = {
	required: m.application_error_required,
	too_long: m.application_error_too_long,
	siret_length: m.application_error_siret_length,
	siret_digits: m.application_error_siret_digits,
	siret_checksum: m.application_error_siret_checksum,
	siret_taken: m.application_error_siret_taken,
	name_zh_no_chinese: m.application_error_name_zh_no_chinese,
	category_invalid: m.application_error_category_invalid,
	postal_code_format: m.application_error_postal_code_format,
	postal_code_not_idf: m.application_error_postal_code_not_idf,
	postal_code_unknown: m.application_error_postal_code_unknown,
	commune_choose: m.application_error_commune_choose,
	phone_invalid: m.application_error_phone_invalid,
	website_invalid: m.application_error_website_invalid,
	position_invalid: m.application_error_position_invalid,
	position_required: m.application_error_position_required,
	position_outside_idf: m.application_error_position_outside_idf,
	hours_time_invalid: m.application_error_hours_time_invalid,
	hours_range_order: m.application_error_hours_range_order,
	hours_overlap: m.application_error_hours_overlap,
	hours_all_closed: m.application_error_hours_all_closed,
	hours_syntax: m.application_error_hours_syntax,
	payment_required: m.application_error_payment_required,
	payment_invalid: m.application_error_payment_invalid,
	payment_no_alipay: m.application_error_payment_no_alipay,
	consent_required: m.application_error_consent_required,
	control_character: m.form_error_control_character
};

const REASONS: Record<ReviewReason, Message> = {
	siret_mismatch: m.application_reason_siret_mismatch,
	address_unverified: m.application_reason_address_unverified,
	not_in_idf: m.application_reason_not_in_idf,
	incomplete_information: m.application_reason_incomplete_information,
	not_accepting_alipay: m.application_reason_not_accepting_alipay,
	duplicate: m.application_reason_duplicate,
	other: m.application_reason_other
};

const STATUSES: Record<ListingStatus, Message> = {
	draft: m.application_status_draft,
	pending: m.application_status_pending,
	changes_requested: m.application_status_changes_requested,
	approved: m.application_status_approved,
	rejected: m.application_status_rejected,
	suspended: m.application_status_suspended
};

const ACTIONS: Record<string, Message> = {
	create: m.application_action_create,
	edit: m.application_action_edit,
	submit: m.application_action_submit,
	withdraw: m.application_action_withdraw,
	approve: m.application_action_approve,
	reject: m.application_action_reject,
	request_changes: m.application_action_request_changes,
	suspend: m.application_action_suspend,
	reinstate: m.application_action_reinstate,
	reopen: m.application_action_reopen,
	reapply: m.application_action_reapply,
	revision_draft: m.application_action_revision_draft,
	revision_submit: m.application_action_revision_submit,
	revision_update: m.application_action_revision_update,
	revision_withdraw: m.application_action_revision_withdraw,
	revision_approve: m.application_action_revision_approve,
	revision_reject: m.application_action_revision_reject,
	verify: m.freshness_history_verify,
	reconfirm: m.freshness_history_reconfirm,
	revision_request_changes: m.application_action_revision_request_changes
};

const opts = (locale?: Locale) => (locale ? { locale } : undefined);

/** A field's name (LISTING_FIELDS' label). */
export function fieldLabel(field: ListingField, locale?: Locale): string {
	return fieldSpec(field).label({}, opts(locale));
}

/** A field's name as the wizard shows it: marked when it may be left empty. */
export function inputLabel(field: ListingField): string {
	const label = fieldLabel(field);
	return fieldSpec(field).required === 'optional' ? m.application_optional({ label }) : label;
}

/**
 * What an error is beside, in words: a field, the position (latitude and longitude together) or
 * a day of the weekly hours (the opening hours).
 */
export function errorKeyLabel(key: string, locale?: Locale): string {
	if (isListingField(key)) return fieldLabel(key, locale);
	if (key === 'position') return m.application_step_position({}, opts(locale));
	if (key.startsWith('hours_')) return fieldLabel('openingHours', locale);
	return key;
}

/** The message to show beside a field, or nothing when the field is fine. */
export function applicationError(code: ApplicationErrorCode | undefined): string | undefined {
	return code && ERRORS[code]?.({}, undefined);
}

/** A review reason's label; an unknown code (e.g. 'demo' in demo data) reads as "other". */
export function reviewReasonLabel(code: string | null, locale?: Locale): string {
	return (REASONS[code as ReviewReason] ?? REASONS.other)({}, opts(locale));
}

export function listingStatusLabel(status: ListingStatus, locale?: Locale): string {
	return STATUSES[status]({}, opts(locale));
}

export function historyActionLabel(action: string, locale?: Locale): string {
	return (ACTIONS[action] ?? m.application_action_other)({}, opts(locale));
}

const STEPS: Record<ApplicationStep, Message> = {
	shop: m.application_step_shop,
	address: m.application_step_address,
	position: m.application_step_position,
	hours: m.application_step_hours,
	payment: m.application_step_payment,
	review: m.application_step_review
};

export function stepLabel(step: ApplicationStep): string {
	return STEPS[step]();
}

const DAYS: Record<HoursRow, Message> = {
	Mo: m.application_day_mo,
	Tu: m.application_day_tu,
	We: m.application_day_we,
	Th: m.application_day_th,
	Fr: m.application_day_fr,
	Sa: m.application_day_sa,
	Su: m.application_day_su,
	PH: m.application_hours_holidays
};

/** A row of the weekly hours: a day's name, or public holidays. */
export function hoursRowLabel(row: HoursRow, locale?: Locale): string {
	return DAYS[row]({}, opts(locale));
}

/** Every error key in the order the wizard's steps show them. */
const ERROR_KEY_ORDER: ApplicationErrorKey[] = APPLICATION_FIELDS.flatMap(
	(f): ApplicationErrorKey[] =>
		f === 'openingHours'
			? [...HOURS_ROWS.map((r) => `hours_${r}` as const), f]
			: f === 'longitude'
				? [f, 'position']
				: [f]
);

/**
 * The error summary of a wizard step: its errors in page order, each linked to where it is
 * fixed (`href`: the control on this page, or another step's page), a day of the hours named.
 */
export function stepSummary(
	errors: ApplicationErrors,
	href: (key: ApplicationErrorKey) => string
): SummaryItem[] {
	return ERROR_KEY_ORDER.flatMap((key) => {
		const message = applicationError(errors[key]);
		if (!message) return [];
		const label = key.startsWith('hours_')
			? m.application_summary_hours_row({
					hours: fieldLabel('openingHours'),
					day: hoursRowLabel(key.slice(6) as HoursRow)
				})
			: errorKeyLabel(key);
		return [{ href: href(key), label, message }];
	});
}
