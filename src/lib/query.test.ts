import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import {
	decimal,
	flag,
	format,
	id,
	integer,
	isIsoDay,
	isoDay,
	list,
	param,
	parseQuery,
	text
} from './query';
import { parseAuditFilters } from './admin/audit-filters';
import { parseQueueFilters } from './admin/queue-filters';
import { parseRange } from './metrics/range';
import { parseFilters, parseMapState } from './merchants/filters';

const schema = v.object({
	q: param(text(10), ''),
	day: param(isoDay, null),
	page: param(integer(1, 50), 1),
	zoom: param(decimal(0, 22), null),
	import: param(id, null),
	kind: param(v.picklist(['a', 'b']), 'a'),
	open: flag,
	tags: list(['x', 'y', 'z']),
	pair: param(
		format((value) => (/^\d+,\d+$/.test(value) ? value.split(',').map(Number) : null)),
		null
	)
});
const parse = (query: string) => parseQuery(schema, new URLSearchParams(query));
const DEFAULTS = {
	q: '',
	day: null,
	page: 1,
	zoom: null,
	import: null,
	kind: 'a',
	open: false,
	tags: [],
	pair: null
};

describe('parseQuery', () => {
	it('gives the fallbacks for an empty query string, or empty parameters', () => {
		expect(parse('')).toEqual({ values: DEFAULTS, invalid: [] });
		expect(parse('q=&day=&page=&zoom=&import=&kind=&open=&tags=&pair=')).toEqual({
			values: DEFAULTS,
			invalid: []
		});
	});

	it('reads every kind of field', () => {
		expect(
			parse(
				'q=%20abc%20&day=2024-02-29&page=3&zoom=12.5&import=7&kind=b&open=1&tags=z&tags=x&pair=1,2'
			).values
		).toEqual({
			q: 'abc',
			day: '2024-02-29',
			page: 3,
			zoom: 12.5,
			import: 7,
			kind: 'b',
			open: true,
			tags: ['x', 'z'],
			pair: [1, 2]
		});
	});

	it('uses the fallback for each unusable value and names it, keeping the others', () => {
		const parsed = parse('q=ok&day=2025-02-31&page=51&zoom=23&import=0&kind=c&pair=1;2');
		expect(parsed.values).toEqual({ ...DEFAULTS, q: 'ok' });
		expect(parsed.invalid).toEqual(['day', 'page', 'zoom', 'import', 'kind', 'pair']);
	});

	it.each([
		['day=2025-02-31', 'day'],
		['day=2025-13-01', 'day'],
		['day=0000-01-01', 'day'],
		['day=2025-2-3', 'day'],
		['day=20250203', 'day'],
		['page=99999999999999999999999999', 'page'],
		[`page=${'9'.repeat(1000)}`, 'page'],
		['page=1e3', 'page'],
		['page=0x10', 'page'],
		['page=1.5', 'page'],
		['page=-1', 'page'],
		['page=Infinity', 'page'],
		['page=%00', 'page'],
		['zoom=NaN', 'zoom'],
		['zoom=1e400', 'zoom'],
		['import=2147483648', 'import'],
		['import=01', 'import'],
		['kind=__proto__', 'kind'],
		['kind=toString', 'kind']
	])('%s is named as invalid, never thrown', (query, key) => {
		const parsed = parse(query);
		expect(parsed.invalid).toEqual([key]);
		expect(parsed.values).toEqual(DEFAULTS);
	});

	it('takes the first of a repeated parameter, every one of a list', () => {
		expect(parse('page=2&page=3&kind=b&kind=a&tags=y&tags=y&tags=w').values).toMatchObject({
			page: 2,
			kind: 'b',
			tags: ['y']
		});
		// A bad first value is not rescued by a good second one.
		expect(parse('page=x&page=3').values.page).toBe(1);
	});

	it('removes control characters (NUL among them) and cuts text by characters', () => {
		expect(parse('q=a%00b%0Ac%7F').values.q).toBe('abc');
		expect(parse(`q=${encodeURIComponent('药'.repeat(20))}`).values.q).toBe('药'.repeat(10));
		expect(parse(`q=${encodeURIComponent('😀'.repeat(20))}`).values.q).toBe('😀'.repeat(10));
		expect(parse('q=%00%00').values.q).toBe('');
	});

	it('ignores parameters the schema does not name', () => {
		expect(parse('__proto__=x&constructor=y&other=1').values).toEqual(DEFAULTS);
	});

	it('knows real calendar days', () => {
		expect(isIsoDay('2024-02-29')).toBe(true);
		expect(isIsoDay('2025-02-29')).toBe(false);
		expect(isIsoDay('2025-02-31')).toBe(false);
		expect(isIsoDay('9999-12-31')).toBe(true);
		expect(isIsoDay('2025-02-31T00:00')).toBe(false);
	});
});

describe('every query schema of the site, on anything a URL can carry', () => {
	const names = [
		'q',
		'cat',
		'pay',
		'open',
		'taxfree',
		'zh',
		'map',
		'near',
		'page',
		'from',
		'to',
		'step',
		'min',
		'actor',
		'action',
		'merchant',
		'kind',
		'departement',
		'category',
		'source',
		'age',
		'import'
	];
	const value = fc.oneof(
		fc.string(),
		fc.constantFrom(
			'',
			'0',
			'-1',
			'1e309',
			'2025-02-31',
			'\u0000',
			'99999999999999999999',
			'1/2/3'
		),
		fc.integer().map(String),
		fc.double().map(String)
	);
	const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string()), value), {
		maxLength: 30
	});

	it('parses without throwing, to values of the right shape', () => {
		fc.assert(
			fc.property(query, (pairs) => {
				const params = new URLSearchParams(pairs);
				const audit = parseAuditFilters(params).filters;
				expect(audit.from === '' || isIsoDay(audit.from)).toBe(true);
				expect(Number.isInteger(audit.page)).toBe(true);
				expect(parseQueueFilters(params).page).toBeGreaterThanOrEqual(1);
				const { range } = parseRange(params, '2026-11-28');
				expect(isIsoDay(range.from) && isIsoDay(range.to) && range.from <= range.to).toBe(true);
				const state = parseMapState(params);
				expect(state.filters).toEqual(parseFilters(params));
				expect(state.filters.q).not.toMatch(/\p{Cc}/u);
				expect(state.page >= 1 && state.page <= 1000).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});
