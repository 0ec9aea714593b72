/**
 * How a cost grows with the number of merchants, from the bench's measures at several sizes:
 * the exponent k of cost ∝ merchants^k fitted between the smallest and the largest size, read as
 * flat (k < 0.35), linear (up to 1.25) or worse. The expected growth of each measure, and why,
 * comes from how the code does it (docs/performance.md); the bench prints both side by side.
 */

export type Growth = 'flat' | 'linear' | 'worse';

export interface GrowthPoint {
	merchants: number;
	/** A cost: milliseconds, MiB, or the inverse of a throughput (ms per request). */
	cost: number;
}

/** The exponent k of cost ∝ merchants^k between the first and the last size (sorted by size). */
export function growthExponent(points: GrowthPoint[]): number {
	const usable = points
		.filter((p) => p.merchants > 0 && Number.isFinite(p.cost) && p.cost > 0)
		.sort((a, b) => a.merchants - b.merchants);
	if (usable.length < 2) return NaN;
	const first = usable[0];
	const last = usable[usable.length - 1];
	if (first.merchants === last.merchants) return NaN;
	return Math.log(last.cost / first.cost) / Math.log(last.merchants / first.merchants);
}

export function classifyGrowth(exponent: number): Growth | null {
	if (!Number.isFinite(exponent)) return null;
	if (exponent < 0.35) return 'flat';
	if (exponent <= 1.25) return 'linear';
	return 'worse';
}

/** What each measure should do as merchants grow, and why (how the code works). */
export const EXPECTED_GROWTH: Record<string, { growth: Growth; reason: string }> = {
	'/api/map': {
		growth: 'flat',
		reason:
			'reads the cells (zoom ≤ 12, counted once per selection) or the k-d tree hits of its viewport'
	},
	'/api/list': {
		growth: 'flat',
		reason:
			'nearest listings in growing circles; totals from kept grids; a new filter set costs one pass, then is kept'
	},
	'merchant page': { growth: 'flat', reason: 'one listing read from the in-memory index by id' },
	'metrics dashboard': {
		growth: 'flat',
		reason: 'reads day and month rollup rows (grow with days, not merchants) and today live'
	},
	'open-data export': {
		growth: 'linear',
		reason: 'the file holds every listed shop (kept per index version, sent whole)'
	},
	'index: full load': {
		growth: 'linear',
		reason: 'reads every approved listing and builds the tree, arrays and search texts'
	},
	'index: reload after a change': {
		growth: 'linear',
		reason:
			'reads every listing head (id, version, time) to find the change, then rebuilds the arrays'
	},
	'index: check, no change': { growth: 'flat', reason: 'one aggregate row (count, sums, max)' },
	'server RSS idle': {
		growth: 'linear',
		reason: 'the index holds each listing (and PGlite its pages in the same process)'
	},
	seed: { growth: 'linear', reason: 'one row per merchant' }
};

/** "flat (k = 0.05; expected flat: …)" for the growth table. */
export function describeGrowth(name: string, points: GrowthPoint[]): string {
	const k = growthExponent(points);
	const measured = classifyGrowth(k);
	const expected = EXPECTED_GROWTH[name.replace(/ \(.*\)$/, '')];
	const head = measured ? `${measured} (k = ${k.toFixed(2)})` : 'not measured';
	if (!expected) return head;
	const agreement = measured === expected.growth ? 'as expected' : `expected ${expected.growth}`;
	return `${head}; ${agreement}: ${expected.reason}`;
}
