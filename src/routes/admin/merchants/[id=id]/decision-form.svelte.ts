/**
 * What the decision forms of the review page share (DecisionPanel, ReportPanel,
 * VerificationPanel): one "sending" state that disables their buttons while a decision is posted,
 * and the last refused decision's reason error and values, shown beside the form that sent it.
 */
import * as m from '$lib/paraglide/messages';

export interface Refusal {
	kind?: string;
	refusal?: string;
	values?: { reasonCode?: string; reasonText?: string };
}

export function decisionForm(refusal: () => Refusal | null) {
	let pending = $state(false);
	const mine = (kinds: string[]) => {
		const r = refusal();
		return r !== null && kinds.includes(r.kind ?? '');
	};
	return {
		get pending() {
			return pending;
		},
		submitting: () => {
			pending = true;
			return async ({ update }: { update: (o?: { reset?: boolean }) => Promise<void> }) => {
				await update({ reset: false });
				pending = false;
			};
		},
		reasonError: (kinds: string[]) => {
			if (!mine(kinds)) return undefined;
			switch (refusal()?.refusal) {
				case 'reason_required':
					return m.admin_review_reason_required();
				case 'reason_invalid':
					return m.form_error_control_character();
				default:
					return undefined;
			}
		},
		reasonValues: (kinds: string[]) => (mine(kinds) ? refusal()?.values : undefined)
	};
}
