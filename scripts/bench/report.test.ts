import { describe, expect, it } from 'vitest';
import { budgetsOf, growthTable, passes, sizeTable } from './report';
import type { EndpointResult, SizeResult } from './run';

const endpoint = (name: string, reqPerSec: number, p95: number, extra = {}): EndpointResult => ({
	name,
	requests: reqPerSec * 10,
	reqPerSec,
	p50: p95 / 2,
	p95,
	p99: p95 * 2,
	wrong: 0,
	errors: 0,
	meanBytes: 2048,
	connections: 50,
	peakRssMb: 300,
	load: 12.5,
	...extra
});

function size(merchants: number, mapReqPerSec: number): SizeResult {
	return {
		merchants,
		events: merchants * 10,
		database: 'PGlite (/tmp/x)',
		seed: {
			merchantsSeconds: merchants / 100,
			eventsSeconds: 1,
			rollupSeconds: 1,
			copySeconds: null,
			dueJobsSeconds: null
		},
		reload: {
			approvedListings: merchants * 0.8,
			fullLoadMs: merchants / 10,
			fullLoadAgainMs: merchants / 20,
			checkNoChangeMs: 5,
			reloadAfterChangeMs: merchants / 50
		},
		serverFirstRequestsMs: 100,
		endpoints: [
			endpoint('floor: /healthz', 5000, 10),
			endpoint('/api/map', mapReqPerSec, 80, { minReqPerSec: 1000, maxP95Ms: 100 }),
			endpoint('metrics dashboard', 4, 250, { maxP95Ms: 300, maxKb: 1 })
		],
		memory: { idleMb: 200, peakMb: 450, connections: 200, run: null },
		importEffect: {
			rows: 10_000,
			status: 'done',
			uploadSeconds: 3,
			importSeconds: 20,
			baselineP99Ms: 100,
			baselineRequests: 500,
			beforeP99Ms: 100,
			afterP99Ms: 100,
			duringP99Ms: 150,
			duringRequests: 900,
			ratio: 1.5
		},
		dashboardEffect: {
			loads: 40,
			loadMedianMs: 240,
			baselineP99Ms: 100,
			baselineRequests: 500,
			beforeP99Ms: 90,
			afterP99Ms: 110,
			duringP99Ms: 180,
			duringRequests: 450,
			ratio: 1.8
		}
	};
}

describe("the bench's report", () => {
	it('checks each budget of a size: throughput, p95, answer size, memory, import, dashboard', () => {
		const verdicts = Object.fromEntries(
			budgetsOf(size(2000, 1200)).map((b) => [b.what, passes(b)])
		);
		expect(verdicts).toEqual({
			'/api/map req/s': true,
			'/api/map p95': true,
			'metrics dashboard p95': true,
			'metrics dashboard size': false,
			'server RSS peak under load': false,
			'visitors p99 during / without a 10,000-row import': true,
			'visitors p99 while the dashboard reloads / without': false
		});
	});

	it('prints each endpoint with its p95 against the floor and its verdicts', () => {
		const table = sizeTable(size(2000, 900));
		expect(table).toContain(
			'| /api/map | 50 | 900 | 40.0 | 80.0 | 160.0 | 8.0× | 2.0 | 0 / 0 | 12.5 | ≥ 1,000 req/s FAIL, ≤ 100 ms PASS |'
		);
		expect(table).toContain('= 1.50× | 10 | | | | | | | | | ≤ 2 × PASS |');
		expect(table).toContain(
			'| visitors while an official reloads the dashboard (40 loads, median 240 ms): p99 180 ms vs 100 ms without (before 90, after 110) = 1.80× | 10 | | | | | | | | | ≤ 1.5 × FAIL |'
		);
	});

	it('says how each cost grows across sizes', () => {
		const table = growthTable([size(2000, 1000), size(100_000, 1000)]);
		// 5,000 req/s for the floor, 1,000 for the map: 5 floors per request at both sizes.
		expect(table).toMatch(/\| \/api\/map \| 5\.00 \| 5\.00 \| flat \(k = 0\.00\); as expected/);
		expect(table).not.toMatch(/\| floor/);
		expect(table).toMatch(/\| index: full load \| 200 \| 10,000 \| linear \(k = 1\.00\)/);
	});
});
