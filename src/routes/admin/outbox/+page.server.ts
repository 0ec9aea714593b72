import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdmin } from '$lib/server/admin/access';
import { outbox, parseOutboxStatus, retryMail } from '$lib/server/admin/outbox';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/id';
import { readForm, textField } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const status = parseOutboxStatus(event.url.searchParams.get('status'));
	return { status: status ?? null, ...(await outbox(await getDb(), status)) };
};

export const actions: Actions = {
	retry: async (event) => {
		requireAdmin(event);
		const id = parseId(textField(await readForm(event), 'id'));
		if (id === null) return fail(400, { retried: false });
		const retried = await retryMail(await getDb(), id);
		return retried ? { retried: true } : fail(400, { retried: false });
	}
};
