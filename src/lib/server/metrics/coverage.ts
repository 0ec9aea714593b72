/**
 * Coverage: for each attraction, the accepting merchants within 300 m and within 1 km
 * (haversine distance in SQL, after a bounding-box prefilter that the position index serves).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/query';
import { EARTH_RADIUS_METERS } from '../../geo/distance';
import { approvedAt, num } from './sql';

export const NEAR_METERS = 300;
export const WIDE_METERS = 1000;
/** Degrees of latitude per metre (on the mean sphere), for the prefilter box. */
const DEG_PER_METER = 180 / (Math.PI * EARTH_RADIUS_METERS);

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
	/** Fewer than the threshold within 300 m. */
	gap: boolean;
}

function coverageRows(at: SQL) {
	const box = WIDE_METERS * DEG_PER_METER * 1.01;
	return sql`
		SELECT a.id, a.slug, a.name_fr, a.name_zh, a.kind, a.latitude, a.longitude,
			count(near.d) FILTER (WHERE near.d <= ${NEAR_METERS}) AS within300,
			count(near.d) FILTER (WHERE near.d <= ${WIDE_METERS}) AS within1000
		FROM attractions a
		LEFT JOIN LATERAL (
			SELECT 2 * ${EARTH_RADIUS_METERS}::float8 * asin(least(1, sqrt(
				power(sin(radians(m.latitude - a.latitude) / 2), 2)
				+ cos(radians(a.latitude)) * cos(radians(m.latitude)) * power(sin(radians(m.longitude - a.longitude) / 2), 2)
			))) AS d
			FROM merchants m
			WHERE ${approvedAt(at)}
				AND m.latitude BETWEEN a.latitude - ${box}::float8 AND a.latitude + ${box}::float8
				AND m.longitude BETWEEN a.longitude - ${box}::float8 / cos(radians(a.latitude))
					AND a.longitude + ${box}::float8 / cos(radians(a.latitude))
		) near ON true
		GROUP BY a.id`;
}

/** Every attraction with its coverage at instant `at`, gaps first (fewest merchants nearby). */
export async function attractionCoverage(
	db: Executor,
	at: SQL,
	minNearby: number
): Promise<AttractionCoverage[]> {
	const rows = await queryRows(
		db,
		sql`SELECT * FROM (${coverageRows(at)}) c ORDER BY c.within300, c.within1000, c.name_fr`
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
		gap: num(r.within300) < minNearby
	}));
}

/** How many attractions are covered (at least `minNearby` merchants within 300 m) at `at`. */
export async function coverageSummary(
	db: Executor,
	at: SQL,
	minNearby: number
): Promise<{ covered: number; attractions: number }> {
	const [row] = await queryRows(
		db,
		sql`SELECT count(*) FILTER (WHERE c.within300 >= ${minNearby}) AS covered, count(*) AS attractions
			FROM (${coverageRows(at)}) c`
	);
	return { covered: num(row.covered), attractions: num(row.attractions) };
}
