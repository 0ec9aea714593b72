import { error, json, type RequestHandler } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/admin/access';
import { loadMetrics } from '$lib/server/metrics/page';
import { isFolded, isTableId } from '$lib/server/metrics/tables';

/**
 * GET /{lang}/admin/metrics/data/{table}?from&to&step&min: the rows of a folded table (and the
 * density map's hexagons), as JSON, when the official opens it on the dashboard.
 */
export const GET: RequestHandler = async (event) => {
	// The role first, so an unknown table tells nothing.
	requireStaff(event);
	const id = event.params.table ?? '';
	if (!isTableId(id) || !isFolded(id)) error(404);
	const { tables, data } = await loadMetrics(event, { density: id === 'density' });
	return json(
		{
			table: tables[id],
			cells:
				id === 'density' ? data.density.map((c) => ({ boundary: c.boundary, count: c.count })) : []
		},
		{ headers: { 'cache-control': 'private, no-store' } }
	);
};
