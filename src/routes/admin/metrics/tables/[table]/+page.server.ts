import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { loadMetrics } from '$lib/server/metrics/page';
import { isFolded, isTableId } from '$lib/server/metrics/tables';
import { rangeToParams } from '$lib/metrics/range';

/** A folded table of the dashboard on its own page: where it opens without JavaScript. */
export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const id = event.params.table ?? '';
	if (!isTableId(id) || !isFolded(id)) error(404);
	const { range, tables } = await loadMetrics(event, { density: id === 'density' });
	return { range, query: rangeToParams(range).toString(), table: tables[id] };
};
