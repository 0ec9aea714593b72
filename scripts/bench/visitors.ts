/**
 * What the bench does as signed-in users, with the load-and-fault run's client
 * (scripts/reliability-client.ts): an official's session for the metrics dashboard, and an
 * administrator's 10,000-row acquirer import while ten visitors browse, their p99 compared
 * with the p99 of the same visitors without an import (issue 15: at most 2×).
 */
import { syntheticAcquirerCsv } from '../../src/lib/server/imports/synthetic';
import { DEMO_ACCOUNTS } from '../demo/seed';
import { Client, Latencies, browseWhile } from '../reliability-client';

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Signs in as the demo account of `role`: the client, its session in `cookieHeader()`. */
export async function signIn(origin: string, role: 'official' | 'admin'): Promise<Client> {
	const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
	const client = new Client(origin, role === 'admin' ? 100_001 : 100_002, [], []);
	await client.logIn(account.email, account.password);
	return client;
}

export interface ImportEffect {
	rows: number;
	status: string;
	/** The upload and its dry run. */
	uploadSeconds: number;
	/** From the upload to the import's end. */
	importSeconds: number;
	/** Without an import: the requests before it and after it, pooled. */
	baselineP99Ms: number;
	baselineRequests: number;
	beforeP99Ms: number;
	afterP99Ms: number;
	duringP99Ms: number;
	duringRequests: number;
	/** p99 during the import / p99 without it. */
	ratio: number;
}

/**
 * Ten visitors browse for `baselineSeconds`, then, while they browse on, an administrator uploads
 * a file of `rows` new shops (its dry run) and runs it, until the server's job runner has written
 * every batch; then they browse `baselineSeconds` more. Their p99 during the import is compared
 * with their p99 before and after it.
 */
export async function importEffect(
	origin: string,
	options: { rows: number; merchantIds: number[]; baselineSeconds: number }
): Promise<ImportEffect> {
	const admin = await signIn(origin, 'admin');
	// Without an import: before it and after it, pooled, so that the machine's load drifting
	// during the run (other processes on a shared machine) weighs on both sides alike.
	const baseline = new Latencies();
	// Not measured: the visitors' first requests (connections opened, each page's first use).
	await browseWhile(origin, new Latencies(), sleep(5000), options.merchantIds);
	const before = new Latencies();
	await browseWhile(origin, before, sleep(options.baselineSeconds * 1000), options.merchantIds);
	const during = new Latencies();
	let uploadSeconds = 0;
	const started = performance.now();
	const finished = (async () => {
		// The upload and its dry run (the whole file read and checked) count as the import too.
		// SIRENs far from the demo data's and from the reliability run's.
		const importId = await admin.uploadImport(syntheticAcquirerCsv(options.rows, 95_000_000));
		uploadSeconds = Math.round((performance.now() - started) / 100) / 10;
		await admin.startImport(importId);
		for (;;) {
			const progress = await admin.importProgress(importId);
			if (progress && progress.status !== 'running') return progress.status;
			await sleep(250);
		}
	})();
	await browseWhile(origin, during, finished, options.merchantIds);
	const status = await finished;
	const importSeconds = Math.round((performance.now() - started) / 100) / 10;
	const after = new Latencies();
	await browseWhile(origin, after, sleep(options.baselineSeconds * 1000), options.merchantIds);
	baseline.addAll(before, after);
	return {
		rows: options.rows,
		status,
		uploadSeconds,
		importSeconds,
		baselineP99Ms: baseline.p99(),
		beforeP99Ms: before.p99(),
		afterP99Ms: after.p99(),
		baselineRequests: baseline.count,
		duringP99Ms: during.p99(),
		duringRequests: during.count,
		ratio: during.p99() / Math.max(1, baseline.p99())
	};
}
