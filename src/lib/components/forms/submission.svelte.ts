import type { SubmitFunction } from '@sveltejs/kit';

/**
 * The progressive enhancement of a form: `use:enhance={submit.enhance}` posts it without a page
 * load and `submit.pending` disables its button until the answer is shown. Without JavaScript the
 * same form posts normally.
 */
export function submission() {
	let pending = $state(false);
	const enhance: SubmitFunction = () => {
		pending = true;
		return async ({ update }) => {
			await update();
			pending = false;
		};
	};
	return {
		get pending() {
			return pending;
		},
		enhance
	};
}
