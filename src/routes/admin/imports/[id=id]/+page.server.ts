import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';
import { requireStaff } from '$lib/server/admin/access';
import { getDb } from '$lib/server/db';
import { importById } from '$lib/server/imports/import';
import { importStalled, startImport } from '$lib/server/imports/run';

/** Rows shown on the page; the downloadable report has them all. */
const SHOWN_INVALID = 500;
const SHOWN_VALID = 100;

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const db = await getDb();
	const imp = await importById(db, Number(event.params.id));
	if (!imp) error(404);
	const rows = imp.report?.rows ?? [];
	const invalid = rows.filter((r) => r.outcome === 'invalid');
	const valid = rows.filter((r) => r.outcome !== 'invalid');
	const strip = ({ values, ...r }: (typeof rows)[number]) => ({ ...r, hasValues: Boolean(values) });
	const planned = {
		create: valid.filter((r) => r.outcome === 'create').length,
		update: valid.filter((r) => r.outcome === 'update').length,
		unchanged: valid.filter((r) => r.outcome === 'unchanged').length,
		skipped: valid.filter((r) => r.outcome === 'skipped').length
	};
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
		ignoredColumns: report?.ignoredColumns ?? [],
		invalid: invalid.slice(0, SHOWN_INVALID).map(strip),
		invalidMore: Math.max(0, invalid.length - SHOWN_INVALID),
		valid: valid.slice(0, SHOWN_VALID).map(strip),
		validMore: Math.max(0, valid.length - SHOWN_VALID),
		validCount: valid.length
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
