/**
 * `npm run bench:lighthouse [-- --runs 3 --merchants 2000 --port 4500 --skip-build --no-diagnose --js-only]`: Lighthouse
 * (mobile, its default: simulated slow 4G and a 4× slower CPU) on /zh and on one merchant page,
 * against the production build, started here on a fresh embedded database with the demo data.
 * Prints each page's median run (by performance score) with PASS/FAIL against the budgets, and
 * the JavaScript each page loads before the map library, and (unless --no-diagnose) one run of /zh
 * with the map library blocked, which tells the page's own cost from the map's; writes them
 * under "lighthouse" in bench/results.json (other keys kept).
 *
 * Nothing is fetched from outside: the basemap style is a small offline one served here, and
 * Chromium runs with its background networking off. Lighthouse lives in bench/lighthouse/ (its
 * own package and lockfile, installed on first use), out of the app's node_modules.
 * Chromium: CHROMIUM_PATH, default /usr/bin/chromium.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TEST_STYLE } from '../tests/offline-basemap';
import { firstViewJs } from './first-view-js';

const { values } = parseArgs({
	allowNegative: true,
	options: {
		runs: { type: 'string', default: '3' },
		merchants: { type: 'string', default: '2000' },
		port: { type: 'string', default: '4500' },
		'skip-build': { type: 'boolean', default: false },
		diagnose: { type: 'boolean', default: true },
		'js-only': { type: 'boolean', default: false }
	}
});
const runs = Number(values.runs);
const port = Number(values.port);
const origin = `http://127.0.0.1:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE_DIR = 'bench/lighthouse';
const LIGHTHOUSE_BIN = join(LIGHTHOUSE_DIR, 'node_modules/.bin/lighthouse');
const RESULTS = 'bench/results.json';
/** Each run's full report, to look into (git-ignored). */
const REPORTS = join(LIGHTHOUSE_DIR, 'reports');

/** The budgets of the performance issue; accessibility and best practices stay at 1. */
interface Budget {
	performance: number;
	lcpMs?: number;
	tbtMs?: number;
}
const PAGES: { name: string; budget: Budget }[] = [
	{ name: '/zh', budget: { performance: 0.9, lcpMs: 2500, tbtMs: 300 } },
	{ name: 'merchant page', budget: { performance: 0.95 } }
];
const JS_BEFORE_MAP_BUDGET_BYTES = 60 * 1024;

interface Measure {
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	fcpMs: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function waitFor(url: string, server: ChildProcess): Promise<void> {
	for (;;) {
		if (server.exitCode !== null) throw new Error(`the server stopped (${server.exitCode})`);
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * A GET, tried again: the kept-alive connections of earlier requests are closed by the server
 * after 5 s idle (a Lighthouse run is longer), and fetch may try more than one of them.
 */
async function get(url: string): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(url);
		} catch (error) {
			if (attempt === 5) throw error;
		}
	}
}

/** The map library's chunk in the build (hashed name): the one file with maplibre's own class. */
function mapLibraryChunk(clientDir: string): string | null {
	const dir = join(clientDir, '_app/immutable/chunks');
	const file = readdirSync(dir).find(
		(name) =>
			name.endsWith('.js') && readFileSync(join(dir, name), 'utf8').includes('maplibregl-map')
	);
	return file ? `/_app/immutable/chunks/${file}` : null;
}

