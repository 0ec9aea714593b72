/**
 * The HTTP answers of the application wizard's pages and posts (shops/new and
 * shops/{id}/{step}): the domain ($lib/server/applications/wizard) says what happened, these
 * say it in HTTP.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/i18n/paths';
import type {
	WizardElsewhere,
	WizardPageResult,
	WizardStepResult
} from '$lib/server/applications/wizard';

function elsewhere(result: WizardElsewhere): never {
	if (result.type === 'go') redirect(303, localizeHref(result.path));
	error(result.type === 'not_found' ? 404 : 403);
}

export function pageAnswer(result: WizardPageResult) {
	if (result.type === 'page') return result.page;
	return elsewhere(result);
}

export function stepAnswer(result: WizardStepResult) {
	if (result.type === 'centred' || result.type === 'copied') return result.answer;
	if (result.type === 'refused') return fail(400, result.refusal);
	return elsewhere(result);
}
