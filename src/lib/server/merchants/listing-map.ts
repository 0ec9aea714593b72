/**
 * The tourist map's features: clusters and single listings inside the viewport.
 *
 * Clusters are cells of a grid on Web Mercator, CELL_PX wide on screen at the requested zoom;
 * a cell holding MIN_POINTS or more of the viewport's matching listings is one cluster at their
 * mean position, counting exactly them (so counts add up to the listings in view); fewer are
 * shown one by one. Above MAX_CLUSTER_ZOOM every listing is a point.
 *
 * The listings are in Z-order (listing-index.ts), so a cell at any zoom is a run of the
 * selection: at low zoom (a viewport of the whole region) the cells of a selection are counted
 * once and kept, and a request only reads those of its viewport (re-counting the cells the
 * viewport's edge cuts through); at higher zoom the viewport's listings are taken from the
 * k-d tree and counted.
 */
import type { Executor } from '../db/client';
import type { BBox, ListingFilters } from '../../merchants/filters';
import type { MapFeature } from '../../merchants/cards';
import { CATEGORIES } from '../../merchants/vocabulary';
import { listingIndex, mercator, MERCATOR_BITS, type ListingIndex } from './listing-index';
import {
	criteriaOf,
	openPositions,
	readQuery,
	remember,
	selectionOf,
	type SearchQuery
} from './listing-search';

/** log2 of the cells per 512-pixel tile: 8 cells of 64 px. */
const CELL_BITS = 3;
/**
 * Two listings of one cell make a cluster: two pins side by side would overlap (and fail the
 * tap-target size that accessibility audits check).
 */
const MIN_POINTS = 2;
const MAX_CLUSTER_ZOOM = 16;
const MAX_EXPANSION_ZOOM = 18;
/** Up to this zoom, a selection's cells are counted once and kept. */
const KEPT_GRID_MAX_ZOOM = 12;

/** A run of listings in one cell. */
interface Cell {
	cx: number;
	cy: number;
	/** Where the run sits in the positions it was counted from. */
	start: number;
	end: number;
	count: number;
	/** The bits where the listings' Mercator positions differ (for the expansion zoom). */
	spread: number;
}

/** The cells of `positions` (in index order) at one grid level. */
function countCells(index: ListingIndex, positions: ArrayLike<number>, shift: number): Cell[] {
	const cells: Cell[] = [];
	let cell: Cell | null = null;
	let firstX = 0;
	let firstY = 0;
	for (let k = 0; k < positions.length; k++) {
		const i = positions[k];
		const x = index.mx[i];
		const y = index.my[i];
		const cx = x >>> shift;
		const cy = y >>> shift;
		if (!cell || cell.cx !== cx || cell.cy !== cy) {
			cell = { cx, cy, start: k, end: k, count: 0, spread: 0 };
			cells.push(cell);
			firstX = x;
			firstY = y;
		}
		cell.end = k + 1;
		cell.count++;
		cell.spread |= (x ^ firstX) | (y ^ firstY);
	}
	return cells;
}

interface KeptGrid {
	cells: Cell[];
	byKey: Map<number, Cell>;
}

const cellKey = (cx: number, cy: number) => cx * 2 ** MERCATOR_BITS + cy;

/**
 * Where a cluster is drawn: the centre of its cell, so that clusters stay a cell (64 px) apart and
 * never cover one another (their markers are at most 60 px wide). At their listings' mean
 * position, two clusters of neighbouring cells could sit a pixel apart.
 */
function cellCentre(cx: number, cy: number, shift: number): [number, number] {
	const size = 2 ** shift / 2 ** MERCATOR_BITS;
	const x = (cx + 0.5) * size;
	const y = (cy + 0.5) * size;
	const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
	return [x * 360 - 180, lat];
}

/** The zoom at which a cluster's listings no longer share one cell. */
function expansionZoom(spread: number, zoom: number): number {
	if (spread === 0) return MAX_EXPANSION_ZOOM;
	const highestBit = 31 - Math.clz32(spread);
	const splitZoom = MERCATOR_BITS - highestBit - CELL_BITS;
	return Math.min(MAX_EXPANSION_ZOOM, Math.max(zoom + 1, splitZoom));
}

/**
 * Calls `onCell` for each cell of a kept grid (`passing` counted at `shift`) in a box: the whole
 * cell when it lies inside, else its listings inside the box, counted anew — or, with
 * `onEdgeCell`, the cell the box's edge cuts through as it is.
 */
