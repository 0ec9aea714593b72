/** The audit log's filters, read from and written to the URL (so a filtered view can be shared). */

export interface AuditFilters {
	/** Part of the actor's e-mail or name. */
	actor: string;
	action: string;
	/** A merchant id, a SIRET or part of a trade name. */
	merchant: string;
	/** YYYY-MM-DD, inclusive, in Paris time. */
	from: string;
	to: string;
	page: number;
}

export const AUDIT_PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (params: URLSearchParams, name: string) =>
	(params.get(name) ?? '').trim().slice(0, 200);

export function parseAuditFilters(params: URLSearchParams): AuditFilters {
	const day = (name: string) => {
		const value = text(params, name);
		return DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : '';
	};
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		actor: text(params, 'actor'),
		action: /^[a-z_]{1,60}$/.test(text(params, 'action')) ? text(params, 'action') : '',
		merchant: text(params, 'merchant'),
		from: day('from'),
		to: day('to'),
		page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1
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
