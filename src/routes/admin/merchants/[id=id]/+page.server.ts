import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { reviewDetail } from '$lib/server/admin/review';
import {
	approve,
	approveRevision,
	reinstate,
	reject,
	rejectRevision,
	requestChanges,
	suspend,
	type WorkflowResult
} from '$lib/server/applications/workflow';
import { getDb } from '$lib/server/db';
import { textField } from '$lib/server/forms';
import { REVIEW_REASONS, type ReviewReason } from '$lib/applications/reasons';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const detail = await reviewDetail(await getDb(), Number(event.params.id));
	if (!detail) error(404);
	return { ...detail, reasons: REVIEW_REASONS };
};

type Kind =
	| 'approve'
	| 'reject'
	| 'request_changes'
	| 'suspend'
	| 'reinstate'
	| 'revision_approve'
	| 'revision_reject';

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
			return fail(409, { kind, refusal: 'no_revision' as const, values });
	}
}

export const actions: Actions = {
	approve: (event) => decide(event, 'approve'),
	reject: (event) => decide(event, 'reject'),
	requestChanges: (event) => decide(event, 'request_changes'),
	suspend: (event) => decide(event, 'suspend'),
	reinstate: (event) => decide(event, 'reinstate'),
	approveRevision: (event) => decide(event, 'revision_approve'),
	rejectRevision: (event) => decide(event, 'revision_reject')
};
