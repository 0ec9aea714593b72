import { error, type RequestHandler } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import { loadMetrics } from '$lib/server/metrics/page';
import { csvFilename, isTableId } from '$lib/server/metrics/tables';
import { CSV_DIALECTS, toCsv } from '$lib/metrics/csv';
import { csvValue } from '$lib/metrics/format';

/** GET /{lang}/admin/metrics/export/{table}?from&to&step&min: one dashboard table as CSV. */
export const GET: RequestHandler = async (event) => {
	const id = event.params.table ?? '';
	const { range, tables } = await loadMetrics(event);
	// After loadMetrics: its role check comes first, so an unknown table tells nothing.
	if (!isTableId(id)) error(404);
	const table = tables[id];
	const body = toCsv(
		table.columns.map((c) => c.label),
		table.rows.map((row) => row.map((cell, i) => csvValue(cell, table.columns[i].kind))),
		CSV_DIALECTS[getLocale()]
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${csvFilename(id, range)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
