import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { parseSelection, reviewQueue, tradeNames } from '$lib/server/admin/review';
import { bulkApprove } from '$lib/server/applications/workflow';
import { getDb } from '$lib/server/db';
import { textField } from '$lib/server/forms';
import { parseQueueFilters } from '$lib/admin/queue-filters';
import { readForm } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const filters = parseQueueFilters(event.url.searchParams);
	return { filters, queue: await reviewQueue(await getDb(), filters) };
};

export const actions: Actions = {
	bulkApprove: async (event) => {
		const user = requireStaff(event);
		const data = await readForm(event);
		const selection = parseSelection(data.getAll('select'));
		if (selection.length === 0) return fail(400, { bulk: { none: true as const } });
		const db = await getDb();
		if (textField(data, 'confirm') !== 'yes') {
			// First post: what will be approved, to confirm (the same selection, posted again).
			const names = await tradeNames(
				db,
				selection.map((s) => s.merchantId)
			);
			return {
				bulkConfirm: {
					selection: selection.map((s) => `${s.merchantId}:${s.expectedVersion}`),
					names: selection.map((s) => names.get(s.merchantId) ?? `#${s.merchantId}`)
				}
			};
		}
		const results = await bulkApprove(db, user, selection);
		const refusedIds = results.filter((r) => !r.result.ok).map((r) => r.merchantId);
		const names = await tradeNames(db, refusedIds);
		return {
			bulk: {
				approved: results.length - refusedIds.length,
				refused: refusedIds.map((id) => names.get(id) ?? `#${id}`)
			}
		};
	}
};
