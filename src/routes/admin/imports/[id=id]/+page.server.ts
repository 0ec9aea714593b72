import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';
import { requireStaff } from '$lib/server/admin/access';
import { getDb } from '$lib/server/db';
import { importHead, reportOutcomes, reportSample } from '$lib/server/imports/import';
import { importStalled, startImport } from '$lib/server/imports/run';

/** Rows shown on the page; the downloadable report has them all. */
const SHOWN_INVALID = 500;
const SHOWN_VALID = 100;

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const db = await getDb();
	const imp = await importHead(db, Number(event.params.id));
	if (!imp) error(404);
	const outcomes = await reportOutcomes(db, imp.id);
	const planned = {
		create: outcomes.create,
		update: outcomes.update,
		unchanged: outcomes.unchanged,
		skipped: outcomes.skipped
	};
	const validCount = planned.create + planned.update + planned.unchanged + planned.skipped;
	const { report, ...head } = imp;
	return {
		imp: head,
		planned,
		// Once started, the counters say what was written (so far, or when it stopped).
		done:
			imp.status === 'dry_run'
				? null
				: {
						created: imp.rowsCreated,
						updated: imp.rowsUpdated,
						unchanged: imp.rowsUnchanged,
						skipped: imp.rowsSkipped
					},
		stalled: imp.status === 'running' && (await importStalled(db, imp.id)),
		ignoredColumns: report.ignoredColumns ?? [],
		// Without the values to write (reportSample leaves them out).
		invalid: await reportSample(db, imp.id, ['invalid'], SHOWN_INVALID),
		invalidMore: Math.max(0, outcomes.invalid - SHOWN_INVALID),
		valid: await reportSample(
			db,
			imp.id,
			['create', 'update', 'unchanged', 'skipped'],
			SHOWN_VALID
		),
		validMore: Math.max(0, validCount - SHOWN_VALID),
		validCount
	};
};

export const actions: Actions = {
	run: async (event) => {
		const user = requireStaff(event);
		const id = Number(event.params.id);
		const started = await startImport(await getDb(), id, user.id);
		if (!started.ok) {
			if (started.reason === 'not_found') error(404);
			return fail(409, { notReady: true });
		}
		// The job runner writes the batches; the page follows rows_processed.
		redirect(303, localizeHref(`/admin/imports/${id}`));
	}
};
