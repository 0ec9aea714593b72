/**
 * What the audit log records (audit_events.action and reason_code), as closed lists: every
 * action and reason has a label in zh and fr ($lib/admin/labels), so the back-office never
 * shows a code. Shared by the server (recordAudit takes only these) and the browser.
 */
import { REVIEW_REASONS } from '../applications/reasons';
import { oneOf } from '../vocabulary';

export const AUDIT_ACTIONS = [
	// A listing, through its state machine (src/lib/server/applications).
	'create',
	'edit',
	'submit',
	'withdraw',
	'approve',
	'reject',
	'request_changes',
	'suspend',
	'reinstate',
	'reopen',
	'reapply',
	'revision_draft',
	'revision_submit',
	'revision_update',
	'revision_withdraw',
	'revision_approve',
	'revision_reject',
	// Tourists' reports (applications/reports.ts): the listing sent to the officials' queue, then
	// the official's resolution.
	'report_opened',
	'report_confirmed',
	'report_suspended',
	'report_dismissed',
	// Verification (issue 12): an official's check, the merchant's yearly reconfirmation.
	'verify',
	'reconfirm',
	'revision_request_changes',
	// Acquirers' imports.
	'import_dry_run',
	'import_run',
	'import_create',
	'import_update',
	// Accounts.
	'account_created',
	'account_deleted',
	'password_changed',
	'password_reset',
	'email_change_requested',
	'email_changed',
	'admin_created',
	'official_invited',
	'invitation_accepted',
	'registration_completed',
	'user_deactivated',
	'user_reactivated',
	// Partnership targets (metrics).
	'target_set',
	'target_deleted'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = oneOf(AUDIT_ACTIONS);

/**
 * Why a listing changed: a reviewer's reason, its owner erasing their account, or 18 months
 * without reconfirmation (the daily freshness job).
 */
export const AUDIT_REASONS = [...REVIEW_REASONS, 'account_deleted', 'not_reconfirmed'] as const;
export type AuditReason = (typeof AUDIT_REASONS)[number];
