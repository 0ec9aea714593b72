import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { reviewDetail } from '$lib/server/admin/review';
import {
	approve,
	approveRevision,
	confirmVerified,
	reasonOf,
	reinstate,
	reject,
	rejectRevision,
	reopen,
	requestChanges,
	requestRevisionChanges,
	resolveReport,
	suspend,
	type ReasonedDecision,
	type WorkflowResult
} from '$lib/server/applications/workflow';
import { openReportOf } from '$lib/server/admin/reports';
import { getDb } from '$lib/server/db';
import { readForm, textField } from '$lib/server/forms';
import { REVIEW_REASONS, type ReviewReason } from '$lib/applications/reasons';
import { CONFIRMED_DECISIONS, DECISION_ACTIONS, type DecisionKind } from '$lib/admin/decisions';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const db = await getDb();
	const detail = await reviewDetail(db, Number(event.params.id));
	if (!detail) error(404);
	return { ...detail, report: await openReportOf(db, detail.merchant.id), reasons: REVIEW_REASONS };
};

type Run = (
	db: Awaited<ReturnType<typeof getDb>>,
	user: ReturnType<typeof requireStaff>,
	decision: ReasonedDecision
) => Promise<WorkflowResult>;

/** Each decision of this page and the state machine's call that makes it. */
const DECISIONS: Record<DecisionKind, Run> = {
	approve,
	reject,
	request_changes: requestChanges,
	reopen,
	suspend,
	reinstate,
	revision_approve: approveRevision,
	revision_reject: rejectRevision,
	revision_request_changes: requestRevisionChanges,
	report_confirm: (db, user, d) => resolveReport(db, user, { ...d, action: 'confirm' }),
	report_suspend: (db, user, d) => resolveReport(db, user, { ...d, action: 'suspend' }),
	report_dismiss: (db, user, d) => resolveReport(db, user, { ...d, action: 'dismiss' }),
	verify: confirmVerified
};

/**
 * Every decision: the role checked, the version the reviewer saw, the state machine's answer.
 * A decision that asks for confirmation (CONFIRMED_DECISIONS) first answers with what it will do,
 * once its reason is right; the confirmation posts it again with `confirm=yes`.
 */
async function decide(event: RequestEvent<{ id: string }>, kind: DecisionKind) {
	const user = requireStaff(event);
	const id = Number(event.params.id);
	const data = await readForm(event);
	const expectedVersion = Number(textField(data, 'version'));
	const reasonCode = textField(data, 'reasonCode') as ReviewReason;
	const reasonText = textField(data, 'reasonText');
	const values = { reasonCode, reasonText };
	const decision = { merchantId: id, expectedVersion, reasonCode, reasonText };
	if (CONFIRMED_DECISIONS.includes(kind) && textField(data, 'confirm') !== 'yes') {
		const reason = reasonOf(decision);
		if (typeof reason === 'string') return fail(400, { kind, refusal: reason, values });
		return { confirm: { kind, version: expectedVersion, values } };
	}
	const result = await DECISIONS[kind](await getDb(), user, decision);
	if (result.ok) return { done: kind };
	if (result.reason === 'not_found') error(404);
	if (result.reason === 'forbidden') error(403);
	switch (result.reason) {
		case 'reason_required':
		case 'reason_invalid':
			return fail(400, { kind, refusal: result.reason, values });
		case 'stale':
			return fail(409, { kind, refusal: 'stale' as const, status: result.status, values });
		case 'invalid_transition':
			return fail(409, {
				kind,
				refusal: 'invalid_transition' as const,
				status: result.status,
				values
			});
		case 'invalid':
			return fail(400, {
				kind,
				refusal: 'invalid' as const,
				fields: Object.keys(result.errors),
				values
			});
		case 'no_revision':
		case 'no_report':
			return fail(409, { kind, refusal: result.reason, values });
	}
}

export const actions: Actions = Object.fromEntries(
	Object.entries(DECISION_ACTIONS).map(([kind, action]) => [
		action,
		(event: RequestEvent<{ id: string }>) => decide(event, kind as DecisionKind)
	])
);
