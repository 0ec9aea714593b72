/**
 * `npm run bench:map [-- --merchants N] [--seconds S] [--connections C]`: the tourist map and
 * list at scale, measured from outside as visitors use them.
 *
 * Seeds N demo merchants (100,000 by default) into a temporary PGlite folder, or into
 * DATABASE_URL's PostgreSQL when it is set (its data is replaced), times the listing index's
 * reload in this process, then builds (if the sources changed) and starts the production server
 * and drives it with autocannon: random phone viewports at city and region zoom with the filters
 * visitors mix (none, open now, tax-free, Chinese staff, a category, a search word), on
 * /api/map, /api/list and the server-rendered /zh, and /healthz as the floor. Prints the table
 * and PASS/FAIL against the budgets, and writes the `map` section of bench/results.json.
 * Speed is measured here, never asserted in tests.
 */
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { benchDatabase, seedBenchDatabase } from './database';
import { buildIfNeeded, startServer } from './server';
import { runLoad, type LoadResult } from './load';
import { budgetTable, loadTable, machine, passes, writeResults, type Budget } from './report';
import { ListingCache, VERSION_CHECK_MS } from '../../src/lib/server/merchants/listing-index';
import { merchants as merchantsTable } from '../../src/lib/server/db/schema';
import { bboxOfView, type MapView } from '../../src/lib/merchants/filters';
import { CATEGORIES } from '../../src/lib/merchants/vocabulary';

const { values } = parseArgs({
	options: {
		merchants: { type: 'string', default: '100000' },
		seconds: { type: 'string', default: '20' },
		connections: { type: 'string', default: '50' }
	}
});
const merchants = Number(values.merchants);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

/** The phone the e2e tests use. */
const VIEWPORT_PX = { width: 390, height: 844 };
const SEARCH_WORDS = ['药店', 'pharmacie', '香水', 'hotel', 'maison', 'cafe'];

const random = (min: number, max: number) => min + Math.random() * (max - min);
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)];

/** Half the viewports at city zoom in Paris, half at region zoom over Île-de-France. */
function randomView(): MapView {
	return Math.random() < 0.5
		? { zoom: random(13, 15.5), lat: random(48.82, 48.9), lon: random(2.26, 2.42) }
		: { zoom: random(8.5, 10.5), lat: random(48.6, 49.05), lon: random(1.9, 2.8) };
}

/** One filter as visitors use them (none for a third of the requests). */
function randomFilters(): string {
	const choice = Math.floor(Math.random() * 9);
	if (choice <= 2) return '';
	if (choice === 3) return '&open=1';
	if (choice === 4) return '&taxfree=1';
	if (choice === 5) return '&zh=1';
	if (choice === 6) return `&cat=${pick(CATEGORIES)}`;
	return `&q=${encodeURIComponent(pick(SEARCH_WORDS))}`;
}

function viewportQuery(): { bbox: string; view: MapView } {
	const view = randomView();
	const box = bboxOfView(view, VIEWPORT_PX.width, VIEWPORT_PX.height).map((x) => x.toFixed(5));
	return { bbox: box.join(','), view };
}

const ENDPOINTS: { name: string; path: () => string }[] = [
	{ name: 'floor: /healthz', path: () => '/healthz' },
	{
		name: '/api/map',
		path: () => {
			const { bbox, view } = viewportQuery();
			return `/api/map?bbox=${bbox}&zoom=${view.zoom.toFixed(2)}${randomFilters()}`;
		}
	},
	{
		name: '/api/list',
		path: () => `/api/list?bbox=${viewportQuery().bbox}${randomFilters()}`
	},
	{
		name: '/zh home',
		path: () => {
			const { view } = viewportQuery();
			return `/zh?map=${view.zoom.toFixed(1)}/${view.lat.toFixed(5)}/${view.lon.toFixed(5)}${randomFilters()}`;
		}
	}
];

/** The index's reload in this process: the first load, a check, and a reload after one change. */
async function timeReload(database: ReturnType<typeof benchDatabase>) {
	const handle = await database.open();
	try {
		let now = 0;
		const cache = new ListingCache(() => now);
		const time = async (fn: () => Promise<unknown>) => {
			const started = performance.now();
			await fn();
			return Math.round(performance.now() - started);
		};
		const firstLoadMs = await time(() => cache.index(handle.db));
		now += VERSION_CHECK_MS;
		const unchangedCheckMs = await time(() => cache.index(handle.db));
		const [one] = await handle.db
			.select({ id: merchantsTable.id })
			.from(merchantsTable)
			.where(eq(merchantsTable.status, 'approved'))
			.limit(1);
		await handle.db
			.update(merchantsTable)
			.set({ version: sql`${merchantsTable.version} + 1`, updatedAt: sql`now()` })
			.where(eq(merchantsTable.id, one.id));
		now += VERSION_CHECK_MS;
		const reloadAfterChangeMs = await time(() => cache.index(handle.db));
		const size = (await cache.index(handle.db)).size;
		return { approvedListings: size, firstLoadMs, unchangedCheckMs, reloadAfterChangeMs };
	} finally {
		await handle.close();
	}
}

