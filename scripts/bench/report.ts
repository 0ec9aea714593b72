/**
 * A benchmark's table (req/s, p50, p95, p99, p95 as a ratio to the floor), its budgets with
 * PASS/FAIL, and bench/results.json, where each benchmark writes its own section and keeps
 * the others'.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { LoadResult } from './load';

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

/** A Markdown table of load results; the floor's p95 is the reference of the ratio column. */
export function loadTable(results: LoadResult[], floor: LoadResult): string {
	const rows = [
		'| request | req/s | p50 ms | p95 ms | p99 ms | p95 / floor p95 | non-2xx | errors |',
		'|---|---:|---:|---:|---:|---:|---:|---:|'
	];
	for (const r of results) {
		rows.push(
			`| ${r.name} | ${fmt(r.reqPerSec)} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.p95 / floor.p95, 1)}× | ${r.non2xx} | ${r.errors} |`
		);
	}
	return rows.join('\n');
}

export function budgetTable(budgets: Budget[]): string {
	const rows = ['| budget | measured | limit | result |', '|---|---:|---:|---|'];
	for (const b of budgets) {
		const limit = `${b.kind === 'min' ? '≥' : '≤'} ${fmt(b.limit)} ${b.unit}`;
		rows.push(
			`| ${b.what} | ${fmt(b.value, 1)} ${b.unit} | ${limit} | ${passes(b) ? 'PASS' : 'FAIL'} |`
		);
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

/** Writes one section of bench/results.json, keeping the other sections. */
export function writeResults(section: string, value: unknown, file = RESULTS_FILE): void {
	let results: Record<string, unknown> = {};
	try {
		results = JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		// no file yet, or unreadable: start afresh
	}
	results[section] = value;
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);
}
