/**
 * The application's database, opened once per process on first use (never at import time,
 * so building the app touches no database). Migrations run at start on both drivers. The app
 * never loads demo data itself: `npm run db:seed` does (scripts/db-seed.ts; `npm run dev`
 * runs it with --if-empty first).
 */
import {
	describeTarget,
	openDatabase,
	targetFromEnv,
	type Database,
	type DatabaseHandle
} from './client';

let handle: Promise<DatabaseHandle> | undefined;

async function start(): Promise<DatabaseHandle> {
	const target = targetFromEnv();
	const opened = await openDatabase(target);
	await opened.migrate();
	console.log(`[db] ready: ${describeTarget(target)}`);
	return opened;
}

export function getDb(): Promise<Database> {
	handle ??= start().catch((error) => {
		handle = undefined;
		throw error;
	});
	return handle.then((h) => h.db);
}

/**
 * Closes the database getDb opened, if any; the next getDb opens it again. A server keeps it for
 * its whole life; tests that go through the routes (which call getDb) close it when done, or
 * its PGlite instance or postgres.js pool would outlive them.
 */
export async function closeDb(): Promise<void> {
	const opened = handle;
	handle = undefined;
	const h = await opened?.catch(() => undefined);
	await h?.close();
}

export type { Database, Executor } from './client';
