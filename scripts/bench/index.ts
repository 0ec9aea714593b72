/**
 * `npm run bench`: the site measured from outside, as visitors, officials and administrators use
 * it, at 100,000 merchants and 1,000,000 search events (or `--merchants` / `--events`), on
 * DATABASE_URL's PostgreSQL when it is set (its data is replaced!) and on a temporary PGlite
 * folder otherwise. `--growth` measures 2k, 20k and 100k merchants (or `--sizes a,b,c`) in one
 * run, search events in proportion, and says how each cost grows. `--preset map` (`npm run
 * bench:map`) measures only the map, the list and the home page against the floor; `--preset
 * import` only the import's effect on visitors (quick to rerun). `--cpu-prof <dir>` starts the
 * server with --cpu-prof (its profile is written there when it stops).
 *
 * Per size (run.ts): seed, the listing index's loads timed in this process, then the production
 * build (rebuilt when the sources are newer) started on a free port and driven by autocannon:
 * every public endpoint and page at 50 connections, the metrics dashboard signed in as an
 * official, the server's RSS idle and under 200 connections, and a 10,000-row import with ten
 * visitors' p99 during it against without it. Prints one table per size with PASS/FAIL per
 * budget, the machine and its load average, and writes bench/results.json (section "bench", or
 * "map" for the preset). Exits non-zero when a budget fails. Speed is measured here, never
 * asserted in tests.
 */
import { parseArgs } from 'node:util';
import { benchSize, type SizeResult } from './run';
import { MAP_ENDPOINTS } from './endpoints';
import { buildIfNeeded } from './server';
import { budgetsOf, growthTable, machine, passes, sizeTable, writeResults } from './report';

const { values } = parseArgs({
	options: {
		preset: { type: 'string', default: 'all' },
		merchants: { type: 'string', default: '100000' },
		events: { type: 'string', default: '1000000' },
		growth: { type: 'boolean', default: false },
		sizes: { type: 'string', default: '2000,20000,100000' },
		seconds: { type: 'string' },
		connections: { type: 'string', default: '50' },
		'memory-connections': { type: 'string', default: '200' },
		'import-rows': { type: 'string', default: '10000' },
		/** Keep seeded PGlite folders here and reuse them in the next runs. */
		keep: { type: 'string' },
		/** PostgreSQL: the database is seeded at this size already (an earlier run): reuse it. */
		reuse: { type: 'boolean', default: false },
		/** Profile the server (node --cpu-prof) into this folder. */
		'cpu-prof': { type: 'string' }
	}
});
if (!['all', 'map', 'import'].includes(values.preset))
	throw new Error('--preset all, map or import');
const mapOnly = values.preset === 'map';
const importOnly = values.preset === 'import';
const largest = Number(values.merchants);
const events = Number(values.events);
const sizes = values.growth ? values.sizes.split(',').map(Number) : [largest];
const seconds = Number(values.seconds ?? (mapOnly || importOnly ? 20 : 10));

const started = Date.now();
const log = (line: string) =>
	console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
const loadAverage = (m: ReturnType<typeof machine>) =>
	`${m.loadAverage.one.toFixed(2)} / ${m.loadAverage.five.toFixed(2)} / ${m.loadAverage.fifteen.toFixed(2)}`;

const before = machine();
console.log(
	`npm run bench${mapOnly ? ':map' : ''} on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL; its data is replaced)' : 'PGlite (a temporary folder)'}; sizes ${sizes.join(', ')} merchants; ${seconds} s per endpoint, ${values.connections} connections`
);
console.log(
	`machine: ${before.cpus} CPUs (${before.cpuModel}), Node ${before.node}, load average ${loadAverage(before)} (1 / 5 / 15 min)`
);
buildIfNeeded();
const results: SizeResult[] = [];
const failures: string[] = [];
for (const merchants of sizes) {
	// A size that fails (the server gone, a refused sign-in) is reported; the others still count.
	const result = await benchSize({
		merchants,
		// As many search events per merchant at every size (1M for 100k by default).
		events: mapOnly ? 0 : Math.round((events * merchants) / largest),
		seconds,
		connections: Number(values.connections),
		only: mapOnly ? MAP_ENDPOINTS : importOnly ? [] : null,
		dashboard: !mapOnly && !importOnly,
		timeIndex: !importOnly,
		importRows: mapOnly ? 0 : Number(values['import-rows']),
		memoryConnections: mapOnly || importOnly ? 0 : Number(values['memory-connections']),
		keep: values.keep,
		cpuProfile: values['cpu-prof'],
		reuse: values.reuse,
		log
	}).catch((error: unknown) => {
		failures.push(`${merchants} merchants: ${error instanceof Error ? error.stack : error}`);
		log(`FAILED at ${merchants} merchants: ${error}`);
		return null;
	});
	if (result) results.push(result);
}
const after = machine();
for (const size of results) {
	console.log(
		`\n${size.merchants.toLocaleString('en-US')} merchants, ${size.events.toLocaleString('en-US')} search events, ${size.database}:\n\n${sizeTable(size)}`
	);
}
if (results.length > 1) console.log(`\nHow each cost grows:\n\n${growthTable(results)}`);
console.log(`\nload average before ${loadAverage(before)}, after ${loadAverage(after)}`);
const budgets = results.flatMap((size) =>
	budgetsOf(size).map((b) => ({ ...b, merchants: size.merchants, pass: passes(b) }))
);
writeResults(mapOnly ? 'map' : 'bench', {
	date: new Date().toISOString(),
	driver: process.env.DATABASE_URL ? 'postgres' : 'pglite',
	seconds,
	connections: Number(values.connections),
	machine: { before, after },
	sizes: results,
	budgets,
	failures
});
console.log(`written: bench/results.json (section "${mapOnly ? 'map' : 'bench'}")`);
if (failures.length) console.log(`\nFAILED:\n- ${failures.join('\n- ')}`);
if (failures.length || !budgets.every((b) => b.pass)) process.exitCode = 1;
