/**
 * The bench's tables (req/s, p50, p95, p99, p95 as a ratio to the floor, PASS/FAIL per budget;
 * growth across sizes), the machine, and bench/results.json, where each benchmark writes its own
 * section and keeps the others'.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { describeGrowth, type GrowthPoint } from './growth';
import type { SizeResult } from './run';

export const RESULTS_FILE = 'bench/results.json';

export interface Budget {
	what: string;
	/** The measured value and the limit. */
	value: number;
	limit: number;
	/** 'min': value ≥ limit passes; 'max': value ≤ limit passes. */
	kind: 'min' | 'max';
	unit: string;
}

export const passes = (b: Budget) => (b.kind === 'min' ? b.value >= b.limit : b.value <= b.limit);

const fmt = (n: number, digits = 0) =>
	Number.isFinite(n)
		? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
		: '—';

/**
 * Issue 16's "no visible effect" of an official's dashboard on other visitors, as a number:
 * their p99 while it reloads in a loop at most 1.5 times their p99 without it.
 */
export const DASHBOARD_EFFECT_LIMIT = 1.5;

/** Budgets of one size: each endpoint's, the server's memory, the import's effect (issues 13, 15, 16). */
export function budgetsOf(size: SizeResult): Budget[] {
	const budgets: Budget[] = [];
	for (const e of size.endpoints) {
		if (e.minReqPerSec !== undefined)
			budgets.push({
				what: `${e.name} req/s`,
				value: e.reqPerSec,
				limit: e.minReqPerSec,
				kind: 'min',
				unit: 'req/s'
			});
		if (e.maxKb !== undefined)
			budgets.push({
				what: `${e.name} size`,
				value: e.meanBytes / 1024,
				limit: e.maxKb,
				kind: 'max',
				unit: 'KiB'
			});
		if (e.maxP95Ms !== undefined)
			budgets.push({
				what: `${e.name} p95`,
				value: e.p95,
				limit: e.maxP95Ms,
				kind: 'max',
				unit: 'ms'
			});
	}
	const rssWhat = size.memory.run
		? `server RSS peak (${size.memory.connections} connections)`
		: 'server RSS peak under load';
	// Not measured by the import preset (no endpoint run, no memory run).
	if (size.endpoints.length || size.memory.run)
		budgets.push({
			what: rssWhat,
			value: size.memory.peakMb,
			limit: 400,
			kind: 'max',
			unit: 'MiB'
		});
	if (size.importEffect)
		budgets.push({
			what: 'visitors p99 during / without a 10,000-row import',
			value: size.importEffect.ratio,
			limit: 2,
			kind: 'max',
			unit: '×'
		});
	if (size.dashboardEffect)
		budgets.push({
			what: 'visitors p99 while the dashboard reloads / without',
			value: size.dashboardEffect.ratio,
			limit: DASHBOARD_EFFECT_LIMIT,
			kind: 'max',
			unit: '×'
		});
	return budgets;
}

const verdict = (budgets: Budget[], prefix: string) =>
	budgets
		.filter((b) => b.what.startsWith(prefix))
		.map(
			(b) =>
				`${b.kind === 'min' ? '≥' : '≤'} ${fmt(b.limit, Number.isInteger(b.limit) ? 0 : 1)} ${b.unit} ${passes(b) ? 'PASS' : 'FAIL'}`
		)
		.join(', ');

