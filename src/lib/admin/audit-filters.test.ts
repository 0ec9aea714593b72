import { describe, expect, it } from 'vitest';
import { auditQuery, parseAuditFilters } from './audit-filters';

describe('audit log filters', () => {
	it('reads the URL and drops what is malformed', () => {
		const f = parseAuditFilters(
			new URLSearchParams('actor=officiel&action=approve&from=2026-11-01&to=2026-13-45&page=-3')
		);
		expect(f).toEqual({
			actor: 'officiel',
			action: 'approve',
			merchant: '',
			from: '2026-11-01',
			to: '',
			page: 1
		});
		expect(parseAuditFilters(new URLSearchParams('action=DROP TABLE')).action).toBe('');
	});
	it('writes back only what is set, page last', () => {
		const f = parseAuditFilters(new URLSearchParams('merchant=73282932000074&page=2'));
		expect(auditQuery(f)).toBe('?merchant=73282932000074&page=2');
		expect(auditQuery(f, 1)).toBe('?merchant=73282932000074');
		expect(auditQuery(parseAuditFilters(new URLSearchParams()))).toBe('');
	});
});
