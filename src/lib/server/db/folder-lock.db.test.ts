/**
 * One process per embedded database folder: a second opener — in the same process, in another
 * process, or a command-line tool — is refused and writes nothing; a holder that was killed
 * leaves a stale lock that the next opener takes over.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from './client';
import { DatabaseFolderLocked } from './folder-lock';

const clientModule = resolve('src/lib/server/db/client.ts');
let root: string;
const opened: DatabaseHandle[] = [];

function folder(): string {
	root = mkdtempSync(join(tmpdir(), 'cashless-lock-'));
	return join(root, 'pglite');
}

async function open(dir: string): Promise<DatabaseHandle> {
	const handle = await openDatabase({ driver: 'pglite', dir });
	opened.push(handle);
	return handle;
}

async function countNotes(handle: DatabaseHandle): Promise<number> {
	const rows = await handle.db.execute(sql`SELECT count(*)::int AS n FROM lock_notes`);
	const list = Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows;
	return (list[0] as { n: number }).n;
}

afterEach(async () => {
	for (const handle of opened.splice(0)) await handle.close().catch(() => {});
	if (root) rmSync(root, { recursive: true, force: true });
});

describe('embedded database folder lock', () => {
	it('refuses a second opener in the same process until the first closes', async () => {
		const dir = folder();
		const first = await open(dir);
		await first.db.execute(sql`CREATE TABLE lock_notes (n int)`);
		await first.db.execute(sql`INSERT INTO lock_notes VALUES (1)`);

		const second = openDatabase({ driver: 'pglite', dir });
		await expect(second).rejects.toBeInstanceOf(DatabaseFolderLocked);
		await expect(second).rejects.toThrow(/in use by process \d+/);

		await first.close();
		opened.splice(opened.indexOf(first), 1);
		const third = await open(dir);
		expect(await countNotes(third)).toBe(1);
	});

	it('refuses while another process holds it, and takes over once that process is killed', async () => {
		const dir = folder();
		const script = join(root, 'holder.mts');
		writeFileSync(
			script,
			`import { openDatabase } from ${JSON.stringify(clientModule)};
			const h = await openDatabase({ driver: 'pglite', dir: ${JSON.stringify(dir)} });
			await h.db.execute('CREATE TABLE lock_notes (n int)');
			await h.db.execute('INSERT INTO lock_notes VALUES (1), (2)');
			console.log('ready');
			setInterval(() => {}, 1000);`
		);
		// One process (no tsx wrapper), so its pid is the lock's and SIGKILL ends it.
		const holder = spawn(process.execPath, ['--import', 'tsx', script], {
			stdio: ['ignore', 'pipe', 'inherit']
		});
		await new Promise<void>((ready, fail) => {
			holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready());
			holder.on('exit', (code) => fail(new Error(`holder exited with ${code}`)));
		});
		const lock = JSON.parse(readFileSync(`${dir}.lock`, 'utf8'));
		expect(lock.pid).toBe(holder.pid);

		await expect(openDatabase({ driver: 'pglite', dir })).rejects.toThrow(
			`in use by process ${holder.pid}`
		);

		const exited = new Promise((done) => holder.once('exit', done));
		holder.kill('SIGKILL');
		await exited;
		expect(existsSync(`${dir}.lock`)).toBe(true);
		const after = await open(dir);
		expect(await countNotes(after)).toBe(2);
		expect(JSON.parse(readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
	});

	it('makes a command-line tool refuse a live database and write nothing', async () => {
		const dir = folder();
		await open(dir);
		const run = spawnSync('npm', ['run', '--silent', 'db:migrate'], {
			env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' },
			encoding: 'utf8'
		});
		expect(run.status).not.toBe(0);
		expect(run.stderr + run.stdout).toContain('is in use by process');
		const tables = await opened[0].db.execute(
			sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`
		);
		const list = Array.isArray(tables) ? tables : (tables as { rows: unknown[] }).rows;
		expect((list[0] as { n: number }).n).toBe(0);
	});

	it('releases the lock on close', async () => {
		const dir = folder();
		const handle = await open(dir);
		expect(existsSync(`${dir}.lock`)).toBe(true);
		await handle.close();
		opened.splice(0);
		expect(existsSync(`${dir}.lock`)).toBe(false);
	});
});
