/**
 * `npm run bench [-- --merchants N]`: how long the demo seed and the public queries take, in
 * this process (no HTTP: see map.ts for the server under load), on an in-memory PGlite, or on
 * DATABASE_URL's server when set (its data is replaced!).
 * Speed is measured here, never asserted in tests.
 */
import { parseArgs } from 'node:util';
import { describeTarget, openDatabase, targetFromEnv } from '../../src/lib/server/db/client';
import { seedDemo } from '../demo/seed';
import { hasDemoData, publicOverview } from '../../src/lib/server/merchants/overview';
import { ListingCache, listingIndex } from '../../src/lib/server/merchants/listing-index';
import { mapFeatures } from '../../src/lib/server/merchants/listing-map';
import { LIST_PAGE_SIZE, listPage } from '../../src/lib/server/merchants/list-page';
import { EMPTY_FILTERS, type ListingFilters } from '../../src/lib/merchants/filters';
import { createDryRun } from '../../src/lib/server/imports/import';
import { startImport } from '../../src/lib/server/imports/run';
import { JOB_HANDLERS } from '../../src/lib/server/jobs';
import { JobRunner } from '../../src/lib/server/jobs/runner';
import { syntheticAcquirerCsv } from '../../src/lib/server/imports/synthetic';
import { users } from '../../src/lib/server/db/schema';
import { eq } from 'drizzle-orm';

const { values } = parseArgs({ options: { merchants: { type: 'string', default: '20000' } } });
const merchants = Number(values.merchants);
const target = process.env.DATABASE_URL
	? targetFromEnv()
	: ({ driver: 'pglite', dir: null } as const);
const handle = await openDatabase(target);

async function measure(name: string, runs: number, fn: () => Promise<unknown>) {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)];
	console.log(
		`${name.padEnd(42)} runs ${String(runs).padStart(3)}  median ${median.toFixed(1).padStart(8)} ms  max ${times[times.length - 1].toFixed(1).padStart(8)} ms`
	);
}

try {
	console.log(`bench on ${describeTarget(target)}, ${merchants} merchants`);
	await handle.migrate();
	await measure(`seed ${merchants} merchants`, 1, () => seedDemo(handle.db, { merchants }));
	await measure('public overview (home page)', 30, () => publicOverview(handle.db));
	await measure('demo flag (every page)', 30, () => hasDemoData(handle.db));

	// The tourist map: the in-memory index of approved listings, then queries against it.
	const db = handle.db;
	const now = new Date();
	const region: [number, number, number, number] = [1.4, 48.1, 3.6, 49.3];
	const louvre: [number, number, number, number] = [2.32, 48.855, 2.35, 48.868];
	const filters = (f: Partial<ListingFilters>): ListingFilters => ({ ...EMPTY_FILTERS, ...f });
	// The real reload: a new cache reads every approved listing and builds the index.
	await measure('listing index, full load (process start)', 3, () => new ListingCache().index(db));
	await listingIndex(db);
	let minute = 0;
	await measure('map clusters, region at zoom 9, open now (cold)', 10, () =>
		// each run a minute later: the open-now grid is counted anew, as every minute in production
		mapFeatures(
			db,
			{ ...EMPTY_FILTERS, openNow: true },
			region,
			9,
			new Date(now.getTime() + ++minute * 60_000)
		)
	);
	await measure('map clusters, region at zoom 9 (warm)', 30, () =>
		mapFeatures(db, EMPTY_FILTERS, region, 9, now)
	);
	await measure('map points, Louvre at zoom 16 (warm)', 30, () =>
		mapFeatures(db, EMPTY_FILTERS, louvre, 16, now)
	);
	const list = (f: Partial<ListingFilters>, bbox: typeof region | null) =>
		listPage(db, {
			filters: filters(f),
			bbox,
			origin: { lat: 48.8606, lon: 2.3376 },
			originIsVisitor: true,
			page: 1,
			pageSize: LIST_PAGE_SIZE,
			now
		});
	await measure('list, search 药店 near the Louvre', 30, () => list({ q: '药店' }, null));
	await measure('list, open now in the Louvre viewport', 30, () => list({ openNow: true }, louvre));
	await measure('list, no result (nearest alternatives)', 30, () =>
		list({ q: 'zzzzzz introuvable' }, louvre)
	);

	// Acquirer import (back-office): a 10,000-row file, dry run then import, then the same again.
	const [official] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.role, 'official'));
	const csv = syntheticAcquirerCsv(10_000);
	const importOnce = async () => {
		const dry = await createDryRun(db, {
			csv,
			filename: 'bench.csv',
			acquirer: 'Bench',
			uploadedBy: official.id
		});
		if (!dry.ok) throw new Error(dry.problem);
		const started = await startImport(db, dry.importId, official.id);
		if (!started.ok) throw new Error(started.reason);
		// As on a server: the job runner writes the batches.
		await new JobRunner(db, { handlers: JOB_HANDLERS }).runDue();
	};
	await measure('acquirer import, 10,000 new rows', 1, importOnce);
	await measure('acquirer import, same 10,000 rows again', 1, importOnce);
} finally {
	await handle.close();
}
