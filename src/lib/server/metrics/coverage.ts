/**
 * Coverage: for each attraction, the accepting merchants within 300 m and within 1 km at the end
 * of the range, and within 300 m at its start (the headline's comparison), from the changes of
 * changes.ts (the rollup's days, then today's changes live).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import type { MetricsRange } from '../../metrics/range';
import { addDays } from '../../metrics/range';
import { countsAt, day } from './changes';
import { num } from './sql';

export { NEAR_METERS, WIDE_METERS } from './changes';

export interface AttractionCoverage {
	id: number;
	slug: string;
	nameFr: string;
	nameZh: string;
	kind: string;
	lat: number;
	lon: number;
	within300: number;
	within1000: number;
	/** Within 300 m at the start of the range. */
	within300AtStart: number;
	/** Fewer than the threshold within 300 m. */
	gap: boolean;
}

/** Every attraction with its coverage over the range, gaps first (fewest merchants nearby). */
export async function attractionCoverage(
	db: Executor,
	range: Pick<MetricsRange, 'from' | 'to' | 'minNearby'>
): Promise<AttractionCoverage[]> {
	const rows = await queryRows(
		db,
		sql`WITH c AS (${countsAt(['near300', 'near1000'], [day(addDays(range.to, 1)), day(range.from)])})
			SELECT a.id, a.slug, a.name_fr, a.name_zh, a.kind, a.latitude, a.longitude,
				COALESCE(sum(c.n) FILTER (WHERE c.dimension = 'near300' AND c.at = 0), 0) AS within300,
				COALESCE(sum(c.n) FILTER (WHERE c.dimension = 'near1000' AND c.at = 0), 0) AS within1000,
				COALESCE(sum(c.n) FILTER (WHERE c.dimension = 'near300' AND c.at = 1), 0) AS within300_start
			FROM attractions a LEFT JOIN c ON c.key = a.id::text
			GROUP BY a.id
			ORDER BY within300, within1000, a.name_fr`
	);
	return rows.map((r) => ({
		id: num(r.id),
		slug: String(r.slug),
		nameFr: String(r.name_fr),
		nameZh: String(r.name_zh),
		kind: String(r.kind),
		lat: num(r.latitude),
		lon: num(r.longitude),
		within300: num(r.within300),
		within1000: num(r.within1000),
		within300AtStart: num(r.within300_start),
		gap: num(r.within300) < range.minNearby
	}));
}

/** How many attractions are covered (at least `minNearby` merchants within 300 m). */
export function coverageSummary(coverage: AttractionCoverage[], minNearby: number) {
	return {
		covered: coverage.filter((a) => a.within300 >= minNearby).length,
		coveredAtStart: coverage.filter((a) => a.within300AtStart >= minNearby).length,
		attractions: coverage.length
	};
}
