/**
 * Every figure of the partnership's adoption dashboard (/admin/metrics) for one range: headline,
 * approvals over time, geography, coverage of the attractions, demand gaps, targets, freshness
 * and tourists' reports. Each is
 * computed by the database (docs/metrics.md defines them); the queries run in parallel.
 */
import type { Executor } from '../db/client';
import type { MetricsRange } from '../../metrics/range';
import { headline } from './headline';
import { timeline } from './timeline';
import { departementTable, density, communeTable } from './geography';
import { attractionCoverage } from './coverage';
import { demandGaps } from './demand';
import { targetProgress } from './targets';
import { freshnessAreas, freshnessTimeline } from './freshness';
import { reportsByArea, reportsTimeline } from './reports';
import { dayEnd } from './sql';
import { parisIsoDate } from '../../i18n/format';

export async function dashboard(db: Executor, range: MetricsRange, asOf: Date) {
	const [
		head,
		overall,
		byDepartement,
		byCategory,
		departements,
		communes,
		cells,
		coverage,
		gaps,
		targets,
		freshness,
		freshnessOverTime,
		reportsOverTime,
		areaReports
	] = await Promise.all([
		headline(db, range),
		timeline(db, range, 'all'),
		timeline(db, range, 'departement'),
		timeline(db, range, 'category'),
		departementTable(db, range),
		communeTable(db, range),
		density(db, range),
		attractionCoverage(db, dayEnd(range.to), range.minNearby),
		demandGaps(db, range),
		targetProgress(db, asOf),
		freshnessAreas(db, parisIsoDate(asOf)),
		freshnessTimeline(db, range),
		reportsTimeline(db, range),
		reportsByArea(db, range)
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
