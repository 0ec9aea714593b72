// In-process: the bench's random list/map requests against the engine, for --cpu-prof.
import { openDatabase } from '../src/lib/server/db/client';
import { listingIndex } from '../src/lib/server/merchants/listing-index';
import { listPage, LIST_PAGE_SIZE } from '../src/lib/server/merchants/list-page';
import { mapFeatures } from '../src/lib/server/merchants/listing-map';
import { bboxOfView, parseMapState, type MapView } from '../src/lib/merchants/filters';
import { CATEGORIES } from '../src/lib/merchants/vocabulary';
const which = process.argv[2] ?? 'list';
const seconds = Number(process.argv[3] ?? 20);
const handle = await openDatabase({ driver: 'postgres', url: process.env.DATABASE_URL! });
const SEARCH_WORDS = ['药店', 'pharmacie', '香水', 'hotel', 'maison', 'cafe'];
const random = (min: number, max: number) => min + Math.random() * (max - min);
const pick = <T>(l: readonly T[]): T => l[Math.floor(Math.random() * l.length)];
function randomView(): MapView {
	return Math.random() < 0.5
		? { zoom: random(13, 15.5), lat: random(48.82, 48.9), lon: random(2.26, 2.42) }
		: { zoom: random(8.5, 10.5), lat: random(48.6, 49.05), lon: random(1.9, 2.8) };
}
function randomFilters(): string {
	const c = Math.floor(Math.random() * 9);
	if (c <= 2) return '';
	if (c === 3) return '&open=1';
	if (c === 4) return '&taxfree=1';
	if (c === 5) return '&zh=1';
	if (c === 6) return `&cat=${pick(CATEGORIES)}`;
	return `&q=${encodeURIComponent(pick(SEARCH_WORDS))}`;
}
const idx = await listingIndex(handle.db);
console.log('index', idx.size);
const m0 = process.memoryUsage();
let n = 0;
const times: number[] = [];
const end = Date.now() + seconds * 1000;
while (Date.now() < end) {
	const view = randomView();
	const bbox = bboxOfView(view, 390, 844) as [number, number, number, number];
	const params = new URLSearchParams(randomFilters().slice(1));
	const state = parseMapState(params);
	const t0 = performance.now();
	if (which === 'list') {
		await listPage(handle.db, {
			filters: state.filters, bbox,
			origin: { lat: (bbox[1] + bbox[3]) / 2, lon: (bbox[0] + bbox[2]) / 2 },
			originIsVisitor: false, page: 1, pageSize: LIST_PAGE_SIZE, now: new Date()
		});
	} else if (which === 'zh') {
		const v = { zoom: Number(view.zoom.toFixed(1)), lat: view.lat, lon: view.lon };
		const b = bboxOfView(v, 390, 420) as [number, number, number, number];
		await listPage(handle.db, {
			filters: state.filters, bbox: b, origin: { lat: v.lat, lon: v.lon },
			originIsVisitor: false, page: 1, pageSize: LIST_PAGE_SIZE, now: new Date()
		});
	} else {
		await mapFeatures(handle.db, state.filters, bbox, view.zoom, new Date());
	}
	times.push(performance.now() - t0);
	n++;
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.floor(times.length * p)].toFixed(2);
const m1 = process.memoryUsage();
console.log(which, n, 'req', (n / seconds).toFixed(0), 'req/s; p50', q(0.5), 'p95', q(0.95), 'p99', q(0.99), 'max', times.at(-1)!.toFixed(1), 'heap MB', (m0.heapUsed / 2 ** 20).toFixed(0), '→', (m1.heapUsed / 2 ** 20).toFixed(0));
await handle.close();
