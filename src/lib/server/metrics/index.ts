/**
 * Every figure of the partnership's adoption dashboard (/admin/metrics) for one range: headline,
 * approvals over time, geography, coverage of the attractions, demand gaps, targets, freshness
 * and tourists' reports. Each is
 * computed by the database (docs/metrics.md defines them), once per request, from the rollups
 * of the days before today plus today's changes (changes.ts); the queries run in parallel.
 */
import type { Executor } from '../db/client';
import type { MetricsRange } from '../../metrics/range';
import { headline } from './headline';
import { timeline } from './timeline';
import { departementTable, density, communeTable } from './geography';
import { attractionCoverage, type AttractionCoverage } from './coverage';
import { demandGaps } from './demand';
import { targetProgress } from './targets';
import { freshnessAreas, freshnessTimeline } from './freshness';
import { reportsByArea, reportsTimeline } from './reports';
import { parisIsoDate } from '../../i18n/format';

/**
 * Every query of the dashboard, by name, each run once per request (the bench times them one by
 * one: scripts/bench/metrics.ts).
 */
export function metricsQueries(db: Executor, range: MetricsRange, asOf: Date) {
	return {
		coverage: () => attractionCoverage(db, range),
		headline: (coverage: AttractionCoverage[]) => headline(db, range, coverage),
		'timeline, all': () => timeline(db, range, 'all'),
		'timeline, by département': () => timeline(db, range, 'departement'),
		'timeline, by category': () => timeline(db, range, 'category'),
		'départements table': () => departementTable(db, range),
		'communes table': () => communeTable(db, range),
		density: () => density(db, range),
		'demand gaps': () => demandGaps(db, range),
		targets: () => targetProgress(db, asOf),
		'freshness by area': () => freshnessAreas(db, parisIsoDate(asOf)),
		'freshness over time': () => freshnessTimeline(db, range),
		'reports over time': () => reportsTimeline(db, range),
		'reports by area': () => reportsByArea(db, range)
	};
}

/**
 * Every figure of a range. `density: false` leaves out the density hexagons (the one figure the
 * page folds away that takes a pass over the merchants): the page loads them when opened.
 */
export async function dashboard(
	db: Executor,
	range: MetricsRange,
	asOf: Date,
	options: { density?: boolean } = {}
) {
	const q = metricsQueries(db, range, asOf);
	const coverage = await q.coverage();
	const [
		head,
		overall,
		byDepartement,
		byCategory,
		departements,
		communes,
		cells,
		gaps,
		targets,
		freshness,
		freshnessOverTime,
		reportsOverTime,
		areaReports
	] = await Promise.all([
		q.headline(coverage),
		q['timeline, all'](),
		q['timeline, by département'](),
		q['timeline, by category'](),
		q['départements table'](),
		q['communes table'](),
		options.density === false ? Promise.resolve([]) : q.density(),
		q['demand gaps'](),
		q.targets(),
		q['freshness by area'](),
		q['freshness over time'](),
		q['reports over time'](),
		q['reports by area']()
	]);
	return {
		headline: head,
		overall,
		byDepartement,
		byCategory,
		departements,
		communes,
		density: cells,
		coverage,
		demandGaps: gaps,
		targets,
		freshness,
		freshnessOverTime,
		reportsOverTime,
		areaReports
	};
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

export {
	headline,
	timeline,
	departementTable,
	communeTable,
	density,
	attractionCoverage,
	demandGaps,
	targetProgress,
	freshnessAreas,
	freshnessTimeline
};
export { setTarget, deleteTarget } from './targets';
