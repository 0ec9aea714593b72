import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { wizardAction, wizardPage } from '$lib/server/applications/wizard';
import { pageAnswer, stepAnswer } from '../wizard.server';
import { readForm } from '$lib/server/forms';

/** The first step of a new shop's application; the draft exists once it is saved. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, ['merchant']);
	return pageAnswer(await wizardPage(await getDb(), user, null, 'shop'));
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event, ['merchant']);
		const data = await readForm(event);
		return stepAnswer(await wizardAction(await getDb(), user, null, 'shop', data));
	}
};