function lighthouse(url: string, blocked: string[] = []): Measure {
	const result = spawnSync(
		LIGHTHOUSE_BIN,
		[
			url,
			'--output=json',
			'--output-path=stdout',
			'--quiet',
			'--no-enable-error-reporting',
			'--only-categories=performance,accessibility,best-practices',
			...blocked.map((pattern) => `--blocked-url-patterns=${pattern}`),
			`--chrome-flags=${[
				'--headless=new',
				'--no-sandbox',
				'--enable-unsafe-swiftshader',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			].join(' ')}`
		],
		{ env: { ...process.env, CHROME_PATH: chromium }, maxBuffer: 256 * 1024 * 1024 }
	);
	if (result.status !== 0) throw new Error(`lighthouse failed: ${result.stderr}`);
	const report = JSON.parse(result.stdout.toString());
	mkdirSync(REPORTS, { recursive: true });
	writeFileSync(
		join(REPORTS, `${new URL(url).pathname.split('/').pop()}-${Date.now()}.json`),
		result.stdout
	);
	const audit = (id: string): number => report.audits[id].numericValue;
	return {
		performance: report.categories.performance.score,
		accessibility: report.categories.accessibility.score,
		bestPractices: report.categories['best-practices'].score,
		lcpMs: Math.round(audit('largest-contentful-paint')),
		tbtMs: Math.round(audit('total-blocking-time')),
		cls: Number(audit('cumulative-layout-shift').toFixed(3)),
		fcpMs: Math.round(audit('first-contentful-paint'))
	};
}

/** Each check of a page's budget: its name and whether it passed. */
function checks(m: Measure, budget: Budget): [string, boolean][] {
	const list: [string, boolean][] = [
		[`performance ${m.performance} ≥ ${budget.performance}`, m.performance >= budget.performance],
		[`accessibility ${m.accessibility} = 1`, m.accessibility === 1],
		[`best practices ${m.bestPractices} = 1`, m.bestPractices === 1]
	];
	if (budget.lcpMs !== undefined)
		list.push([`LCP ${m.lcpMs} ms ≤ ${budget.lcpMs} ms`, m.lcpMs <= budget.lcpMs]);
	if (budget.tbtMs !== undefined)
		list.push([`TBT ${m.tbtMs} ms ≤ ${budget.tbtMs} ms`, m.tbtMs <= budget.tbtMs]);
	return list;
}

