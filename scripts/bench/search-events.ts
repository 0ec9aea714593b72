/**
 * The bench's fast path for search events: tops demand_events up to `total` rows with the demo
 * dataset's distribution (around hotspots and attractions, over the last year), built in chunks
 * and written with multi-row inserts, so a million rows take seconds, not the demo seed's pace.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { queryRows } from '../../src/lib/server/db/query';
import { demandEvents } from '../../src/lib/server/db/schema';
import { buildDemandEvents } from '../demo/seed';
import { createRandom } from '../demo/random';

const BUILD_CHUNK = 50_000;
/** Rows per INSERT: 5 parameters each, under the protocol's 65,535. */
const INSERT_ROWS = 10_000;

export async function seedSearchEvents(db: Database, total: number, seed = 7): Promise<number> {
	const [row] = await queryRows<{ n: number }>(
		db,
		sql`SELECT count(*)::int AS n FROM demand_events`
	);
	const missing = total - Number(row.n);
	if (missing <= 0) return 0;
	const random = createRandom(seed);
	const now = new Date();
	const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
	for (let done = 0; done < missing; done += BUILD_CHUNK) {
		const events = buildDemandEvents(random, today, Math.min(BUILD_CHUNK, missing - done));
		for (let i = 0; i < events.length; i += INSERT_ROWS) {
			await db.insert(demandEvents).values(events.slice(i, i + INSERT_ROWS));
		}
	}
	return missing;
}
