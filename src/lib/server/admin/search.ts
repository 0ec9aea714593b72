/** Support search: merchants and accounts by name, SIRET or e-mail. */
import { and, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { merchants, users } from '../db/schema';
import { containing } from '../audit/log';
import { accountColumns } from './team';
import { normalizeSiret } from '../../merchants/siret';
import type { ListingStatus } from '../../merchants/vocabulary';

export const SEARCH_LIMIT = 50;

export async function supportSearch(db: Executor, query: string, status: ListingStatus | null) {
	const q = query.trim().slice(0, 200);
	if (!q && !status) return { merchants: [], users: [] };
	const digits = normalizeSiret(q);
	const merchantWhere: SQL[] = [];
	if (q) {
		const like = containing(q);
		merchantWhere.push(
			or(
				ilike(merchants.tradeNameFr, like),
				ilike(merchants.tradeNameZh, like),
				ilike(merchants.legalName, like),
				ilike(users.email, like),
				/^\d{3,14}$/.test(digits) ? ilike(merchants.siret, `${digits}%`) : undefined
			)!
		);
	}
	if (status) merchantWhere.push(eq(merchants.status, status));
	const foundMerchants = await db
		.select({
			id: merchants.id,
			tradeNameFr: merchants.tradeNameFr,
			tradeNameZh: merchants.tradeNameZh,
			siret: merchants.siret,
			status: merchants.status,
			communeName: merchants.communeName,
			source: merchants.source,
			ownerEmail: users.email
		})
		.from(merchants)
		.leftJoin(users, eq(users.id, merchants.ownerId))
		.where(and(...merchantWhere))
		.orderBy(desc(merchants.updatedAt), desc(merchants.id))
		.limit(SEARCH_LIMIT);
	const foundUsers = q
		? await db
				.select({
					...accountColumns,
					deletedAt: users.deletedAt,
					createdAt: users.createdAt
				})
				.from(users)
				.where(or(ilike(users.email, containing(q)), ilike(users.displayName, containing(q))))
				.orderBy(users.email)
				.limit(SEARCH_LIMIT)
		: [];
	return { merchants: foundMerchants, users: foundUsers };
}
