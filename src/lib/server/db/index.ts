/**
 * The application's database, opened once per process on first use (never at import time,
 * so building the app touches no database). Migrations run at start on both drivers; an
 * empty embedded database is filled with the demo dataset unless SEED_DEMO=0.
 */
import {
	describeTarget,
	openDatabase,
	targetFromEnv,
	type Database,
	type DatabaseHandle
} from './client';
import { isEmpty, seedDemo } from './seed';

let handle: Promise<DatabaseHandle> | undefined;

async function start(): Promise<DatabaseHandle> {
	const target = targetFromEnv();
	const opened = await openDatabase(target);
	await opened.migrate();
	if (shouldSeed(target.driver) && (await isEmpty(opened.db))) {
		console.log(`[db] ${describeTarget(target)} is empty: loading the demo dataset…`);
		const report = await seedDemo(opened.db, {});
		console.log(report.summary);
	}
	console.log(`[db] ready: ${describeTarget(target)}`);
	return opened;
}

function shouldSeed(driver: 'pglite' | 'postgres'): boolean {
	const flag = process.env.SEED_DEMO;
	if (flag === '1' || flag === 'true') return true;
	if (flag === '0' || flag === 'false') return false;
	// By default only an embedded database outside production gets demo data.
	return driver === 'pglite' && process.env.NODE_ENV !== 'production';
}

export function getDb(): Promise<Database> {
	handle ??= start().catch((error) => {
		handle = undefined;
		throw error;
	});
	return handle.then((h) => h.db);
}

export type { Database, Executor } from './client';
