import { describe, expect, it } from 'vitest';
import { match as id } from './id';
import { match as step } from './step';
import { match as openDataFormat } from './openDataFormat';
import { APPLICATION_STEPS } from '$lib/applications/fields';

describe('route parameter matchers', () => {
	it('[id=id] takes a row id and nothing else', () => {
		expect(id('1')).toBe(true);
		expect(id('2147483647')).toBe(true);
		for (const bad of ['0', '01', '-1', '+1', '1.5', 'abc', '2147483648', '99999999999999999999']) {
			expect(id(bad)).toBe(false);
		}
	});

	it('[step=step] takes the wizard steps and nothing else', () => {
		for (const s of APPLICATION_STEPS) expect(step(s)).toBe(true);
		for (const bad of ['', 'Shop', 'shop ', 'review/', '__proto__', 'toString']) {
			expect(step(bad)).toBe(false);
		}
	});

	it('[format=openDataFormat] takes geojson and csv only', () => {
		expect(openDataFormat('geojson')).toBe(true);
		expect(openDataFormat('csv')).toBe(true);
		for (const bad of ['', 'json', 'CSV', 'toString', '__proto__']) {
			expect(openDataFormat(bad)).toBe(false);
		}
	});
});
