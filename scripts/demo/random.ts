/** The demo dataset's deterministic random source and the draws built on it. */

export const DAY_MS = 86_400_000;

/** mulberry32: small, fast, deterministic. */
export function createRandom(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
	const chance = (p: number) => next() < p;
	function weighted<T>(entries: readonly (readonly [T, number])[]): T {
		const total = entries.reduce((s, [, w]) => s + w, 0);
		let r = next() * total;
		for (const [value, w] of entries) {
			r -= w;
			if (r <= 0) return value;
		}
		return entries[entries.length - 1][0];
	}
	return { next, int, pick, chance, weighted };
}
export type Random = ReturnType<typeof createRandom>;

/** A point uniformly inside a disc of `radiusM` metres around (lat, lon). */
export function jitter(
	random: Random,
	lat: number,
	lon: number,
	radiusM: number
): [number, number] {
	const r = radiusM * Math.sqrt(random.next());
	const theta = random.next() * 2 * Math.PI;
	const dLat = (r * Math.cos(theta)) / 111_320;
	const dLon = (r * Math.sin(theta)) / (111_320 * Math.cos((lat * Math.PI) / 180));
	return [round6(lat + dLat), round6(lon + dLon)];
}
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Share of merchants whose adoption date is `x` of the way through the history: growing. */
export function adoptionPosition(random: Random): number {
	// density ∝ 1 + 2x on [0, 1]
	return (-1 + Math.sqrt(1 + 8 * random.next())) / 2;
}

export function isoDay(d: Date): string {
	return d.toISOString().slice(0, 10);
}
