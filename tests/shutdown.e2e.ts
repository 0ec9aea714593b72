import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * SIGTERM ends the production server: adapter-node stops accepting and finishes its requests,
 * then the app writes its counts and closes the database, and nothing keeps the process alive
 * (on PostgreSQL, the pool's sockets used to). A second server of the build the suite runs
 * against, on an empty embedded database of its own. (PostgreSQL: see the closing note.)
 */
test('SIGTERM: the server writes what it holds, closes the database and exits', async () => {
	test.setTimeout(120_000);
	const port = Number(process.env.E2E_PORT ?? 4173) + 50;
	const dir = mkdtempSync(join(tmpdir(), 'shutdown-'));
	const server = spawn('node', ['build'], {
		cwd: fileURLToPath(new URL('..', import.meta.url)),
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			PGLITE_DIR: join(dir, 'db'),
			DATABASE_URL: '',
			SEED_DEMO: '0'
		}
	});
	let log = '';
	server.stdout.on('data', (chunk) => (log += chunk));
	server.stderr.on('data', (chunk) => (log += chunk));
	const exited = new Promise<number | null>((resolve) =>
		server.on('exit', (code) => resolve(code))
	);
	try {
		await expect
			.poll(
				async () => (await fetch(`http://127.0.0.1:${port}/fr/about`).catch(() => null))?.status,
				{ timeout: 60_000 }
			)
			.toBe(200);
		server.kill('SIGTERM');
		expect(await exited).toBe(0);
		expect(log).toContain('[shutdown] database closed');
	} finally {
		server.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
});
