/**
 * One size of the bench: the database seeded with N merchants and M search events, the listing
 * index's loads timed in this process, then the production server started on it and measured
 * from outside: each endpoint under load (autocannon), the server's memory idle and under 200
 * connections, the metrics dashboard signed in as an official, other visitors' p99 while it
 * reloads in a loop and during a 10,000-row import, each against without it.
 */
import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { benchDatabase, sampleListings, seedBenchDatabase, type SeedTimes } from './database';
import { dashboardEndpoint, publicEndpoints, visitorMix, type Endpoint } from './endpoints';
import { runLoad, type LoadResult } from './load';
import { timeReload, type ReloadTimes } from './reload';
import { rssMb, startServer } from './server';
import {
	dashboardEffect,
	importEffect,
	signIn,
	type DashboardEffect,
	type ImportEffect
} from './visitors';

export interface RunOptions {
	merchants: number;
	events: number;
	seconds: number;
	connections: number;
	/** The endpoints to measure, by name; all of them when null. */
	only: string[] | null;
	dashboard: boolean;
	/** Time the listing index's loads in this process (step 2). */
	timeIndex: boolean;
	/** Rows of the import measured with visitors (0: none). */
	importRows: number;
	/** Connections of the memory run (0: none). */
	memoryConnections: number;
	/** Where seeded PGlite templates are kept between runs. */
	keep?: string;
	/** PostgreSQL: reuse the database as an earlier run of the same size seeded it. */
	reuse?: boolean;
	/** Where the server writes its CPU profile (node --cpu-prof), if anywhere. */
	cpuProfile?: string;
	log: (line: string) => void;
}

export interface EndpointResult extends LoadResult {
	connections: number;
	/** The server's highest RSS during the run (MiB). */
	peakRssMb: number;
	/** The machine's 1-minute load average at the end of the run. */
	load: number;
	minReqPerSec?: number;
	maxP95Ms?: number;
	maxKb?: number;
}

export interface SizeResult {
	merchants: number;
	events: number;
	database: string;
	seed: SeedTimes;
	/** Null when not measured (the import preset). */
	reload: ReloadTimes | null;
	/** The server's first requests (its own index load), before any load. */
	serverFirstRequestsMs: number;
	endpoints: EndpointResult[];
	memory: { idleMb: number; peakMb: number; connections: number; run: LoadResult | null };
	importEffect: ImportEffect | null;
	/** Other visitors while an official reloads the dashboard (with `dashboard`). */
	dashboardEffect?: DashboardEffect | null;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Waits until the server has worked off what a run left queued (autocannon stops sending, the
 * server still answers what it received): its floor answers once the backlog is through.
 */
async function settle(url: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await (await fetch(`${url}/healthz`)).arrayBuffer();
			return;
		} catch (error) {
			// A request the server took too long to read (headers timeout) is reset: ask again.
			if (attempt >= 10) throw error;
			await sleep(1000);
		}
	}
}

