/** What the metrics pages need from a request: the role check, the range, the figures. */
import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { requireStaff } from '../admin/access';
import { parisIsoDate } from '../../i18n/format';
import { parseRange, previousPeriod } from '../../metrics/range';
import { dashboard } from './index';
import { buildTables } from './tables';

/**
 * Officials and admins read the metrics (only admins set targets: see the targets page).
 * `density: false`: without the density hexagons (the page folds them away).
 */
export async function loadMetrics(event: RequestEvent, options: { density?: boolean } = {}) {
	const user = requireStaff(event);
	const now = new Date();
	const today = parisIsoDate(now);
	const { range, invalid } = parseRange(event.url.searchParams, today);
	const data = await dashboard(await getDb(), range, now, options);
	return {
		user,
		today,
		range,
		invalid,
		previous: previousPeriod(range),
		data,
		tables: buildTables(data)
	};
}
