import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { wizardAction, wizardPage } from '$lib/server/applications/wizard';
import { pageAnswer, stepAnswer } from '../../wizard.server';
import { readForm } from '$lib/server/forms';

/** A step of the merchant's own application (another's answers 404, for pages and posts). */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, ['merchant']);
	const { id, step } = event.params;
	return pageAnswer(await wizardPage(await getDb(), user, Number(id), step));
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event, ['merchant']);
		const { id, step } = event.params;
		const data = await readForm(event);
		return stepAnswer(await wizardAction(await getDb(), user, Number(id), step, data));
	}
};
