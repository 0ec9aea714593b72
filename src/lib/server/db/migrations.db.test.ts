/**
 * Several app processes on one PostgreSQL (docs/scale-out.md) start together after a deploy,
 * and each migrates at start: they must take turns, so each migration is applied once and every
 * process starts. The embedded database has one process per folder (folder-lock.db.test.ts), so
 * this runs on PostgreSQL only (TEST_DATABASE_URL).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase, type DatabaseHandle } from './client';

const serverUrl = process.env.TEST_DATABASE_URL;
const name = `cashless_migrate_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const opened: DatabaseHandle[] = [];
const admin = serverUrl ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : null;

afterAll(async () => {
	for (const handle of opened) await handle.close().catch(() => {});
	if (!admin) return;
	await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	await admin.end();
});

describe.skipIf(!serverUrl)('migrations on PostgreSQL', () => {
	it('three processes migrating one empty database at once apply each migration once', async () => {
		await admin!.unsafe(`CREATE DATABASE ${name}`);
		const url = new URL(serverUrl!);
		url.pathname = `/${name}`;
		for (let i = 0; i < 3; i++) {
			opened.push(await openDatabase({ driver: 'postgres', url: url.toString() }));
		}
		const results = await Promise.allSettled(opened.map((handle) => handle.migrate()));
		expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual([
			'ok',
			'ok',
			'ok'
		]);
		const journal = JSON.parse(
			readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')
		) as { entries: unknown[] };
		const check = postgres(url.toString(), { max: 1, onnotice: () => {} });
		try {
			const [{ n }] = await check`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`;
			expect(n).toBe(journal.entries.length);
		} finally {
			await check.end();
		}
	});
});
