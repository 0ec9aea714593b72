/**
 * The listing index's loads, timed in the bench's own process on the seeded database (the server
 * does the same work): the full load a process does at start, the version check every request
 * makes at most every VERSION_CHECK_MS when nothing changed, and the real reload after one
 * listing changed (the version check, the changed rows, and the index rebuilt), median of `runs`.
 */
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db/client';
import { merchants } from '../../src/lib/server/db/schema';
import { ListingCache, VERSION_CHECK_MS } from '../../src/lib/server/merchants/listing-index';

export interface ReloadTimes {
	approvedListings: number;
	/** A new process's first load (every listing read, the index built), cold then warm. */
	fullLoadMs: number;
	fullLoadAgainMs: number;
	/** The version check when nothing changed (median). */
	checkNoChangeMs: number;
	/** After one listing changed: check, fetch, rebuild (median). */
	reloadAfterChangeMs: number;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function time(fn: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await fn();
	return Math.round(performance.now() - started);
}

export async function timeReload(handle: DatabaseHandle, runs = 3): Promise<ReloadTimes> {
	const { db } = handle;
	let now = 0;
	const cache = new ListingCache(() => now);
	const fullLoadMs = await time(() => cache.index(db));
	const fullLoadAgainMs = await time(() => new ListingCache(() => now).index(db));
	const [one] = await db
		.select({ id: merchants.id })
		.from(merchants)
		.where(eq(merchants.status, 'approved'))
		.limit(1);
	const checks: number[] = [];
	const reloads: number[] = [];
	// A check runs in the background of the request that finds it due: timed until it is over.
	const check = async () => {
		now += VERSION_CHECK_MS;
		await cache.index(db);
		await cache.settled(db);
	};
	for (let run = 0; run < runs; run++) {
		checks.push(await time(check));
		// A change as the listing state machine makes it: the row's version goes up.
		await db
			.update(merchants)
			.set({ version: sql`${merchants.version} + 1`, updatedAt: sql`now()` })
			.where(eq(merchants.id, one.id));
		reloads.push(await time(check));
	}
	return {
		approvedListings: (await cache.index(db)).size,
		fullLoadMs,
		fullLoadAgainMs,
		checkNoChangeMs: median(checks),
		reloadAfterChangeMs: median(reloads)
	};
}
