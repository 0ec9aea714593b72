import { describe, expect, it } from 'vitest';
import { classifyGrowth, describeGrowth, growthExponent } from './growth';

describe('growth of a cost with the number of merchants', () => {
	it('fits the exponent between the smallest and the largest size, whatever the order', () => {
		expect(
			growthExponent([
				{ merchants: 100_000, cost: 500 },
				{ merchants: 2_000, cost: 10 },
				{ merchants: 20_000, cost: 100 }
			])
		).toBeCloseTo(1, 5);
		expect(
			growthExponent([
				{ merchants: 2_000, cost: 4 },
				{ merchants: 100_000, cost: 4 }
			])
		).toBeCloseTo(0, 5);
		expect(
			growthExponent([
				{ merchants: 2_000, cost: 1 },
				{ merchants: 20_000, cost: 100 }
			])
		).toBeCloseTo(2, 5);
	});

	it('has no exponent without two sizes with a positive cost', () => {
		expect(growthExponent([{ merchants: 2_000, cost: 3 }])).toBeNaN();
		expect(
			growthExponent([
				{ merchants: 2_000, cost: 0 },
				{ merchants: 20_000, cost: 5 }
			])
		).toBeNaN();
		expect(
			growthExponent([
				{ merchants: 2_000, cost: 1 },
				{ merchants: 2_000, cost: 5 }
			])
		).toBeNaN();
	});

	it('reads the exponent as flat, linear or worse', () => {
		expect(classifyGrowth(0)).toBe('flat');
		expect(classifyGrowth(0.34)).toBe('flat');
		expect(classifyGrowth(0.35)).toBe('linear');
		expect(classifyGrowth(1)).toBe('linear');
		expect(classifyGrowth(1.25)).toBe('linear');
		expect(classifyGrowth(1.3)).toBe('worse');
		expect(classifyGrowth(NaN)).toBeNull();
	});

	it('says whether a measure grows as its code should, with the reason', () => {
		const flat = [
			{ merchants: 2_000, cost: 10 },
			{ merchants: 100_000, cost: 11 }
		];
		expect(describeGrowth('/api/map', flat)).toMatch(/^flat \(k = 0\.02\); as expected: reads/);
		const linear = [
			{ merchants: 2_000, cost: 10 },
			{ merchants: 100_000, cost: 500 }
		];
		expect(describeGrowth('/api/map', linear)).toMatch(/^linear \(k = 1\.00\); expected flat: /);
		expect(describeGrowth('something else', linear)).toBe('linear (k = 1.00)');
		expect(describeGrowth('/api/map', [])).toMatch(/^not measured; expected flat/);
	});
});
