/**
 * Where the accepting merchants are: the eight départements and the top communes (with
 * merchants per 10,000 inhabitants, populations from @etalab/decoupage-administratif, and
 * growth over the range), and a density grid of H3 hexagons.
 */
import { sql } from 'drizzle-orm';
import { cellToBoundary, latLngToCell } from 'h3-js';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import type { MetricsRange } from '../../metrics/range';
import { DEPARTEMENTS, type Departement } from '../../geo/idf';
import { idfCommunes } from '../geo/communes';
import { addDays } from '../../metrics/range';
import { approvedAt, dayEnd, num, numOrNull } from './sql';
import { countsAt, day } from './changes';

export interface AreaRow {
	code: string;
	/** Commune name as the listings carry it (null for départements: the page translates). */
	name: string | null;
	departement: Departement;
	population: number;
	approved: number;
	approvedAtStart: number;
	/** approved − approvedAtStart. */
	growth: number;
	/** Growth as a share of the count at the start; null when it started at zero. */
	growthRate: number | null;
	per10k: number | null;
}

let populations:
	{ departements: Record<string, number>; communes: Record<string, number> } | undefined;

/** Reference populations (not merchant data): by département and by commune. */
function referencePopulations() {
	if (populations) return populations;
	const departements: Record<string, number> = {};
	const communes: Record<string, number> = {};
	for (const c of idfCommunes().values()) {
		communes[c.code] = c.population;
		departements[c.departement] = (departements[c.departement] ?? 0) + c.population;
	}
	populations = { departements, communes };
	return populations;
}

function toAreaRow(r: Record<string, unknown>): AreaRow {
	return {
		code: String(r.code),
		name: r.name === null || r.name === undefined ? null : String(r.name),
		departement: String(r.departement) as Departement,
		population: num(r.population),
		approved: num(r.approved),
		approvedAtStart: num(r.approved_start),
		growth: num(r.approved) - num(r.approved_start),
		growthRate: numOrNull(r.growth_rate),
		per10k: numOrNull(r.per10k)
	};
}

/** The eight départements, in code order, with their figures at the end of the range. */
export async function departementTable(db: Executor, range: MetricsRange): Promise<AreaRow[]> {
	const pop = JSON.stringify(referencePopulations().departements);
	const rows = await queryRows(
		db,
		sql`WITH d AS (
				SELECT d.code, (${pop}::jsonb ->> d.code)::int AS population
				FROM unnest(${sql.raw(`ARRAY[${DEPARTEMENTS.map((d) => `'${d}'`).join(',')}]`)}::text[]) AS d(code)
			), counts AS (
				SELECT c.key AS code,
					sum(c.n) FILTER (WHERE c.at = 0) AS approved,
					sum(c.n) FILTER (WHERE c.at = 1) AS approved_start
				FROM (${countsAt(['departement'], [day(addDays(range.to, 1)), day(range.from)])}) c
				GROUP BY c.key
			)
			SELECT d.code, NULL AS name, d.code AS departement, d.population,
				COALESCE(c.approved, 0) AS approved, COALESCE(c.approved_start, 0) AS approved_start,
				round(COALESCE(c.approved, 0) * 10000.0 / NULLIF(d.population, 0), 2) AS per10k,
				round((COALESCE(c.approved, 0) - c.approved_start)::numeric / NULLIF(c.approved_start, 0), 4) AS growth_rate
			FROM d LEFT JOIN counts c ON c.code = d.code
			ORDER BY d.code`
	);
	return rows.map(toAreaRow);
}

/**
 * Every commune (Paris: arrondissements) with approved merchants at the end of the range, the
 * best equipped first: the page's table and its CSV hold them all. Its name and département are
 * those of one of its listings.
 */
export async function communeTable(db: Executor, range: MetricsRange): Promise<AreaRow[]> {
	const pop = JSON.stringify(referencePopulations().communes);
	const rows = await queryRows(
		db,
		sql`WITH counts AS (
				SELECT c.key AS code,
					COALESCE(sum(c.n) FILTER (WHERE c.at = 0), 0) AS approved,
					COALESCE(sum(c.n) FILTER (WHERE c.at = 1), 0) AS approved_start
				FROM (${countsAt(['commune'], [day(addDays(range.to, 1)), day(range.from)])}) c
				GROUP BY c.key
			)
			SELECT c.*, l.name, l.departement, (${pop}::jsonb ->> c.code)::int AS population,
				round(c.approved * 10000.0 / NULLIF((${pop}::jsonb ->> c.code)::int, 0), 2) AS per10k,
				round((c.approved - c.approved_start)::numeric / NULLIF(c.approved_start, 0), 4) AS growth_rate
			FROM counts c
			CROSS JOIN LATERAL (
				SELECT m.commune_name AS name, m.departement::text AS departement FROM merchants m
				WHERE m.commune_code = c.code AND m.departement IS NOT NULL
				LIMIT 1
			) l
			WHERE c.approved > 0
			ORDER BY c.approved DESC, c.code`
	);
	return rows.map(toAreaRow);
}

/** Resolution of the density hexagons (~0.7 km², edge ~460 m: a few streets). */
export const DENSITY_CELL_RESOLUTION = 8;
/**
 * The database groups approved merchants into squares of this many degrees (~110 m × 75 m);
 * each square is then placed in the H3 cell of its centre. H3 cell ids cannot be computed in
 * SQL without an extension, and storing them would tie every writer of merchants to h3-js, so
 * the database does the counting and JavaScript only names the cells: a merchant within
 * ~60 m of a hexagon's edge may be counted in its neighbour; totals are exact.
 */
export const DENSITY_BIN_DEGREES = 0.001;

export interface DensityCell {
	cell: string;
	count: number;
	/** [lon, lat] ring, closed. */
	boundary: [number, number][];
}

export async function density(db: Executor, range: MetricsRange): Promise<DensityCell[]> {
	const end = dayEnd(range.to);
	const bins = await queryRows(
		db,
		sql`SELECT round(m.latitude / ${DENSITY_BIN_DEGREES}::float8) * ${DENSITY_BIN_DEGREES}::float8 AS lat,
				round(m.longitude / ${DENSITY_BIN_DEGREES}::float8) * ${DENSITY_BIN_DEGREES}::float8 AS lon,
				count(*) AS n
			FROM merchants m
			WHERE ${approvedAt(end)} AND m.latitude IS NOT NULL
			GROUP BY 1, 2`
	);
	const cells = new Map<string, number>();
	for (const b of bins) {
		const cell = latLngToCell(num(b.lat), num(b.lon), DENSITY_CELL_RESOLUTION);
		cells.set(cell, (cells.get(cell) ?? 0) + num(b.n));
	}
	return [...cells]
		.map(([cell, count]) => ({ cell, count, boundary: ring(cell) }))
		.sort((a, b) => b.count - a.count || a.cell.localeCompare(b.cell));
}

/** A cell's outline as a closed GeoJSON ring ([lon, lat]). */
export function ring(cell: string): [number, number][] {
	const points = cellToBoundary(cell, true) as [number, number][];
	return [...points, points[0]];
}
