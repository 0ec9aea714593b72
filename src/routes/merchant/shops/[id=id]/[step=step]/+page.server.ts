import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { wizardAction, wizardPage } from '$lib/server/applications/wizard';

/** A step of the merchant's own application (another's answers 404, for pages and posts). */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event, ['merchant']);
	return wizardPage(await getDb(), user, Number(event.params.id), event.params.step);
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUser(event, ['merchant']);
		const data = await event.request.formData();
		return wizardAction(await getDb(), user, Number(event.params.id), event.params.step, data);
	}
};
