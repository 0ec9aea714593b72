/**
 * What the command-line runs that need a real deployment share (`npm run reliability`,
 * `npm run scale-out`): a throw-away PostgreSQL cluster (the Debian binaries under
 * /usr/lib/postgresql, as the `postgres` user when run as root) in a temporary folder on a free
 * port, the demo data seeded into it, and production servers (`node build`) started on it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, openSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A TCP port nobody listens on (as the system hands them out). */
export function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
		server.on('error', fail);
	});
}

export interface Ran {
	status: number | null;
	output: string;
}

/** Runs a command without blocking the event loop (clients go on while it runs). */
export function exec(
	cmd: string,
	argv: string[],
	env: NodeJS.ProcessEnv = process.env
): Promise<Ran> {
	return new Promise((done) => {
		const child = spawn(cmd, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (status) => done({ status, output }));
	});
}

export async function must(running: Promise<Ran>, what: string): Promise<void> {
	const result = await running;
	if (result.status !== 0) throw new Error(`${what} failed: ${result.output}`);
}

/** `npm run build` when there is no build yet (after a change, build it yourself first). */
export async function buildIfMissing(): Promise<void> {
	if (!existsSync('build/index.js')) await must(exec('npm', ['run', 'build']), 'build');
}

/** Migrates the database of `env` (DATABASE_URL) and fills it with the demo dataset. */
export function seedDemo(env: NodeJS.ProcessEnv, merchants = 2000): Promise<void> {
	const argv = ['tsx', 'scripts/db-seed.ts', '--force', '--merchants', String(merchants)];
	return must(exec('npx', argv, { ...env, NODE_ENV: 'development' }), 'seed');
}

/**
 * A PostgreSQL cluster of its own in `work/pg`, listening on 127.0.0.1 only, trust
 * authentication for the role `cashless`. `stopNow()` is synchronous, for exit handlers.
 */
export class TemporaryPostgres {
	readonly version = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))[0];
	readonly data: string;
	readonly #root = process.getuid?.() === 0;

	constructor(
		readonly work: string,
		readonly port: number
	) {
		this.data = join(work, 'pg');
	}

	/** postgres://cashless@127.0.0.1:<port>/<database> */
	url(database = 'cashless'): string {
		return `postgres://cashless@127.0.0.1:${this.port}/${database}`;
	}

	#bin(name: string) {
		return `/usr/lib/postgresql/${this.version}/bin/${name}`;
	}

	#argv(cmd: string, argv: string[]): [string, string[]] {
		return this.#root ? ['runuser', ['-u', 'postgres', '--', cmd, ...argv]] : [cmd, argv];
	}

	#pgCtl(action: 'start' | 'stop', extra: string[]): [string, string[]] {
		return this.#argv(this.#bin('pg_ctl'), [action, '-D', this.data, '-w', '-t', '60', ...extra]);
	}

	/** initdb, start, and a first database `cashless`. */
	async create(): Promise<void> {
		if (this.#root) {
			const id = (flag: string) =>
				Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
			chownSync(this.work, id('-u'), id('-g'));
		}
		await must(
			exec(
				...this.#argv(this.#bin('initdb'), [
					'-D',
					this.data,
					'-U',
					'cashless',
					'--auth=trust',
					'-E',
					'UTF8'
				])
			),
			'initdb'
		);
		await this.start();
		await this.createDatabase('cashless');
	}

	createDatabase(name: string): Promise<void> {
		const argv = ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'cashless', name];
		return must(exec(...this.#argv(this.#bin('createdb'), argv)), `createdb ${name}`);
	}

	start(): Promise<void> {
		const options = `-p ${this.port} -k ${this.work} -c listen_addresses=127.0.0.1 -c max_connections=200`;
		return must(
			exec(...this.#pgCtl('start', ['-l', join(this.work, 'pg.log'), '-o', options])),
			'pg_ctl start'
		);
	}

	stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
		return must(exec(...this.#pgCtl('stop', ['-m', mode])), 'pg_ctl stop');
	}

	/** Stops at once, synchronously (exit handlers cannot wait). */
	stopNow(): void {
		if (existsSync(join(this.data, 'postmaster.pid'))) {
			spawnSync(...this.#pgCtl('stop', ['-m', 'immediate']));
		}
	}
}

/**
 * One production server (`node build`) with its own environment, its output appended to
 * `logFile`. `start()` resolves once it answers `/fr` (the milliseconds it took).
 */
export class AppProcess {
	child: ChildProcess | null = null;

	constructor(
		readonly env: NodeJS.ProcessEnv,
		readonly logFile: string
	) {}

	/** Where it listens: http://<HOST>:<PORT>. */
	get url(): string {
		return `http://${this.env.HOST ?? '127.0.0.1'}:${this.env.PORT}`;
	}

	async start(): Promise<number> {
		const started = Date.now();
		const out = openSync(this.logFile, 'a');
		const child = spawn(process.execPath, ['build'], {
			env: this.env,
			stdio: ['ignore', out, out]
		});
		this.child = child;
		// Its own address as the client: behind a proxy, the server reads it from ADDRESS_HEADER.
		const headers = this.env.ADDRESS_HEADER
			? { [this.env.ADDRESS_HEADER]: '127.0.0.1' }
			: undefined;
		for (;;) {
			try {
				if ((await fetch(`${this.url}/fr`, { headers })).ok) return Date.now() - started;
			} catch {
				/* not listening yet */
			}
			if (child.exitCode !== null) {
				throw new Error(`the server on ${this.env.PORT} exited at start (${child.exitCode})`);
			}
			await sleep(200);
		}
	}

	/** Sends a signal; resolves once it has exited. */
	async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
		const child = this.child;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((done) => child.once('exit', done));
		child.kill(signal);
		await exited;
	}

	/** Kills it at once (exit handlers cannot wait). */
	killNow(): void {
		if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
	}
}
