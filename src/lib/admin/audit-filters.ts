/** The audit log's filters, read from and written to the URL (so a filtered view can be shared). */
import * as v from 'valibot';
import { integer, isoDay, param, parseQuery, text } from '../query';
import { withDates } from '../forms/date-input';

export const AUDIT_PAGE_SIZE = 50;

/** `?actor&action&merchant&from&to&page`; `from` and `to` are days in Paris time, inclusive. */
const auditQuerySchema = v.object({
	/** Part of the actor's e-mail or name. */
	actor: param(text(200), ''),
	action: param(v.pipe(v.string(), v.regex(/^[a-z_]{1,60}$/)), ''),
	/** A merchant id, a SIRET or part of a trade name. */
	merchant: param(text(200), ''),
	from: param(isoDay, ''),
	to: param(isoDay, ''),
	page: param(integer(1, 100_000), 1)
});

export type AuditFilters = v.InferOutput<typeof auditQuerySchema>;

/** The filters, and the days that were not real days (the page says so beside the field). */
export function parseAuditFilters(params: URLSearchParams): {
	filters: AuditFilters;
	invalidDays: ('from' | 'to')[];
} {
	// The filter form types each day in three parts (DateField); links say `from=YYYY-MM-DD`.
	const { values, invalid } = parseQuery(auditQuerySchema, withDates(params, ['from', 'to']));
	return {
		filters: values,
		invalidDays: invalid.filter((key) => key === 'from' || key === 'to')
	};
}

/** The query string of a filtered view (empty filters left out), for links and pagination. */
export function auditQuery(filters: AuditFilters, page = filters.page): string {
	const params = new URLSearchParams();
	for (const key of ['actor', 'action', 'merchant', 'from', 'to'] as const) {
		if (filters[key]) params.set(key, filters[key]);
	}
	if (page > 1) params.set('page', String(page));
	const query = params.toString();
	return query ? `?${query}` : '';
}
