import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { reviewDetail } from '$lib/server/admin/review';
import {
	approve,
	approveRevision,
	confirmVerified,
	reinstate,
	reject,
	rejectRevision,
	requestChanges,
	resolveReport,
	suspend,
	type WorkflowResult
} from '$lib/server/applications/workflow';
import { openReportOf } from '$lib/server/admin/reports';
import { getDb } from '$lib/server/db';
import { textField } from '$lib/server/forms';
import { REVIEW_REASONS, type ReviewReason } from '$lib/applications/reasons';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const db = await getDb();
	const detail = await reviewDetail(db, Number(event.params.id));
	if (!detail) error(404);
	return { ...detail, report: await openReportOf(db, detail.merchant.id), reasons: REVIEW_REASONS };
};

type Kind =
	| 'approve'
	| 'reject'
	| 'request_changes'
	| 'suspend'
	| 'reinstate'
	| 'revision_approve'
	| 'revision_reject'
	| 'report_confirm'
	| 'report_suspend'
	| 'report_dismiss'
	| 'verify';

/** Every decision: the role checked, the version the reviewer saw, the state machine's answer. */
async function decide(event: RequestEvent<{ id: string }>, kind: Kind) {
	const user = requireStaff(event);
	const id = Number(event.params.id);
	const data = await event.request.formData();
	const expectedVersion = Number(textField(data, 'version'));
	const reasonCode = textField(data, 'reasonCode') as ReviewReason;
	const reasonText = textField(data, 'reasonText');
	const db = await getDb();
	const base = { merchantId: id, expectedVersion };
	const reasoned = { ...base, reasonCode, reasonText };
	let result: WorkflowResult;
	switch (kind) {
		case 'approve':
			result = await approve(db, user, base);
			break;
		case 'reject':
			result = await reject(db, user, reasoned);
			break;
		case 'request_changes':
			result = await requestChanges(db, user, reasoned);
			break;
		case 'suspend':
			result = await suspend(db, user, reasoned);
			break;
		case 'reinstate':
			result = await reinstate(db, user, base);
			break;
		case 'revision_approve':
			result = await approveRevision(db, user, base);
			break;
		case 'revision_reject':
			result = await rejectRevision(db, user, reasoned);
			break;
		case 'report_confirm':
			result = await resolveReport(db, user, { ...base, action: 'confirm' });
			break;
		case 'report_suspend':
			result = await resolveReport(db, user, { ...reasoned, action: 'suspend' });
			break;
		case 'report_dismiss':
			result = await resolveReport(db, user, { ...base, action: 'dismiss' });
			break;
		case 'verify':
			result = await confirmVerified(db, user, base);
			break;
	}
	if (result.ok) return { done: kind };
	if (result.reason === 'not_found') error(404);
	if (result.reason === 'forbidden') error(403);
	const values = { reasonCode, reasonText };
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

export const actions: Actions = {
	approve: (event) => decide(event, 'approve'),
	reject: (event) => decide(event, 'reject'),
	requestChanges: (event) => decide(event, 'request_changes'),
	suspend: (event) => decide(event, 'suspend'),
	reinstate: (event) => decide(event, 'reinstate'),
	approveRevision: (event) => decide(event, 'revision_approve'),
	rejectRevision: (event) => decide(event, 'revision_reject'),
	confirmReport: (event) => decide(event, 'report_confirm'),
	suspendReport: (event) => decide(event, 'report_suspend'),
	dismissReport: (event) => decide(event, 'report_dismiss'),
	confirmVerified: (event) => decide(event, 'verify')
};
