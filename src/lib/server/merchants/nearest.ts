/**
 * The listings nearest to a point, nearest first, from the index's k-d tree (kdbush): a
 * best-first walk of the tree's nodes (as geokdbush does), so that a request reads about as many
 * listings as it keeps, however rare the passing ones are around the point, instead of boxes
 * grown and searched again. Only nodes and listings inside a box are visited.
 */
import type KDBush from 'kdbush';
import { haversineMeters, type LatLon } from '../../geo/distance';

type Box = readonly [number, number, number, number];

/** A node of the tree (a run of its sorted arrays) or a listing, by its distance from the point. */
interface Entry {
	/** Metres (a lower bound for a node). */
	d: number;
	/** The listing's position, or -1 for a node. */
	i: number;
	left: number;
	right: number;
	axis: number;
	box: Box;
}

/** Entries before others: smaller distance, nodes before listings, then smaller position. */
function before(a: Entry, b: Entry): boolean {
	if (a.d !== b.d) return a.d < b.d;
	if ((a.i === -1) !== (b.i === -1)) return a.i === -1;
	return a.i < b.i;
}

class Queue {
	private readonly items: Entry[] = [];

	get size(): number {
		return this.items.length;
	}

	push(e: Entry): void {
		const items = this.items;
		let k = items.push(e) - 1;
		while (k > 0) {
			const parent = (k - 1) >> 1;
			if (!before(e, items[parent])) break;
			items[k] = items[parent];
			k = parent;
		}
		items[k] = e;
	}

	pop(): Entry {
		const items = this.items;
		const top = items[0];
		const last = items.pop()!;
		if (items.length) {
			let k = 0;
			for (;;) {
				const l = 2 * k + 1;
				if (l >= items.length) break;
				const r = l + 1;
				const child = r < items.length && before(items[r], items[l]) ? r : l;
				if (!before(items[child], last)) break;
				items[k] = items[child];
				k = child;
			}
			items[k] = last;
		}
		return top;
	}
}

/**
 * A lower bound of the metres from a point to a box: to the box's point nearest in degrees,
 * less a margin (on a sphere the nearest point of a box edge is slightly off the clamped one).
 */
function boxDistance(from: LatLon, [w, s, e, n]: Box): number {
	const lon = Math.min(Math.max(from.lon, w), e);
	const lat = Math.min(Math.max(from.lat, s), n);
	if (lon === from.lon && lat === from.lat) return 0;
	return haversineMeters(from, { lat, lon }) * 0.99;
}

const intersects = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/**
 * The positions of up to `limit` listings inside `within` that pass `test`, nearest to `from`
 * first (ties by position, which follows the index's order).
 */
export function nearestInTree(
	tree: KDBush,
	from: LatLon,
	within: Box,
	limit: number,
	test: (i: number) => boolean
): number[] {
	const found: number[] = [];
	if (limit <= 0 || tree.numItems === 0) return found;
	const { ids, coords, nodeSize } = tree;
	const queue = new Queue();
	const inside = (x: number, y: number) =>
		x >= within[0] && x <= within[2] && y >= within[1] && y <= within[3];
	const point = (k: number) => {
		const x = coords[2 * k];
		const y = coords[2 * k + 1];
		const i = ids[k];
		if (!inside(x, y) || !test(i)) return;
		const d = haversineMeters(from, { lat: y, lon: x });
		queue.push({ d, i, left: 0, right: 0, axis: 0, box: within });
	};
	const node = (left: number, right: number, axis: number, box: Box) => {
		if (left > right || !intersects(box, within)) return;
		queue.push({ d: boxDistance(from, box), i: -1, left, right, axis, box });
	};
	node(0, ids.length - 1, 0, [-180, -90, 180, 90]);
	while (queue.size && found.length < limit) {
		const e = queue.pop();
		if (e.i !== -1) {
			found.push(e.i);
			continue;
		}
		const { left, right, axis, box } = e;
		if (right - left <= nodeSize) {
			for (let k = left; k <= right; k++) point(k);
			continue;
		}
		const m = (left + right) >> 1;
		point(m);
		const x = coords[2 * m];
		const y = coords[2 * m + 1];
		const [w, s, east, n] = box;
		if (axis === 0) {
			node(left, m - 1, 1, [w, s, x, n]);
			node(m + 1, right, 1, [x, s, east, n]);
		} else {
			node(left, m - 1, 0, [w, s, east, y]);
			node(m + 1, right, 0, [w, y, east, n]);
		}
	}
	return found;
}
