/**
 * The listing engine in process, without HTTP: the memory of the listing index (heap, external,
 * RSS, after a forced garbage collection at each stage: process, database open, index loaded)
 * and `listPage` / `mapFeatures` called with the bench's own random viewports and filters, for
 * `--seconds` each, with the slowest kinds of request. Also the index's reload after one change.
 *
 *   PGLITE_DIR=/path/to/seeded node --expose-gc --import tsx scripts/bench/engine.ts [--seconds 10]
 *   DATABASE_URL=postgres://… node --expose-gc --import tsx scripts/bench/engine.ts
 *
 * Prints the machine's load average next to every figure: timings on a shared machine mean
 * little without it.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase, targetFromEnv, describeTarget } from '../../src/lib/server/db/client';
import { listPage } from '../../src/lib/server/merchants/list-page';
import { mapFeatures } from '../../src/lib/server/merchants/listing-map';
import { listingIndex } from '../../src/lib/server/merchants/listing-index';
import { parseBBox, parseFilters, parseMapState } from '../../src/lib/merchants/filters';
import { publicEndpoints } from './endpoints';
import { timeReload } from './reload';

const { values: args } = parseArgs({
	options: { seconds: { type: 'string', default: '10' }, reload: { type: 'boolean' } }
});
const seconds = Number(args.seconds);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const load = () =>
	loadavg()
		.map((l) => l.toFixed(1))
		.join(' / ');

function memory(stage: string): NodeJS.MemoryUsage {
	(globalThis as { gc?: () => void }).gc?.();
	const m = process.memoryUsage();
	console.log(
		`${stage.padEnd(22)} heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB ` +
			`(array buffers ${mb(m.arrayBuffers)}), RSS ${mb(m.rss)} MB`
	);
	return m;
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Calls `run` on paths from `path` for `seconds`: req/s, p50, p95, and the slowest paths. */
async function drive(name: string, path: () => string, run: (url: URL) => Promise<unknown>) {
	const times: { ms: number; path: string }[] = [];
	const until = performance.now() + seconds * 1000;
	while (performance.now() < until) {
		const p = path();
		const started = performance.now();
		await run(new URL(p, 'http://bench'));
		times.push({ ms: performance.now() - started, path: p });
	}
	const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
	const total = sorted.reduce((a, b) => a + b, 0);
	console.log(
		`${name.padEnd(10)} ${Math.round(times.length / seconds)} req/s (one at a time), mean ` +
			`${(total / times.length).toFixed(2)} ms, p50 ${percentile(sorted, 0.5).toFixed(2)} ms, ` +
			`p95 ${percentile(sorted, 0.95).toFixed(2)} ms, p99 ${percentile(sorted, 0.99).toFixed(2)} ms; ` +
			`load ${load()}`
	);
	// By kind of request: region or city viewport, and the filter.
	const kinds = new Map<string, number[]>();
	for (const t of times) {
		const url = new URL(t.path, 'http://bench');
		const [w, , e] = (url.searchParams.get('bbox') ?? '').split(',').map(Number);
		const filter = [...url.searchParams.keys()].find((k) => !['bbox', 'zoom'].includes(k));
		const word = filter === 'q' || filter === 'cat' ? `=${url.searchParams.get(filter)}` : '';
		const kind = `${e - w > 0.1 ? 'region' : 'city'} ${filter ?? 'none'}${word}`;
		kinds.set(kind, [...(kinds.get(kind) ?? []), t.ms]);
	}
	for (const [kind, ms] of [...kinds]
		.sort((a, b) => b[1].reduce((x, y) => x + y) - a[1].reduce((x, y) => x + y))
		.slice(0, 12)) {
		ms.sort((a, b) => a - b);
		const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
		console.log(
			`    ${kind.padEnd(40)} n ${String(ms.length).padStart(5)}  mean ${mean.toFixed(2)} ms  p95 ${percentile(ms, 0.95).toFixed(2)} ms  (share of time ${Math.round((100 * mean * ms.length) / total)} %)`
		);
	}
	for (const t of times.sort((a, b) => b.ms - a.ms).slice(0, 5)) {
		console.log(`    ${t.ms.toFixed(1)} ms ${decodeURIComponent(t.path)}`);
	}
}

const baseline = memory('process');
const target = targetFromEnv();
const handle = await openDatabase(target);
console.log(`database: ${describeTarget(target)}`);
const opened = memory('database open');
const started = performance.now();
const index = await listingIndex(handle.db);
console.log(
	`index: ${index.size} listings, first load ${Math.round(performance.now() - started)} ms`
);
const loaded = memory('index loaded');
console.log(
	`index's share: heap ${mb(loaded.heapUsed - opened.heapUsed)} MB, RSS ` +
		`${mb(loaded.rss - opened.rss)} MB; database open: RSS ${mb(opened.rss - baseline.rss)} MB`
);

const endpoints = publicEndpoints([{ id: 1, name: 'x' }]);
const endpoint = (name: string) => endpoints.find((e) => e.name === name)!.path;
const now = () => new Date();
await drive('list', endpoint('/api/list'), async (url) => {
	const bbox = parseBBox(url.searchParams.get('bbox'))!;
	const state = parseMapState(url.searchParams);
	await listPage(handle.db, {
		filters: state.filters,
		bbox,
		origin: { lat: (bbox[1] + bbox[3]) / 2, lon: (bbox[0] + bbox[2]) / 2 },
		originIsVisitor: false,
		page: 1,
		pageSize: 20,
		now: now()
	});
});
await drive('map', endpoint('/api/map'), async (url) => {
	const bbox = parseBBox(url.searchParams.get('bbox'))!;
	const zoom = Number(url.searchParams.get('zoom'));
	await mapFeatures(handle.db, parseFilters(url.searchParams), bbox, zoom, now());
});
memory('after the runs');
if (args.reload) {
	const times = await timeReload(handle, 3);
	console.log(`reload: ${JSON.stringify(times)}; load ${load()}`);
	memory('after the reloads');
}
await handle.close();
