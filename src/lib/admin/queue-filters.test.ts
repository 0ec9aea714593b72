import { describe, expect, it } from 'vitest';
import { parseQueueFilters, queueQuery } from './queue-filters';

describe('review queue filters', () => {
	it('keeps only known values', () => {
		expect(
			parseQueueFilters(
				new URLSearchParams(
					'kind=revision&departement=92&category=hotel&source=import&age=7&import=3'
				)
			)
		).toEqual({
			kind: 'revision',
			departement: '92',
			category: 'hotel',
			source: 'import',
			minAge: 7,
			importId: 3,
			page: 1
		});
		expect(
			parseQueueFilters(new URLSearchParams('kind=x&departement=69&category=zoo&age=5&page=0'))
		).toMatchObject({ kind: 'all', departement: '', category: '', minAge: 0, page: 1 });
		expect(
			parseQueueFilters(new URLSearchParams('import=2147483648&age=7&age=3&page=1e9&kind=%00'))
		).toMatchObject({ importId: null, minAge: 7, page: 1, kind: 'all' });
	});
	it('round-trips through the URL', () => {
		const f = parseQueueFilters(new URLSearchParams('departement=75&age=30&page=2'));
		expect(queueQuery(f)).toBe('?departement=75&age=30&page=2');
		expect(parseQueueFilters(new URLSearchParams(queueQuery(f).slice(1)))).toEqual(f);
	});
});
