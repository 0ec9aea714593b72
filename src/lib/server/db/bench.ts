/**
 * `npm run bench [-- --merchants N]`: how long the demo seed and the public queries take, on
 * an in-memory PGlite, or on DATABASE_URL's server when set (its data is replaced!).
 * Speed is measured here, never asserted in tests.
 */
import { parseArgs } from 'node:util';
import { describeTarget, openDatabase, targetFromEnv } from './client';
import { seedDemo } from './seed';
import { hasDemoData, publicOverview } from '../merchants/overview';

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
} finally {
	await handle.close();
}
