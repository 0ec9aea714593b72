import type { SubmitFunction } from '@sveltejs/kit';
import { extractLocaleFromUrl, getLocale } from '$lib/paraglide/runtime';

/**
 * The progressive enhancement of a form: `use:enhance={submit.enhance}` posts it without a page
 * load and `submit.pending` disables its button until the answer is shown. Without JavaScript the
 * same form posts normally.
 *
 * A refused form has its password fields emptied, as a page load without JavaScript would.
 *
 * A redirect to the other language (an account's language after login or registration, a
 * language just chosen) is followed with a full page load: a page's messages are those of the
 * language it was loaded in, as with the language switch.
 */
export function submission() {
	let pending = $state(false);
	const enhance: SubmitFunction = ({ formElement }) => {
		pending = true;
		return async ({ result, update }) => {
			if (result.type === 'redirect') {
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, not state
				const target = new URL(result.location, window.location.href);
				if (extractLocaleFromUrl(target) !== getLocale()) {
					window.location.assign(target);
					return;
				}
			}
			await update();
			// A refused form never keeps a password typed into it (as without JavaScript).
			if (result.type === 'failure') {
				for (const input of formElement.querySelectorAll<HTMLInputElement>(
					'input[type=password]'
				)) {
					input.value = '';
				}
			}
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
