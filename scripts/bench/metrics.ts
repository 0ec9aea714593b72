/**
 * `npm run bench:metrics [-- --merchants 100000 --events 1000000 --runs 5]`: the officials'
 * metrics dashboard at scale. Seeds the demo dataset with N merchants and M anonymous search
 * events (on PGlite in a temporary folder, or on DATABASE_URL's PostgreSQL when set: its data is
 * replaced), runs the metrics rollup job as the nightly run would, then times the dashboard load
 * and each of its queries in-process (median of several runs), prints PASS/FAIL against the
 * budgets (300 ms the page, 150 ms each query) and writes a "metrics" key into bench/results.json.
 * Speed is measured here, never asserted in tests.
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import {
	describeTarget,
	openDatabase,
	type Database,
	type DatabaseTarget
} from '../../src/lib/server/db/client';
import { queryRows } from '../../src/lib/server/db/query';
import { seedDemo } from '../demo/seed';
import { seedSearchEvents } from './search-events';
import { metricsQueries, dashboard } from '../../src/lib/server/metrics';
import { rollUpMetrics } from '../../src/lib/server/metrics/rollups';
import { defaultRange } from '../../src/lib/metrics/range';
import { parisIsoDate } from '../../src/lib/i18n/format';

const { values } = parseArgs({
	options: {
		merchants: { type: 'string', default: '100000' },
		events: { type: 'string', default: '1000000' },
		runs: { type: 'string', default: '5' },
		/** Keep the seeded PGlite folder here and reuse it next time (seeding 100k takes minutes). */
		dir: { type: 'string' },
		/** Write EXPLAIN ANALYZE of every dashboard query to bench/metrics-plans-<driver>.txt. */
		explain: { type: 'boolean', default: false }
	}
});
const merchants = Number(values.merchants);
const events = Number(values.events);
const runs = Number(values.runs);
const PAGE_BUDGET_MS = 300;
const QUERY_BUDGET_MS = 150;

const kept = values.dir ?? null;
const folder =
	process.env.DATABASE_URL || kept ? null : mkdtempSync(join(tmpdir(), 'bench-metrics-'));
const target: DatabaseTarget = process.env.DATABASE_URL
	? { driver: 'postgres', url: process.env.DATABASE_URL }
	: { driver: 'pglite', dir: kept ?? folder };
const handle = await openDatabase(target);

async function median(fn: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await fn();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

const time = async (fn: () => Promise<unknown>) => {
	const start = performance.now();
	await fn();
	return performance.now() - start;
};

/** An executor that runs EXPLAIN (ANALYZE, BUFFERS) of each raw query first and keeps the plan. */
function explaining(db: Database, plans: string[]): Database {
	return new Proxy(db, {
		get(target, property, receiver) {
			if (property !== 'execute') return Reflect.get(target, property, receiver);
			return async (query: SQL) => {
				const rows = await queryRows(target, sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`);
				plans.push(rows.map((r) => String(Object.values(r)[0])).join('\n'));
				return target.execute(query);
			};
		}
	});
}

try {
	console.log(
		`bench:metrics on ${describeTarget(target)}: ${merchants} merchants, ${events} search events, median of ${runs} runs`
	);
	await handle.migrate();
	const db = handle.db;
	const [seeded] = await queryRows<{ n: number }>(
		db,
		sql`SELECT count(*)::int AS n FROM merchants`
	);
	// A kept PGlite folder, or the PostgreSQL database, already seeded with as many merchants: reused.
	const reuse = (kept !== null || target.driver === 'postgres') && Number(seeded.n) === merchants;
	const seedMs = reuse ? 0 : await time(() => seedDemo(db, { merchants, log: () => {} }));
	console.log(
		reuse
			? `reusing the ${merchants} merchants already there`
			: `seeded ${merchants} merchants in ${(seedMs / 1000).toFixed(1)} s`
	);
	const eventsMs = await time(() => seedSearchEvents(db, events));
	console.log(`search events up to ${events} in ${(eventsMs / 1000).toFixed(1)} s`);
	const now = new Date();
	const rollupMs = await time(() => rollUpMetrics(db, now));
	console.log(`rollup job (first run, whole history) in ${(rollupMs / 1000).toFixed(1)} s`);
	const range = defaultRange(parisIsoDate(now));

	const rows: { name: string; ms: number; budget: number }[] = [];
	// Warm once (the first load compiles the plans and reads the pages into memory). The page
	// loads every figure but the density hexagons (folded: loaded when opened, timed below).
	await dashboard(db, range, now, { density: false });
	rows.push({
		name: 'dashboard page load',
		ms: await median(() => dashboard(db, range, now, { density: false })),
		budget: PAGE_BUDGET_MS
	});
	const queries = metricsQueries(db, range, now);
	const coverage = await queries.coverage();
	for (const [name, query] of Object.entries(queries)) {
		// The headline takes the request's coverage (computed once): the others take nothing.
		const run = () => (query as (c: typeof coverage) => Promise<unknown>)(coverage);
		rows.push({ name, ms: await median(run), budget: QUERY_BUDGET_MS });
	}
	const nightly = await time(() => rollUpMetrics(db, now));
	if (values.explain) {
		const plans: string[] = [];
		const explained = explaining(db, plans);
		for (const [name, query] of Object.entries(metricsQueries(explained, range, now))) {
			const before = plans.length;
			await (query as (c: typeof coverage) => Promise<unknown>)(coverage);
			plans.splice(before, 0, `=== ${name}`);
		}
		const file = `bench/metrics-plans-${target.driver}.txt`;
		mkdirSync('bench', { recursive: true });
		writeFileSync(file, plans.join('\n\n') + '\n');
		console.log(`wrote EXPLAIN ANALYZE of every query to ${file}`);
	}
	console.log('');
	console.log(`${'what'.padEnd(36)} ${'median'.padStart(10)} ${'budget'.padStart(8)}  result`);
	for (const r of rows) {
		console.log(
			`${r.name.padEnd(36)} ${`${r.ms.toFixed(1)} ms`.padStart(10)} ${`${r.budget} ms`.padStart(8)}  ${r.ms <= r.budget ? 'PASS' : 'FAIL'}`
		);
	}
	console.log(`\nrollup job, second run the same day: ${nightly.toFixed(0)} ms`);

	const file = 'bench/results.json';
	mkdirSync('bench', { recursive: true });
	const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
	const driver = target.driver === 'pglite' ? 'pglite' : 'postgres';
	writeFileSync(
		file,
		JSON.stringify(
			{
				...previous,
				metrics: {
					...(previous.metrics ?? {}),
					[driver]: {
						date: now.toISOString(),
						database: describeTarget(target),
						merchants,
						searchEvents: events,
						runs,
						seedSeconds: Math.round(seedMs / 100) / 10,
						rollupFirstRunSeconds: Math.round(rollupMs / 100) / 10,
						rollupSameDayMs: Math.round(nightly),
						budgets: { pageMs: PAGE_BUDGET_MS, queryMs: QUERY_BUDGET_MS },
						medians: Object.fromEntries(
							rows.map((r) => [r.name, { ms: Math.round(r.ms * 10) / 10, pass: r.ms <= r.budget }])
						)
					}
				}
			},
			null,
			'\t'
		) + '\n'
	);
	console.log(`wrote the "metrics" key of ${file} (${driver})`);
} finally {
	await handle.close();
	if (folder) rmSync(folder, { recursive: true, force: true });
}
