import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { requireStaff } from '$lib/server/admin/access';
import { getDb } from '$lib/server/db';
import { importById } from '$lib/server/imports/import';
import { importReportCsv } from '$lib/server/imports/report';

/** The whole report of an import, one line per row of the file, for a spreadsheet. */
export const GET: RequestHandler = async (event) => {
	requireStaff(event);
	const id = Number(event.params.id);
	const imp = await importById(await getDb(), id);
	if (!imp) error(404);
	const locale = event.locals.locale;
	return new Response(importReportCsv(imp.report?.rows ?? [], locale), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${m.admin_import_report_filename({ id }, { locale })}"`
		}
	});
};