/** The one table: every endpoint against the floor, then memory, import and index rows. */
export function sizeTable(size: SizeResult): string {
	const budgets = budgetsOf(size);
	const floor = size.endpoints.find((e) => e.name.startsWith('floor'));
	const rows = [
		'| what | conn. | req/s | p50 ms | p95 ms | p99 ms | p95 / floor | KiB sent | wrong / errors | load | budget |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'
	];
	for (const r of size.endpoints) {
		const ratio = floor ? `${fmt(r.p95 / floor.p95, 1)}×` : '—';
		rows.push(
			`| ${r.name} | ${r.connections} | ${fmt(r.reqPerSec, r.reqPerSec < 10 ? 1 : 0)} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.p99, 1)} | ${ratio} | ${fmt(r.meanBytes / 1024, 1)} | ${r.wrong} / ${r.errors} | ${fmt(r.load, 1)} | ${verdict(budgets, `${r.name} `)} |`
		);
	}
	const m = size.memory;
	const run = m.run;
	rows.push(
		`| server RSS: idle ${fmt(m.idleMb)} MiB, peak ${fmt(m.peakMb)} MiB | ${m.connections || '—'} | ${run ? fmt(run.reqPerSec) : '—'} | ${run ? fmt(run.p50, 1) : '—'} | ${run ? fmt(run.p95, 1) : '—'} | ${run ? fmt(run.p99, 1) : '—'} | | | ${run ? `${run.wrong} / ${run.errors}` : ''} | | ${verdict(budgets, 'server RSS')} |`
	);
	const i = size.importEffect;
	if (i)
		rows.push(
			`| visitors during a ${fmt(i.rows)}-row import (${i.status}, ${fmt(i.importSeconds, 1)} s): p99 ${fmt(i.duringP99Ms)} ms vs ${fmt(i.baselineP99Ms)} ms without (before ${fmt(i.beforeP99Ms)}, after ${fmt(i.afterP99Ms)}) = ${fmt(i.ratio, 2)}× | 10 | | | | | | | | | ${verdict(budgets, 'visitors p99 during')} |`
		);
	const d = size.dashboardEffect;
	if (d)
		rows.push(
			`| visitors while an official reloads the dashboard (${fmt(d.loads)} loads, median ${fmt(d.loadMedianMs)} ms): p99 ${fmt(d.duringP99Ms)} ms vs ${fmt(d.baselineP99Ms)} ms without (before ${fmt(d.beforeP99Ms)}, after ${fmt(d.afterP99Ms)}) = ${fmt(d.ratio, 2)}× | 10 | | | | | | | | | ${verdict(budgets, 'visitors p99 while')} |`
		);
	const x = size.reload;
	if (x)
		rows.push(
			`| listing index (${fmt(x.approvedListings)} listings): full load ${fmt(x.fullLoadMs)} ms (again ${fmt(x.fullLoadAgainMs)}), reload after a change ${fmt(x.reloadAfterChangeMs)} ms, check with no change ${fmt(x.checkNoChangeMs)} ms | | | | | | | | | | |`
		);
	return rows.join('\n');
}

/** Per measure, its cost at each size and how it grows (see growth.ts). */
export function growthTable(sizes: SizeResult[]): string {
	const measures = new Map<string, GrowthPoint[]>();
	const add = (name: string, merchants: number, cost: number | null) => {
		if (cost === null) return;
		measures.set(name, [...(measures.get(name) ?? []), { merchants, cost }]);
	};
	for (const s of sizes) {
		// An endpoint's cost: its time per request at saturation (the inverse of its throughput)
		// in floors, the floor's own time in the same run, so that the machine's load, which
		// changes from one size to the next on a shared machine, cancels out as far as it can.
		const floor = s.endpoints.find((e) => e.name.startsWith('floor'));
		for (const e of s.endpoints) {
			if (e === floor) continue;
			add(e.name, s.merchants, floor && e.reqPerSec > 0 ? floor.reqPerSec / e.reqPerSec : null);
		}
		add('index: full load', s.merchants, s.reload?.fullLoadMs ?? null);
		add('index: reload after a change', s.merchants, s.reload?.reloadAfterChangeMs ?? null);
		add('index: check, no change', s.merchants, s.reload?.checkNoChangeMs ?? null);
		add('server RSS idle', s.merchants, s.memory.idleMb);
		add('seed', s.merchants, s.seed.merchantsSeconds);
	}
	const head = sizes.map((s) => `${fmt(s.merchants)}`).join(' | ');
	const rows = [
		`| measure (endpoints: time per request in floors; index: ms; RSS: MiB; seed: s) | ${head} | growth |`,
		`|---|${sizes.map(() => '---:').join('|')}|---|`
	];
	for (const [name, points] of measures) {
		const cells = sizes.map((s) => {
			const p = points.find((q) => q.merchants === s.merchants);
			return p ? fmt(p.cost, p.cost < 10 ? 2 : 0) : '—';
		});
		rows.push(`| ${name} | ${cells.join(' | ')} | ${describeGrowth(name, points)} |`);
	}
	return rows.join('\n');
}

/** The machine a run was measured on: CPUs and the load average before it started. */
export function machine() {
	const [one, five, fifteen] = loadavg();
	return {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? 'unknown',
		loadAverage: { one, five, fifteen },
		node: process.version
	};
}

/** bench/results.json as it is (empty when there is none yet). */
export function readResults(file = RESULTS_FILE): Record<string, unknown> {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return {};
	}
}

/** Writes one section of bench/results.json, keeping the other sections. */
export function writeResults(section: string, value: unknown, file = RESULTS_FILE): void {
	const results = readResults(file);
	results[section] = value;
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);
}