if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium} (set CHROMIUM_PATH)`);
if (!values['js-only'] && !existsSync(LIGHTHOUSE_BIN))
	run('npm', ['ci', '--prefix', LIGHTHOUSE_DIR, '--no-audit', '--no-fund']);
if (!values['skip-build']) run('npm', ['run', 'build']);

/** Refuses a port another server answers on: its pages would be measured instead. */
async function assertFree(port: number): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const probe = createServer()
			.once('error', () => reject(new Error(`port ${port} is taken: choose another (--port)`)))
			.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
	});
}
await assertFree(port);
await assertFree(port + 1);

const work = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const serverEnv = {
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: origin,
	PGLITE_DIR: join(work, 'db'),
	DATABASE_URL: '',
	SMTP_URL: '',
	MAIL_OUTBOX_DIR: join(work, 'mail'),
	PUBLIC_MAP_STYLE_URL: `http://127.0.0.1:${port + 1}/style.json`
};
const basemap = createServer((_request, response) => {
	response.writeHead(200, {
		'content-type': 'application/json',
		'access-control-allow-origin': '*',
		'cache-control': 'max-age=3600'
	});
	response.end(JSON.stringify(TEST_STYLE));
}).listen(port + 1, '127.0.0.1');
let server: ChildProcess | undefined;
try {
	run('npx', ['tsx', 'scripts/db-seed.ts', '--merchants', values.merchants], serverEnv);
	const log = openSync(join(work, 'server.log'), 'w');
	server = spawn('node', ['build'], {
		env: { ...process.env, ...serverEnv },
		stdio: ['ignore', log, log]
	});
	await waitFor(`${origin}/zh`, server);

	const list = await get(`${origin}/api/list?bbox=2.25,48.83,2.42,48.9&q=pharmacie`);
	const { items } = (await list.json()) as { items: { id: number; slug: string }[] };
	const urls = [`${origin}/zh`, `${origin}/zh/merchants/${items[0].id}-${items[0].slug}`];

	// The JavaScript each page loads before the map library (the merchant page's mini-map loads
	// it only when tapped), against the same budget.
	const jsBeforeMap: Record<string, { gzipBytes: number; pass: boolean; files: unknown }> = {};
	for (const [i, { name }] of PAGES.entries()) {
		const response = await get(urls[i]);
		const js = firstViewJs(
			await response.text(),
			response.headers.get('link') ?? '',
			'build/client'
		);
		const pass = js.gzipBytes <= JS_BEFORE_MAP_BUDGET_BYTES;
		jsBeforeMap[name] = { gzipBytes: js.gzipBytes, pass, files: js.files };
		console.log(
			`\nJS before the map library on ${name}: ${(js.gzipBytes / 1024).toFixed(1)} KB gzip in ${js.files.length} files` +
				` (budget ${JS_BEFORE_MAP_BUDGET_BYTES / 1024} KB) ${pass ? 'PASS' : 'FAIL'}`
		);
		if (values['js-only'])
			for (const { file, gzipBytes } of js.files)
				console.log(`  ${(gzipBytes / 1024).toFixed(1).padStart(5)} KB  ${file}`);
	}
	const jsPass = Object.values(jsBeforeMap).every((js) => js.pass);

	if (values['js-only']) process.exitCode = jsPass ? 0 : 1;
	else await measurePages();

	async function measurePages() {
		const pages: Record<string, unknown> = {};
		let allPass = jsPass;
		for (const [i, { name, budget }] of PAGES.entries()) {
			const measures: Measure[] = [];
			for (let r = 0; r < runs; r++) {
				// A first visit warms the server's caches (listing index) so that runs compare.
				if (r === 0) await get(urls[i]);
				measures.push(lighthouse(urls[i]));
			}
			measures.sort((a, b) => a.performance - b.performance);
			const median = measures[Math.floor(measures.length / 2)];
			const results = checks(median, budget);
			const pass = results.every(([, ok]) => ok);
			allPass &&= pass;
			console.log(`\n${name} (${urls[i].replace(origin, '')}), median of ${runs} runs:`);
			for (const [text, ok] of results) console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${text}`);
			console.log(`        CLS ${median.cls}, FCP ${median.fcpMs} ms`);
			console.log(
				`        performance of each run: ${measures.map((m) => m.performance).join(', ')}`
			);
			pages[name] = { url: urls[i].replace(origin, ''), median, runs: measures, budget, pass };
		}

		// What the page costs without its map: the same page with the map library's file blocked (the
		// map then says it cannot be shown). Not a budget: it tells the page's own cost from the map's.
		let withoutMap: Measure | null = null;
		const chunk = mapLibraryChunk('build/client');
		if (values.diagnose && chunk) {
			withoutMap = lighthouse(urls[0], [`${origin}${chunk}`]);
			console.log(
				`\n/zh without the map library (diagnostic, not a budget): performance ${withoutMap.performance},` +
					` LCP ${withoutMap.lcpMs} ms, TBT ${withoutMap.tbtMs} ms, CLS ${withoutMap.cls}`
			);
		}

		const previous = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
		previous.lighthouse = {
			date: new Date().toISOString(),
			lighthouse: JSON.parse(
				readFileSync(join(LIGHTHOUSE_DIR, 'node_modules/lighthouse/package.json'), 'utf8')
			).version,
			preset: 'mobile (default: simulated throttling)',
			merchants: Number(values.merchants),
			jsBeforeMap: { budgetBytes: JS_BEFORE_MAP_BUDGET_BYTES, pass: jsPass, pages: jsBeforeMap },
			pages,
			withoutMap,
			pass: allPass
		};
		writeFileSync(RESULTS, `${JSON.stringify(previous, null, '\t')}\n`);
		console.log(`\n${allPass ? 'PASS' : 'FAIL'}: written to ${RESULTS}`);
		process.exitCode = allPass ? 0 : 1;
	}
} finally {
	server?.kill();
	basemap.close();
	rmSync(work, { recursive: true, force: true });
}
