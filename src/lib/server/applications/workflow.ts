/**
 * The listing state machine: the life of an application for a listing, and of the revisions of
 * an approved listing. Every change of a listing goes through it.
 *
 *   merchant:  saveDraft (create / edit)      draft | changes_requested | pending: edits the row
 *                                              approved: edits its open revision instead (a draft;
 *                                              a pending revision edited goes back to draft)
 *              submit                          draft | changes_requested → pending
 *              withdraw                        pending → draft
 *              reapply                         rejected → draft (a new application, same fields)
 *              submitRevision                  draft | changes_requested revision → pending
 *              withdrawRevision                open revision → withdrawn
 *   reviewer:  approve, bulkApprove            pending → approved
 *              reject (reason)                 pending → rejected
 *              requestChanges (reason)         pending → changes_requested
 *              reopen (reason)                 rejected | changes_requested → pending
 *              suspend (reason)                approved → suspended
 *              reinstate                       suspended → approved
 *              resolveReport                   an open tourist report: confirm (verified now),
 *                                              suspend (reason), dismiss
 *   tourists:  openReport                      reports past the threshold → the reported queue
 *              approveRevision                 applies the pending revision to the approved listing
 *              rejectRevision (reason)         pending revision → rejected
 *              requestRevisionChanges (reason) pending revision → changes_requested
 *              confirmVerified                 approved | suspended (lapsed) → approved, verified today
 *   owner:     reconfirmByLink (e-mailed)      the same, without signing in (verification.ts)
 *              reconfirmByOwner                the same, signed in, from the dashboard
 *   jobs:      remindDue, lapseDue             11 months after verification the owner is asked;
 *                                              18 months after, approved → suspended (lapsed)
 *   erasure:   unpublishOwnListings            approved → suspended, pending | changes_requested
 *                                              → draft, open revision → withdrawn
 *   import:    importListings                  new SIRET → pending (source import); an imported
 *                                              listing's fields updated as its file changes them
 *
 * Each call is one transaction that locks the listing row, writes one audit_events row with the
 * status and fields before and after, and bumps merchants.version. Reviewer calls pass the
 * version they saw (`expectedVersion`): when the listing changed since, nothing is written and
 * the answer is { ok: false, reason: 'stale' }. A merchant only ever reaches their own listings;
 * another's is answered 'not_found', exactly as a listing that does not exist.
 *
 * The state machine's parts: transitions.ts (results, locks, guards, status moves and their
 * audit rows), drafts.ts (the merchant's application), decisions.ts (the reviewer's decisions),
 * revisions.ts (changes to an approved listing), verification.ts (last verified: an official's
 * check, the owner's yearly reconfirmation and its daily jobs), reports.ts (the reported queue),
 * erasure.ts and imported.ts (which run inside the erasure's and the import batch's own
 * transactions). The reviewer's decisions are e-mailed to the listing's owner (notices.ts);
 * the ways back from each decision are drawn in docs/architecture.md. Callers import them from here; nothing else writes the merchants,
 * merchant_revisions and listing_reports tables (the demo seed aside).
 */
export type {
	Actor,
	Decision,
	ReasonedDecision,
	WorkflowFailure,
	WorkflowResult,
	WorkflowSuccess
} from './transitions';
export { applicationOf, reasonOf } from './transitions';
export { reapply, saveDraft, submit, withdraw } from './drafts';
export {
	approve,
	bulkApprove,
	reinstate,
	reject,
	reopen,
	requestChanges,
	suspend
} from './decisions';
export {
	approveRevision,
	rejectRevision,
	requestRevisionChanges,
	submitRevision,
	withdrawRevision
} from './revisions';
export { openReport, resolveReport, type ReportAction } from './reports';
export { unpublishOwnListings } from './erasure';
export {
	confirmVerified,
	lapseDue,
	reconfirmByLink,
	reconfirmByOwner,
	reconfirmationListing,
	remindDue
} from './verification';
export {
	IMPORTED_FIELDS,
	changedColumns,
	importListings,
	listingsBySiret,
	type ImportRow,
	type ImportValues,
	type ImportedListing
} from './imported';
