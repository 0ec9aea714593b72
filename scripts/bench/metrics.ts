/**
 * `npm run bench:metrics [-- --merchants 100000 --events 1000000 --runs 5 --keep DIR --explain]`:
 * the officials' metrics dashboard at scale, query by query. Seeds the bench database as
 * `npm run bench` does (database.ts: PGlite in a temporary folder, or a copy of the template
 * kept under `--keep`; DATABASE_URL's PostgreSQL when set, its data replaced; the rollup job's
 * first run included), then times the dashboard's load and each of its queries in this process
 * (median of `--runs`), prints PASS/FAIL against the budgets (300 ms the page, 150 ms each
 * query) and writes the "metrics" key of bench/results.json (per driver). `npm run bench` times
 * the same page over HTTP, signed in. Speed is measured here, never asserted in tests.
 */
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../src/lib/server/db/client';
import { queryRows } from '../../src/lib/server/db/query';
import { benchDatabase, seedBenchDatabase } from './database';
import { readResults, writeResults } from './report';
import { metricsQueries, dashboard } from '../../src/lib/server/metrics';
import { rollUpMetrics } from '../../src/lib/server/metrics/rollups';
import { defaultRange } from '../../src/lib/metrics/range';
import { parisIsoDate } from '../../src/lib/i18n/format';

const { values } = parseArgs({
	options: {
		merchants: { type: 'string', default: '100000' },
		events: { type: 'string', default: '1000000' },
		runs: { type: 'string', default: '5' },
		/** Keep the seeded PGlite folder under this one and reuse it next time (as `npm run bench`). */
		keep: { type: 'string' },
		/** Write EXPLAIN ANALYZE of every dashboard query to bench/metrics-plans-<driver>.txt. */
		explain: { type: 'boolean', default: false },
		/** PostgreSQL only: DATABASE_URL was seeded by an earlier run of this size; time it as it is. */
		reuse: { type: 'boolean', default: false }
	}
});
const merchants = Number(values.merchants);
const events = Number(values.events);
const runs = Number(values.runs);
const PAGE_BUDGET_MS = 300;
const QUERY_BUDGET_MS = 150;

const database = benchDatabase();
const driver = database.target.driver;
let handle: DatabaseHandle | null = null;

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
		`bench:metrics on ${database.description}: ${merchants} merchants, ${events} search events, median of ${runs} runs`
	);
	// Seeds (or copies the kept template) and runs the rollup job's first run, as the nightly run would.
	const seed =
		values.reuse && driver === 'postgres'
			? 'reused'
			: await seedBenchDatabase(database, {
					merchants,
					events,
					keep: values.keep,
					log: (line) => console.log(`  ${line}`)
				});
	console.log(`seeded: ${JSON.stringify(seed)} (seconds; a kept template: its own seed times)`);
	handle = await database.open();
	const db = handle.db;
	const now = new Date();
	// A kept template or a reused database may predate migrations and today: migrate, and run the
	// nightly job as today's run would (the second run, below, is what a following night costs).
	await handle.migrate();
	const firstRun = await time(() => rollUpMetrics(db, now));
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
		const file = `bench/metrics-plans-${driver}.txt`;
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
	console.log(
		`\nrollup job: today's run ${firstRun.toFixed(0)} ms, a second run the same day ${nightly.toFixed(0)} ms`
	);

	writeResults('metrics', {
		...(readResults().metrics as object | undefined),
		[driver]: {
			date: now.toISOString(),
			database: database.description,
			merchants,
			searchEvents: events,
			runs,
			seed,
			rollupFirstMs: Math.round(firstRun),
			rollupSameDayMs: Math.round(nightly),
			budgets: { pageMs: PAGE_BUDGET_MS, queryMs: QUERY_BUDGET_MS },
			medians: Object.fromEntries(
				rows.map((r) => [r.name, { ms: Math.round(r.ms * 10) / 10, pass: r.ms <= r.budget }])
			)
		}
	});
	console.log(`wrote the "metrics" key of bench/results.json (${driver})`);
} finally {
	await handle?.close();
	database.dispose();
}
