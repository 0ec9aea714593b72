import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import KDBush from 'kdbush';
import { haversineMeters } from '../../geo/distance';
import { nearestInTree } from './nearest';

describe('nearestInTree', () => {
	it('finds the same listings, in the same order, as sorting all of them by distance', () => {
		const point = fc.record({
			lon: fc.double({ min: 1.4, max: 3.2, noNaN: true }),
			lat: fc.double({ min: 48.1, max: 49.3, noNaN: true })
		});
		fc.assert(
			fc.property(
				fc.array(point, { minLength: 1, maxLength: 400 }),
				point,
				fc.integer({ min: 1, max: 30 }),
				fc.integer({ min: 1, max: 5 }),
				(points, from, limit, every) => {
					const tree = new KDBush(points.length, 8);
					for (const p of points) tree.add(p.lon, p.lat);
					tree.finish();
					const box = [1.8, 48.5, 2.9, 49.0] as const;
					const test = (i: number) => i % every === 0;
					const expected = points
						.map((p, i) => ({ i, d: haversineMeters(from, p) }))
						.filter(({ i }) => test(i))
						.filter(({ i }) => {
							const p = points[i];
							return p.lon >= box[0] && p.lon <= box[2] && p.lat >= box[1] && p.lat <= box[3];
						})
						.sort((a, b) => a.d - b.d || a.i - b.i)
						.slice(0, limit);
					const found = nearestInTree(tree, from, box, limit, test);
					expect(found.map((i) => haversineMeters(from, points[i]))).toEqual(
						expected.map((e) => e.d)
					);
				}
			),
			{ numRuns: 300 }
		);
	});
});
