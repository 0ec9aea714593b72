/**
 * What the decision forms of the review page share (DecisionPanel, ReportPanel,
 * VerificationPanel): one "sending" state that disables their buttons while a decision is posted
 * (the site's form submission, focusing the error summary of a refused form), and the last
 * refused decision's reason error, summary and values, shown with the form that sent it.
 */
import * as m from '$lib/paraglide/messages';
import { submission } from '$lib/components/forms/submission.svelte';
import { summaryItems } from '$lib/forms/error-summary';

export interface Refusal {
	kind?: string;
	refusal?: string;
	values?: { reasonCode?: string; reasonText?: string };
}

export function decisionForm(refusal: () => Refusal | null) {
	const submit = submission({ reset: false });
	const mine = (kinds: string[]) => {
		const r = refusal();
		return r !== null && kinds.includes(r.kind ?? '');
	};
	const reasonError = (kinds: string[]) => {
		if (!mine(kinds)) return undefined;
		switch (refusal()?.refusal) {
			case 'reason_required':
				return m.admin_review_reason_required();
			case 'reason_invalid':
				return m.form_error_control_character();
			default:
				return undefined;
		}
	};
	return {
		get pending() {
			return submit.pending;
		},
		submitting: submit.enhance,
		reasonError,
		/** The error summary of a reasoned decision's form (ReasonFields with this id). */
		reasonSummary: (id: string, kinds: string[]) =>
			summaryItems([[`${id}-code`, m.admin_review_reason(), reasonError(kinds)]]),
		reasonValues: (kinds: string[]) => (mine(kinds) ? refusal()?.values : undefined)
	};
}

/** The decision forms of one panel (see decisionForm). */
export type DecisionForms = ReturnType<typeof decisionForm>;
