import type { PageServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';
import { auditActions, auditLogPage } from '$lib/server/audit/log';
import { parseAuditFilters } from '$lib/admin/audit-filters';
import { getDb } from '$lib/server/db';

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const db = await getDb();
	const { filters, invalidDays } = parseAuditFilters(event.url.searchParams);
	const [log, actions] = await Promise.all([auditLogPage(db, filters), auditActions(db)]);
	return { filters, invalidDays, log, actions };
};
