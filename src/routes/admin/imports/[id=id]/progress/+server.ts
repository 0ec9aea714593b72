import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { getDb } from '$lib/server/db';
import { importProgress } from '$lib/server/imports/import';

/** What the import page polls while an import runs. */
export const GET: RequestHandler = async (event) => {
	requireStaff(event);
	const progress = await importProgress(await getDb(), Number(event.params.id));
	if (!progress) error(404);
	return json(progress);
};
