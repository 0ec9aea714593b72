/**
 * Tourists' searches, counted for the partnership's demand metrics: the day (Paris), the category
 * looked for, a coarse H3 cell of where the visitor was looking and the number of results. Never
 * an IP address, a session or a precise position. Counted in memory and written in batches
 * (jobs/buffered-counts.ts): a row of demand_events adds up the searches of one flush with the
 * same day, category, cell and result count, so a search costs no database write.
 */
import { latLngToCell } from 'h3-js';
import { DEMAND_CELL_RESOLUTION, demandEvents } from '../db/schema';
import { parisIsoDate } from '../../i18n/format';
import type { Category } from '../../merchants/vocabulary';
import type { LatLon } from '../../merchants/filters';
import { BufferedCounts } from '../jobs/buffered-counts';

type SearchRow = typeof demandEvents.$inferInsert & { searches: number };

export class SearchCounts extends BufferedCounts<SearchRow> {
	constructor() {
		super({
			key: (r) => `${r.day}|${r.category ?? ''}|${r.areaCell ?? ''}|${r.resultCount}`,
			add: (into, from) => (into.searches += from.searches),
			insert: async (db, batch) => {
				await db.insert(demandEvents).values(batch);
			}
		});
	}

	/** Counts one search (never waits, never fails). */
	count(search: {
		category: Category | null;
		center: LatLon | null;
		resultCount: number;
		now: Date;
	}): void {
		this.add({
			day: parisIsoDate(search.now),
			category: search.category,
			areaCell: search.center
				? latLngToCell(search.center.lat, search.center.lon, DEMAND_CELL_RESOLUTION)
				: null,
			resultCount: search.resultCount,
			searches: 1
		});
	}
}

/** The server's search counts, flushed periodically and at shutdown (see hooks.server.ts). */
export const searchCounts = new SearchCounts();