function forCellsInBox(
	index: ListingIndex,
	passing: { key: string; positions: Int32Array },
	shift: number,
	bbox: BBox,
	onCell: (cell: Cell, positions: ArrayLike<number>) => void,
	onEdgeCell?: (cell: Cell) => void
): void {
	const grid = remember(index, `grid:${passing.key}:${shift}`, (): KeptGrid => {
		const cells = countCells(index, passing.positions, shift);
		return { cells, byKey: new Map(cells.map((c) => [cellKey(c.cx, c.cy), c])) };
	});
	const [x0, y0] = mercator(bbox[0], bbox[3]);
	const [x1, y1] = mercator(bbox[2], bbox[1]);
	const [cx0, cy0, cx1, cy1] = [x0 >>> shift, y0 >>> shift, x1 >>> shift, y1 >>> shift];
	const visit = (cell: Cell) => {
		if (cell.cx > cx0 && cell.cx < cx1 && cell.cy > cy0 && cell.cy < cy1) {
			onCell(cell, passing.positions);
			return;
		}
		if (onEdgeCell) return onEdgeCell(cell);
		// On the box's edge: only the listings inside it.
		const inside: number[] = [];
		for (let k = cell.start; k < cell.end; k++) {
			const i = passing.positions[k];
			if (index.isInBox(i, bbox)) inside.push(i);
		}
		for (const part of countCells(index, inside, shift)) onCell(part, inside);
	};
	if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > grid.cells.length) {
		for (const cell of grid.cells) {
			if (cell.cx >= cx0 && cell.cx <= cx1 && cell.cy >= cy0 && cell.cy <= cy1) visit(cell);
		}
	} else {
		for (let cx = cx0; cx <= cx1; cx++) {
			for (let cy = cy0; cy <= cy1; cy++) {
				const cell = grid.byKey.get(cellKey(cx, cy));
				if (cell) visit(cell);
			}
		}
	}
}

/** Cells across a box when counting in it: few enough to visit, small enough at its edges. */
const COUNT_CELLS_ACROSS = 32;

/** How many of `passing` lie in a box, read from a kept grid fine enough for the box. */
export function countInBox(
	index: ListingIndex,
	passing: { key: string; positions: Int32Array },
	bbox: BBox
): number {
	const [x0, y0] = mercator(bbox[0], bbox[3]);
	const [x1, y1] = mercator(bbox[2], bbox[1]);
	const span = Math.max(x1 - x0, y1 - y0, 1);
	// No finer than the map's finest kept grid: the grids are shared with the map's, and a finer
	// one per box size would hold a cell per listing (memory, and a pass over all of them).
	const finest = MERCATOR_BITS - (KEPT_GRID_MAX_ZOOM + CELL_BITS);
	const shift = Math.max(finest, Math.floor(Math.log2(span / COUNT_CELLS_ACROSS)));
	let total = 0;
	forCellsInBox(
		index,
		passing,
		shift,
		bbox,
		(cell) => (total += cell.count),
		(cell) => {
			for (let k = cell.start; k < cell.end; k++) {
				if (index.isInBox(passing.positions[k], bbox)) total++;
			}
		}
	);
	return total;
}

/** Clusters and single listings visible in a box at a zoom, for the map. */
export async function mapFeatures(
	db: Executor,
	filters: ListingFilters,
	bbox: BBox,
	zoom: number,
	now: Date,
	query: SearchQuery = readQuery(filters.q)
): Promise<{ features: MapFeature[]; total: number }> {
	const index = await listingIndex(db);
	const criteria = criteriaOf(filters, query);
	const selection = selectionOf(index, criteria);
	const passing = openPositions(index, selection, criteria, now);
	const openNow = index.openAt(now);
	const z = Math.max(0, Math.min(20, Math.floor(zoom)));
	const features: MapFeature[] = [];
	let total = 0;
	const point = (i: number) => {
		const id = index.id[i];
		total++;
		features.push({
			type: 'Feature',
			id,
			geometry: { type: 'Point', coordinates: [index.lon[i], index.lat[i]] },
			properties: {
				cluster: false,
				id,
				category: CATEGORIES[index.category[i]],
				open: openNow(i)
			}
		});
	};
	const shift = MERCATOR_BITS - (z + CELL_BITS);
	/** Shows one cell counted from `positions`. */
	const show = (cell: Cell, positions: ArrayLike<number>) => {
		if (cell.count < MIN_POINTS) {
			for (let k = cell.start; k < cell.end; k++) point(positions[k]);
			return;
		}
		total += cell.count;
		features.push({
			type: 'Feature',
			id: (z + CELL_BITS) * 2 ** (2 * MERCATOR_BITS) + cellKey(cell.cx, cell.cy),
			geometry: { type: 'Point', coordinates: cellCentre(cell.cx, cell.cy, shift) },
			properties: { cluster: true, count: cell.count, expansionZoom: expansionZoom(cell.spread, z) }
		});
	};

	if (z <= KEPT_GRID_MAX_ZOOM) {
		forCellsInBox(index, passing, shift, bbox, show);
		return { features, total };
	}

	// Open-now as the kept grids see it: at the start of the minute.
	const openThisMinute = index.openAt(new Date(Math.floor(now.getTime() / 60_000) * 60_000));
	const inView = index
		.inBox(bbox)
		.filter((i) => selection.scores[i] > 0 && (!criteria.openNow || openThisMinute(i) === true))
		.sort((a, b) => a - b);
	if (z > MAX_CLUSTER_ZOOM) {
		for (const i of inView) point(i);
	} else {
		for (const cell of countCells(index, inView, shift)) show(cell, inView);
	}
	return { features, total };
}
