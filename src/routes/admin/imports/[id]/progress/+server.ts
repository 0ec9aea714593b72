import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { getDb } from '$lib/server/db';
import { importProgress } from '$lib/server/imports/import';

/** What the import page polls while an import runs. */
export const GET: RequestHandler = async (event) => {
	requireStaff(event);
	const id = Number(event.params.id);
	if (!Number.isSafeInteger(id) || id <= 0) error(404);
	const progress = await importProgress(await getDb(), id);
	if (!progress) error(404);
	return json(progress);
};
