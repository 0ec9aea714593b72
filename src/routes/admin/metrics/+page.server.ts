import type { PageServerLoad } from './$types';
import { loadMetrics } from '$lib/server/metrics/page';

export const load: PageServerLoad = async (event) => {
	const { user, today, range, invalid, previous, data, tables } = await loadMetrics(event);
	return {
		today,
		range,
		invalid,
		previous,
		headline: data.headline,
		overall: data.overall,
		byDepartement: data.byDepartement,
		byCategory: data.byCategory,
		density: data.density.map((c) => ({ boundary: c.boundary, count: c.count })),
		coverage: data.coverage,
		demandGaps: data.demandGaps.map((g) => ({
			boundary: g.boundary,
			cell: g.cell,
			category: g.category,
			poorSearches: g.poorSearches,
			searches: g.searches
		})),
		freshness: data.freshness,
		freshnessOverTime: data.freshnessOverTime,
		reportsOverTime: data.reportsOverTime,
		tables,
		canEditTargets: user.role === 'admin'
	};
};