const database = benchDatabase();
console.log(
	`bench:map on ${database.description}, ${merchants} merchants, ${seconds} s per endpoint, ${connections} connections`
);
const before = machine();
console.log(
	`machine: ${before.cpus} CPUs (${before.cpuModel}), load average ${before.loadAverage.one.toFixed(2)} / ${before.loadAverage.five.toFixed(2)} / ${before.loadAverage.fifteen.toFixed(2)}`
);
try {
	const seedSeconds = await seedBenchDatabase(database, merchants);
	console.log(`seeded in ${seedSeconds.toFixed(0)} s`);
	const reload = await timeReload(database);
	console.log(
		`listing index: ${reload.approvedListings} approved listings; first load ${reload.firstLoadMs} ms, check with no change ${reload.unchangedCheckMs} ms, reload after one change ${reload.reloadAfterChangeMs} ms`
	);
	buildIfNeeded();
	const server = await startServer(
		database.env,
		join(tmpdir(), `bench-map-server-${process.pid}.log`)
	);
	console.log(`server ${server.url} (pid ${server.pid}, log ${server.log})`);
	const results: LoadResult[] = [];
	const rss: Record<string, number> = {};
	let firstRequestsMs = 0;
	try {
		// Warm up: the index loads on the first request (it blocks the server meanwhile: wait for
		// it, as a load balancer would before sending traffic), each selection on its first use.
		const loadStarted = performance.now();
		for (const e of ENDPOINTS) await (await fetch(`${server.url}${e.path()}`)).arrayBuffer();
		firstRequestsMs = Math.round(performance.now() - loadStarted);
		console.log(`first requests (index load in the server): ${firstRequestsMs} ms`);
		for (const e of ENDPOINTS) {
			await runLoad({ name: e.name, url: server.url, path: e.path, connections: 4, seconds: 3 });
		}
		server.takePeakRss();
		for (const e of ENDPOINTS) {
			const result = await runLoad({
				name: e.name,
				url: server.url,
				path: e.path,
				connections,
				seconds
			});
			rss[e.name] = Math.round(server.takePeakRss());
			results.push(result);
			console.log(
				`  ${e.name}: ${result.reqPerSec.toFixed(0)} req/s, p95 ${result.p95} ms, RSS ≤ ${rss[e.name]} MB`
			);
		}
	} finally {
		await server.stop();
	}
	const [floor, map, list, home] = results;
	const maxRss = Math.max(...Object.values(rss));
	const budgets: Budget[] = [
		{ what: '/api/map req/s', value: map.reqPerSec, limit: 1000, kind: 'min', unit: 'req/s' },
		{ what: '/api/list req/s', value: list.reqPerSec, limit: 800, kind: 'min', unit: 'req/s' },
		{ what: '/zh home req/s', value: home.reqPerSec, limit: 300, kind: 'min', unit: 'req/s' },
		{ what: '/api/map p95', value: map.p95, limit: 100, kind: 'max', unit: 'ms' },
		{ what: '/api/list p95', value: list.p95, limit: 100, kind: 'max', unit: 'ms' },
		{ what: 'server RSS under load', value: maxRss, limit: 400, kind: 'max', unit: 'MB' }
	];
	const after = machine();
	console.log(
		`\n${loadTable(results, floor)}\n\nserver RSS (peak per run, MB): ${JSON.stringify(rss)}\n\n${budgetTable(budgets)}\n`
	);
	console.log(
		`load average after: ${after.loadAverage.one.toFixed(2)} / ${after.loadAverage.five.toFixed(2)} / ${after.loadAverage.fifteen.toFixed(2)}`
	);
	writeResults('map', {
		date: new Date().toISOString(),
		database: database.description,
		merchants,
		seconds,
		connections,
		machine: { before, after },
		seedSeconds: Math.round(seedSeconds),
		listingIndex: { ...reload, serverFirstRequestsMs: firstRequestsMs },
		endpoints: results.map((r) => ({
			...r,
			p95OverFloor: r.p95 / floor.p95,
			peakRssMb: rss[r.name]
		})),
		budgets: budgets.map((b) => ({ ...b, pass: passes(b) }))
	});
	console.log('written: bench/results.json (section "map")');
	if (!budgets.every(passes)) process.exitCode = 1;
} finally {
	database.dispose();
}
