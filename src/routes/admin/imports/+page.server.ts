import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/i18n/paths';
import { requireStaff } from '$lib/server/admin/access';
import { getDb } from '$lib/server/db';
import { createDryRun, recentImports } from '$lib/server/imports/import';
import { MAX_IMPORT_ROWS } from '$lib/server/imports/csv';
import { readForm, textField } from '$lib/server/forms';

/** A 10,000-row acquirer file is about 2 MB; the rows are capped too (MAX_IMPORT_ROWS). */
const MAX_IMPORT_MB = 20;

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	return {
		imports: await recentImports(await getDb()),
		maxMb: MAX_IMPORT_MB,
		maxRows: MAX_IMPORT_ROWS
	};
};

export const actions: Actions = {
	upload: async (event) => {
		const user = requireStaff(event);
		const data = await readForm(event);
		const acquirer = textField(data, 'acquirer');
		const file = data.get('file');
		const refuse = (
			errors: { acquirer?: string; file?: string },
			missing: string[] = [],
			rows?: number
		) => fail(400, { errors, values: { acquirer }, missing, rows });
		if (!(file instanceof File) || file.size === 0 || !file.name) {
			return refuse({
				file: 'file_required',
				...(acquirer.trim() ? {} : { acquirer: 'acquirer_required' })
			});
		}
		if (file.size > MAX_IMPORT_MB * 1024 * 1024) return refuse({ file: 'file_too_large' });
		const result = await createDryRun(await getDb(), {
			// Read by streaming from the uploaded file, never copied whole into a string.
			csv: file,
			filename: file.name,
			acquirer,
			uploadedBy: user.id
		});
		if (!result.ok) {
			return result.problem === 'acquirer_required' || result.problem === 'acquirer_invalid'
				? refuse({ acquirer: result.problem })
				: refuse({ file: result.problem }, result.missing, result.rows);
		}
		redirect(303, localizeHref(`/admin/imports/${result.importId}`));
	}
};
