import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';
import { page } from '$app/state';
import { getLocale } from '$lib/paraglide/runtime';
import { localeOfPath } from '$lib/i18n/paths';

/**
 * The progressive enhancement of a form: `use:enhance={submit.enhance}` posts it without a page
 * load and `submit.pending` disables its button until the answer is shown. Without JavaScript the
 * same form posts normally. Every form that writes uses it (one behaviour everywhere).
 *
 * A refused form has its password fields emptied, as a page load without JavaScript would, and
 * its error summary (ErrorSummary.svelte) takes the focus and scrolls into view, as its
 * autofocus does after a page load: on a phone the errors are above the button just tapped.
 *
 * A redirect to the other language (an account's language after login or registration, a
 * language just chosen) is followed with a full page load: a page's messages are those of the
 * language it was loaded in, as with the language switch.
 *
 * `reset: false` keeps what was typed after a success (the wizard's steps, the decisions).
 */
export function submission(options: { reset?: boolean } = {}) {
	let pending = $state(false);
	const enhance: SubmitFunction = ({ formElement }) => {
		pending = true;
		return async ({ result, update }) => {
			if (result.type === 'redirect') {
				// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, not state
				const target = new URL(result.location, window.location.href);
				if (localeOfPath(target.pathname) !== getLocale()) {
					window.location.assign(target);
					return;
				}
			}
			await update({ reset: options.reset });
			pending = false;
			if (result.type === 'failure') {
				// A refused form never keeps a password typed into it (as without JavaScript).
				for (const input of formElement.querySelectorAll<HTMLInputElement>(
					'input[type=password]'
				)) {
					input.value = '';
				}
				await tick();
				showErrors(formElement);
			}
		};
	};
	return {
		get pending() {
			return pending;
		},
		enhance
	};
}

/**
 * Focus on the form's error summary (else the page's, else the first refused field), its top
 * just under the sticky header (html's scroll-padding-top, app.css).
 */
export function showErrors(form: HTMLFormElement) {
	const target =
		form.querySelector<HTMLElement>('[data-error-summary]') ??
		document.querySelector<HTMLElement>('[data-error-summary]') ??
		form.querySelector<HTMLElement>('[aria-invalid="true"]');
	if (!target) return;
	target.focus({ preventScroll: true });
	target.scrollIntoView({ block: 'start' });
}

/**
 * The address a form's default action posts to: the page's own, without the fragment that a
 * followed error-summary link leaves in it (#field-…). A form without `action` posts to the page's
 * address fragment included, so without JavaScript a form refused again would load scrolled to
 * that field, its error summary above, out of view and not focused. Named actions (`?/name`)
 * drop the fragment by themselves.
 */
export const ownAddress = () => page.url.pathname + page.url.search;
