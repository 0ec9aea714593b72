/**
 * The production server for a benchmark: built when the sources are newer than the build,
 * started with `node build` on a free port (ORIGIN set, as in production), its memory sampled
 * from /proc/<pid>/status while it runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../throwaway-stack';

/**
 * The newest modification time of the files under a folder; the generated paraglide output is
 * left out (tests and checks rewrite it from messages/, which is counted).
 */
function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory() && entry.name === 'paraglide') continue;
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/** Runs `npm run build` unless build/ is newer than src/ and messages/. */
export function buildIfNeeded(): void {
	const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	const sources = Math.max(newestMtime('src'), newestMtime('messages'));
	if (built > sources) {
		console.log('build/ is newer than the sources: not rebuilt');
		return;
	}
	console.log('building (npm run build)…');
	const result = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (result.status !== 0) throw new Error(`npm run build failed (${result.status})`);
}

/** Resident memory of a process in MB (VmRSS), or null once it is gone. */
export function rssMb(pid: number): number | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
		return Number.isFinite(kb) ? kb / 1024 : null;
	} catch {
		return null;
	}
}

export interface BenchServer {
	url: string;
	pid: number;
	/** Where its output goes. */
	log: string;
	/** The highest RSS sampled since the last call (MB), and starts a new window. */
	takePeakRss(): number;
	stop(): Promise<void>;
}

export async function startServer(
	env: Record<string, string>,
	log: string,
	/** Node's own options (--cpu-prof…). */
	nodeArgs: string[] = []
): Promise<BenchServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const out = createWriteStream(log);
	const child: ChildProcess = spawn('node', [...nodeArgs, 'build'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: url,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.pipe(out);
	child.stderr!.pipe(out);
	const pid = child.pid!;
	let peak = 0;
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid) ?? 0)), 250);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + 10 * 60_000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`the server exited (${child.exitCode}); see ${log}`);
		try {
			if ((await fetch(`${url}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`the server did not answer in 10 min; see ${log}`);
		await new Promise((r) => setTimeout(r, 500));
	}
	return {
		url,
		pid,
		log,
		takePeakRss() {
			const value = Math.max(peak, rssMb(pid) ?? 0);
			peak = 0;
			return value;
		},
		async stop() {
			clearInterval(sampler);
			child.kill('SIGTERM');
			await exited;
		}
	};
}
