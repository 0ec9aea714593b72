import { describe, it, expect } from 'vitest';
import { boundingBoxAround, formatDistance, haversineMeters } from './distance';

const louvre = { lat: 48.8606, lon: 2.3376 };
const eiffel = { lat: 48.8584, lon: 2.2945 };

describe('haversineMeters', () => {
	it('measures Louvre → Tour Eiffel as about 3,160 m', () => {
		const d = haversineMeters(louvre, eiffel);
		expect(d).toBeGreaterThan(3130);
		expect(d).toBeLessThan(3190);
		expect(haversineMeters(eiffel, louvre)).toBeCloseTo(d, 6);
	});

	it('gives 0 for the same point and 111,195 m for one degree of latitude', () => {
		expect(haversineMeters(louvre, louvre)).toBe(0);
		expect(haversineMeters({ lat: 48, lon: 2 }, { lat: 49, lon: 2 })).toBeCloseTo(111_195, 0);
	});
});

describe('formatDistance', () => {
	it('rounds short distances to 10 m', () => {
		expect(formatDistance(847, 'fr')).toBe('850 m');
		expect(formatDistance(847, 'zh')).toBe('850 米');
		expect(formatDistance(4, 'fr')).toBe('0 m');
		expect(formatDistance(-5, 'zh')).toBe('0 米');
	});

	it('shows one decimal from 1 km, with a decimal comma in French', () => {
		expect(formatDistance(1234, 'fr')).toBe('1,2 km');
		expect(formatDistance(1234, 'zh')).toBe('1.2 公里');
		expect(formatDistance(3164, 'fr')).toBe('3,2 km');
		expect(formatDistance(999, 'fr')).toBe('1,0 km');
	});

	it('drops the decimal from 10 km', () => {
		expect(formatDistance(12_345, 'fr')).toBe('12 km');
		expect(formatDistance(12_345, 'zh')).toBe('12 公里');
		expect(formatDistance(9_960, 'fr')).toBe('10 km');
	});

	it('gives an empty string for a missing distance', () => {
		expect(formatDistance(Number.NaN, 'fr')).toBe('');
	});
});

describe('boundingBoxAround', () => {
	it('spans 0.008993° of latitude and 0.013670° of longitude per km at the Louvre', () => {
		const box = boundingBoxAround(louvre, 1000);
		expect(box.north - louvre.lat).toBeCloseTo(0.008993, 6);
		expect(louvre.lat - box.south).toBeCloseTo(0.008993, 6);
		expect(box.east - louvre.lon).toBeCloseTo(0.01367, 5);
		expect(louvre.lon - box.west).toBeCloseTo(0.01367, 5);
	});

	it('touches the circle north and holds it east', () => {
		const box = boundingBoxAround(louvre, 1000);
		expect(haversineMeters(louvre, { lat: box.north, lon: louvre.lon })).toBeCloseTo(1000, 3);
		const east = haversineMeters(louvre, { lat: louvre.lat, lon: box.east });
		expect(east).toBeGreaterThanOrEqual(1000);
		expect(east).toBeLessThan(1000.1);
	});

	it('contains the Tour Eiffel within 3.2 km of the Louvre but not within 3 km', () => {
		const inside = (b: ReturnType<typeof boundingBoxAround>) =>
			eiffel.lon >= b.west &&
			eiffel.lon <= b.east &&
			eiffel.lat >= b.south &&
			eiffel.lat <= b.north;
		expect(inside(boundingBoxAround(louvre, 3200))).toBe(true);
		expect(inside(boundingBoxAround(louvre, 3000))).toBe(false);
	});
});
