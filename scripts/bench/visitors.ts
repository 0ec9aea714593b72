/**
 * What the bench does as signed-in users, with the load-and-fault run's client
 * (scripts/reliability-client.ts): an official's session for the metrics dashboard, and an
 * administrator's 10,000-row acquirer import while ten visitors browse, their p99 compared
 * with the p99 of the same visitors without an import (issue 15: at most 2×); and the same
 * visitors while an official reloads the metrics dashboard in a loop (issue 16: no visible
 * effect, taken as at most 1.5×).
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

/** Ten visitors' p99 during some work, against their p99 without it. */
export interface VisitorsEffect {
	/** Without the work: the requests before it and after it, pooled. */
	baselineP99Ms: number;
	baselineRequests: number;
	beforeP99Ms: number;
	afterP99Ms: number;
	duringP99Ms: number;
	duringRequests: number;
	/** p99 during the work / p99 without it. */
	ratio: number;
}

/**
 * Ten visitors browse (5 s not measured: connections opened, each page's first use), then for
 * `baselineSeconds`, then while `work` runs, then `baselineSeconds` more. Before and after are
 * pooled, so that the machine's load drifting during the run (other processes on a shared
 * machine) weighs on both sides alike.
 */
async function visitorsDuring<T>(
	origin: string,
	merchantIds: number[],
	baselineSeconds: number,
	work: () => Promise<T>
): Promise<{ result: T; seconds: number; visitors: VisitorsEffect }> {
	await browseWhile(origin, new Latencies(), sleep(5000), merchantIds);
	const before = new Latencies();
	await browseWhile(origin, before, sleep(baselineSeconds * 1000), merchantIds);
	const during = new Latencies();
	const started = performance.now();
	const finished = work();
	await browseWhile(origin, during, finished, merchantIds);
	const result = await finished;
	const seconds = Math.round((performance.now() - started) / 100) / 10;
	const after = new Latencies();
	await browseWhile(origin, after, sleep(baselineSeconds * 1000), merchantIds);
	const baseline = new Latencies();
	baseline.addAll(before, after);
	return {
		result,
		seconds,
		visitors: {
			baselineP99Ms: baseline.p99(),
			baselineRequests: baseline.count,
			beforeP99Ms: before.p99(),
			afterP99Ms: after.p99(),
			duringP99Ms: during.p99(),
			duringRequests: during.count,
			ratio: during.p99() / Math.max(1, baseline.p99())
		}
	};
}

export interface ImportEffect extends VisitorsEffect {
	rows: number;
	status: string;
	/** The upload and its dry run. */
	uploadSeconds: number;
	/** From the upload to the import's end. */
	importSeconds: number;
}

/**
 * While ten visitors browse, an administrator uploads a file of `rows` new shops (its dry run,
 * the whole file read and checked, counts as the import too) and runs it, until the server's job
 * runner has written every batch.
 */
export async function importEffect(
	origin: string,
	options: { rows: number; merchantIds: number[]; baselineSeconds: number }
): Promise<ImportEffect> {
	const admin = await signIn(origin, 'admin');
	let uploadSeconds = 0;
	const { result, seconds, visitors } = await visitorsDuring(
		origin,
		options.merchantIds,
		options.baselineSeconds,
		async () => {
			const started = performance.now();
			// SIRENs far from the demo data's and from the reliability run's.
			const importId = await admin.uploadImport(syntheticAcquirerCsv(options.rows, 95_000_000));
			uploadSeconds = Math.round((performance.now() - started) / 100) / 10;
			await admin.startImport(importId);
			for (;;) {
				const progress = await admin.importProgress(importId);
				if (progress && progress.status !== 'running') return progress.status;
				await sleep(250);
			}
		}
	);
	return { rows: options.rows, status: result, uploadSeconds, importSeconds: seconds, ...visitors };
}

export interface DashboardEffect extends VisitorsEffect {
	/** Dashboard loads by the official during the measure, and their median (ms). */
	loads: number;
	loadMedianMs: number;
}

/**
 * Ten visitors browse, then as long again while an official reloads the metrics dashboard in a
 * loop (one load at a time, as a person pressing reload would at most).
 */
export async function dashboardEffect(
	origin: string,
	options: { merchantIds: number[]; seconds: number }
): Promise<DashboardEffect> {
	const official = await signIn(origin, 'official');
	const times: number[] = [];
	const { visitors } = await visitorsDuring(
		origin,
		options.merchantIds,
		options.seconds,
		async () => {
			const until = performance.now() + options.seconds * 1000;
			while (performance.now() < until) {
				const started = performance.now();
				const response = await fetch(`${origin}/fr/admin/metrics`, {
					headers: { cookie: official.cookieHeader() },
					redirect: 'manual'
				});
				await response.arrayBuffer();
				if (response.status !== 200) throw new Error(`dashboard: HTTP ${response.status}`);
				times.push(performance.now() - started);
			}
		}
	);
	times.sort((a, b) => a - b);
	return {
		loads: times.length,
		loadMedianMs: Math.round(times[Math.floor(times.length / 2)] ?? 0),
		...visitors
	};
}
