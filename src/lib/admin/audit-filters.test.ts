import { describe, expect, it } from 'vitest';
import { auditQuery, parseAuditFilters } from './audit-filters';

const parse = (query: string) => parseAuditFilters(new URLSearchParams(query));

describe('audit log filters', () => {
	it('reads the URL and drops what is malformed', () => {
		expect(parse('actor=officiel&action=approve&from=2026-11-01&to=2026-13-45&page=-3')).toEqual({
			filters: {
				actor: 'officiel',
				action: 'approve',
				merchant: '',
				from: '2026-11-01',
				to: '',
				page: 1
			},
			invalidDays: ['to']
		});
		expect(parse('action=DROP TABLE').filters.action).toBe('');
	});

	it('names days that do not exist, so the page can say so beside the field', () => {
		for (const day of ['2025-02-31', '2025-02-29', '2026-04-31', '0000-01-01', '2026-1-1']) {
			const parsed = parse(`from=${day}&to=${day}`);
			expect(parsed.filters.from, day).toBe('');
			expect(parsed.invalidDays, day).toEqual(['from', 'to']);
		}
		expect(parse('from=2024-02-29').filters.from).toBe('2024-02-29');
		expect(parse('from=&to=').invalidDays).toEqual([]);
	});

	it('cleans text, takes the first of repeated parameters, bounds the page', () => {
		const f = parse(`actor=a%00b%1F&actor=second&merchant=${'x'.repeat(500)}&page=1e9`).filters;
		expect(f.actor).toBe('ab');
		expect(f.merchant).toHaveLength(200);
		expect(f.page).toBe(1);
		expect(parse('page=99999999999999999999999').filters.page).toBe(1);
		expect(parse('page=7&page=8').filters.page).toBe(7);
	});

	it('writes back only what is set, page last', () => {
		const f = parse('merchant=73282932000074&page=2').filters;
		expect(auditQuery(f)).toBe('?merchant=73282932000074&page=2');
		expect(auditQuery(f, 1)).toBe('?merchant=73282932000074');
		expect(auditQuery(parse('').filters)).toBe('');
	});
});
