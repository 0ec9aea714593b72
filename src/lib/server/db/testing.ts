/**
 * A fresh, migrated database for one test file: embedded PGlite in memory by default, or a
 * new throw-away database on the PostgreSQL server of TEST_DATABASE_URL (dropped afterwards).
 * One suite, two drivers: the same tests run on both.
 */
import postgres from 'postgres';
import { afterAll } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle, type DatabaseTarget } from './client';

export interface TestDatabase {
	db: Database;
	driver: DatabaseTarget['driver'];
	close(): Promise<void>;
}

/** A test file's database, awaited at the top of the file: opened at once, closed after its tests. */
export async function testDatabase(): Promise<TestDatabase> {
	const t = await openTestDatabase();
	afterAll(() => t.close());
	return t;
}

export async function openTestDatabase(): Promise<TestDatabase> {
	const serverUrl = process.env.TEST_DATABASE_URL;
	if (!serverUrl) {
		const handle = await openDatabase({ driver: 'pglite', dir: null });
		await migratedOrClosed(handle);
		return { db: handle.db, driver: 'pglite', close: handle.close };
	}
	const name = `cashless_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	const dropAndEnd = async () => {
		try {
			await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		} finally {
			await admin.end();
		}
	};
	let handle: DatabaseHandle;
	try {
		await admin.unsafe(`CREATE DATABASE ${name}`);
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		handle = await openDatabase({ driver: 'postgres', url: url.toString() });
		await migratedOrClosed(handle);
	} catch (error) {
		// Nothing may outlive a failed start: an open pool keeps the test process alive.
		await dropAndEnd();
		throw error;
	}
	return {
		db: handle.db,
		driver: 'postgres',
		close: async () => {
			await handle.close();
			await dropAndEnd();
		}
	};
}

async function migratedOrClosed(handle: DatabaseHandle): Promise<void> {
	try {
		await handle.migrate();
	} catch (error) {
		await handle.close();
		throw error;
	}
}
