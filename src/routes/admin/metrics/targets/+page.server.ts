import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireAdmin } from '$lib/server/admin/access';
import { deleteTarget, setTarget, targetProgress } from '$lib/server/metrics/targets';
import { readForm, textField } from '$lib/server/forms';
import { parisIsoDate } from '$lib/i18n/format';
import { parseTarget } from '$lib/metrics/targets';
import { readDate } from '$lib/forms/date-input';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const now = new Date();
	const today = parisIsoDate(now);
	// The date field's example: the end of next year.
	const example = `${Number(today.slice(0, 4)) + 1}-12-31`;
	return { today, example, targets: await targetProgress(await getDb(), now) };
};

export const actions: Actions = {
	set: async (event) => {
		const user = requireAdmin(event);
		const data = await readForm(event);
		const values = {
			scope: textField(data, 'scope'),
			count: textField(data, 'count'),
			date: readDate(data, 'date')
		};
		const parsed = parseTarget(values, parisIsoDate(new Date()));
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
		await setTarget(await getDb(), parsed.input, user.id);
		return { saved: true };
	},
	delete: async (event) => {
		const user = requireAdmin(event);
		const id = Number(textField(await readForm(event), 'id'));
		const removed = Number.isInteger(id) && (await deleteTarget(await getDb(), id, user.id));
		if (!removed) return fail(404, { notFound: true });
		return { deleted: true };
	}
};