export async function benchSize(options: RunOptions): Promise<SizeResult> {
	const { log } = options;
	const database = benchDatabase();
	log(`${options.merchants} merchants, ${options.events} search events on ${database.description}`);
	try {
		const seed = await seedBenchDatabase(database, { ...options, log });
		log(`seeded: ${JSON.stringify(seed)} (seconds)`);
		// In this process first: a server on a PGlite folder holds it alone.
		const handle = await database.open();
		let reload: ReloadTimes | null = null;
		let listings;
		try {
			if (options.timeIndex) {
				reload = await timeReload(handle);
				log(`listing index: ${JSON.stringify(reload)}`);
			}
			listings = await sampleListings(handle);
		} finally {
			await handle.close();
		}
		const mailDir = join(tmpdir(), `bench-mail-${process.pid}`);
		const server = await startServer(
			{
				...database.env,
				BODY_SIZE_LIMIT: '20M',
				SMTP_URL: '',
				MAIL_OUTBOX_DIR: mailDir
			},
			join(tmpdir(), `bench-server-${process.pid}-${options.merchants}.log`),
			options.cpuProfile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProfile)}`] : []
		);
		log(`server ${server.url} (pid ${server.pid}, log ${server.log})`);
		try {
			let endpoints: Endpoint[] = publicEndpoints(listings);
			if (options.dashboard) {
				const official = await signIn(server.url, 'official');
				endpoints.push(dashboardEndpoint(official.cookieHeader()));
			}
			if (options.only) endpoints = endpoints.filter((e) => options.only!.includes(e.name));
			// The index loads on the first request and blocks the server meanwhile: wait for it, as
			// a load balancer would before sending traffic; each selection loads on its first use.
			// With no endpoint to measure (the import preset), the pages the visitors browse warm
			// it up (the map, home, search and merchant pages: not the open-data exports).
			const browsed = ['/api/map', '/zh home', '/fr home', '/zh?q= search', '/fr?q= search'];
			const warmUp = endpoints.length
				? endpoints
				: publicEndpoints(listings).filter(
						(e) => browsed.includes(e.name) || e.name === 'merchant page'
					);
			const firstStarted = performance.now();
			for (const e of warmUp) {
				const url = `${server.url}${e.path()}`;
				await (await fetch(url, { headers: e.headers, redirect: 'manual' })).arrayBuffer();
			}
			const serverFirstRequestsMs = Math.round(performance.now() - firstStarted);
			for (const e of warmUp) {
				await runLoad({ ...e, url: server.url, connections: 4, seconds: 2 });
				await settle(server.url);
			}
			await sleep(3000);
			const idleMb = Math.round(rssMb(server.pid) ?? 0);
			log(`first requests ${serverFirstRequestsMs} ms; RSS idle ${idleMb} MiB`);
			server.takePeakRss();
			const results: EndpointResult[] = [];
			for (const e of endpoints) {
				const connections = e.connections ?? options.connections;
				const result = await runLoad({
					...e,
					url: server.url,
					connections,
					seconds: options.seconds
				});
				await settle(server.url);
				const peakRssMb = Math.round(server.takePeakRss());
				results.push({
					...result,
					connections,
					peakRssMb,
					load: loadavg()[0],
					minReqPerSec: e.minReqPerSec,
					maxP95Ms: e.maxP95Ms,
					maxKb: e.maxKb
				});
				log(
					`  ${e.name}: ${result.reqPerSec.toFixed(0)} req/s, p95 ${result.p95.toFixed(0)} ms, ${result.wrong} wrong, ${result.errors} errors, RSS ≤ ${peakRssMb} MiB`
				);
			}
			let memoryRun: LoadResult | null = null;
			let peakMb = Math.max(idleMb, ...results.map((r) => r.peakRssMb));
			if (options.memoryConnections > 0) {
				memoryRun = await runLoad({
					name: `visitors' mix at ${options.memoryConnections} connections`,
					url: server.url,
					path: visitorMix(publicEndpoints(listings)),
					connections: options.memoryConnections,
					seconds: options.seconds
				});
				await settle(server.url);
				peakMb = Math.max(peakMb, Math.round(server.takePeakRss()));
				log(`  ${memoryRun.name}: ${memoryRun.reqPerSec.toFixed(0)} req/s; RSS peak ${peakMb} MiB`);
			}
			let dashboardLoop: DashboardEffect | null = null;
			if (options.dashboard) {
				dashboardLoop = await dashboardEffect(server.url, {
					merchantIds: listings.map((l) => l.id),
					seconds: options.seconds
				});
				log(`  visitors while the dashboard loads: ${JSON.stringify(dashboardLoop)}`);
			}
			let effect: ImportEffect | null = null;
			if (options.importRows > 0) {
				effect = await importEffect(server.url, {
					rows: options.importRows,
					merchantIds: listings.map((l) => l.id),
					baselineSeconds: options.seconds
				});
				log(`  import: ${JSON.stringify(effect)}`);
			}
			return {
				merchants: options.merchants,
				events: options.events,
				database: database.description,
				seed,
				reload,
				serverFirstRequestsMs,
				endpoints: results,
				memory: { idleMb, peakMb, connections: options.memoryConnections, run: memoryRun },
				importEffect: effect,
				dashboardEffect: dashboardLoop
			};
		} finally {
			await server.stop();
			rmSync(mailDir, { recursive: true, force: true });
		}
	} finally {
		database.dispose();
	}
}
