/** The reconfirmation queue's filters, in the URL: `?state&page`. */
import * as v from 'valibot';
import { integer, param, parseQuery } from '../query';

export const FRESHNESS_FILTERS = ['all', 'soon_stale', 'stale', 'lapsed'] as const;
export type FreshnessFilter = (typeof FRESHNESS_FILTERS)[number];

const freshnessQuerySchema = v.object({
	state: param(v.picklist(FRESHNESS_FILTERS), 'all'),
	page: param(integer(1, 100_000), 1)
});

export function parseFreshnessFilters(params: URLSearchParams) {
	return parseQuery(freshnessQuerySchema, params).values;
}

export function freshnessQuery(state: FreshnessFilter, page = 1): string {
	const p = new URLSearchParams();
	if (state !== 'all') p.set('state', state);
	if (page > 1) p.set('page', String(page));
	const q = p.toString();
	return q ? `?${q}` : '';
}
