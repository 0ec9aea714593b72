/**
 * The reviewer's decisions on one listing (routes/admin/merchants/[id]): their names, the form
 * action of each, and those that ask for a confirmation first — the ones the merchant is
 * e-mailed about and that take a listing off the map or refuse it. Shared by the page and its
 * server side.
 */
export const DECISION_ACTIONS = {
	approve: 'approve',
	reject: 'reject',
	request_changes: 'requestChanges',
	reopen: 'reopen',
	suspend: 'suspend',
	reinstate: 'reinstate',
	revision_approve: 'approveRevision',
	revision_reject: 'rejectRevision',
	revision_request_changes: 'requestRevisionChanges',
	// A tourist report's resolution (ReportPanel.svelte), an official's check (VerificationPanel).
	report_confirm: 'confirmReport',
	report_suspend: 'suspendReport',
	report_dismiss: 'dismissReport',
	verify: 'confirmVerified'
} as const;
export type DecisionKind = keyof typeof DECISION_ACTIONS;

/** Decisions posted a first time answer what they will do; a second post with confirm=yes does it. */
export const CONFIRMED_DECISIONS: readonly DecisionKind[] = [
	'reject',
	'suspend',
	'revision_reject',
	'report_suspend'
];
