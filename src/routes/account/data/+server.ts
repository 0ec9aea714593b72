import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { exportPersonalData } from '$lib/server/auth/personal-data';
import { parisIsoDate } from '$lib/i18n/format';

/** "Download my data": everything kept about the account and its listings, as a JSON file. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const now = new Date();
	const data = await exportPersonalData(await getDb(), user.id, now);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="cashless-paris-data-${parisIsoDate(now)}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
