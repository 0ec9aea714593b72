import type { PageServerLoad } from './$types';
import { loadMetrics } from '$lib/server/metrics/page';
import { pageTables } from '$lib/server/metrics/tables';

/** What the page shows: the folded tables and the density map load when opened (data/[table]). */
export const load: PageServerLoad = async (event) => {
	const { user, today, range, invalid, previous, data, tables } = await loadMetrics(event, {
		density: false
	});
	return {
		today,
		range,
		invalid,
		previous,
		headline: data.headline,
		overall: data.overall,
		byDepartement: data.byDepartement,
		byCategory: data.byCategory,
		coverage: data.coverage,
		demandGaps: data.demandGaps.map((g) => ({
			boundary: g.boundary,
			cell: g.cell,
			category: g.category,
			poorSearches: g.poorSearches,
			searches: g.searches
		})),
		freshness: { overall: data.freshness.overall },
		freshnessOverTime: data.freshnessOverTime,
		reportsOverTime: data.reportsOverTime,
		...pageTables(tables),
		canEditTargets: user.role === 'admin'
	};
};
