/**
 * The benchmarks' database: DATABASE_URL's PostgreSQL when it is set (its data is replaced!),
 * else a PGlite folder made for the run and removed after. Seeded with the demo data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	describeTarget,
	openDatabase,
	type DatabaseHandle,
	type DatabaseTarget
} from '../../src/lib/server/db/client';
import { seedDemo } from '../demo/seed';

export interface BenchDatabase {
	target: DatabaseTarget;
	/** 'PGlite (/tmp/…)' or 'PostgreSQL (host:port/db)'. */
	description: string;
	/** What the server needs in its environment to open the same database. */
	env: Record<string, string>;
	/** Opens it in this process (close it before a server opens a PGlite folder). */
	open(): Promise<DatabaseHandle>;
	/** Removes the temporary PGlite folder (PostgreSQL is left as seeded). */
	dispose(): void;
}

export function benchDatabase(): BenchDatabase {
	const url = process.env.DATABASE_URL;
	const target: DatabaseTarget = url
		? { driver: 'postgres', url }
		: { driver: 'pglite', dir: mkdtempSync(join(tmpdir(), 'bench-pglite-')) };
	return {
		target,
		description: describeTarget(target),
		env:
			target.driver === 'postgres'
				? { DATABASE_URL: target.url }
				: { PGLITE_DIR: target.dir!, DATABASE_URL: '' },
		open: () => openDatabase(target),
		dispose: () => {
			if (target.driver === 'pglite' && target.dir)
				rmSync(target.dir, { recursive: true, force: true });
		}
	};
}

/** Migrates and fills the database with `merchants` demo merchants; returns the seconds taken. */
export async function seedBenchDatabase(
	database: BenchDatabase,
	merchants: number
): Promise<number> {
	const started = performance.now();
	const handle = await database.open();
	try {
		await handle.migrate();
		await seedDemo(handle.db, { merchants, log: (line) => console.log(`  [seed] ${line}`) });
	} finally {
		await handle.close();
	}
	return (performance.now() - started) / 1000;
}
