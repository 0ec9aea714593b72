/** A merchant's public page: the approved listing (its audience is counted in audience.ts). */
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { merchants } from '../db/schema';

export type PublicMerchant = Pick<
	typeof merchants.$inferSelect,
	| 'id'
	| 'tradeNameFr'
	| 'tradeNameZh'
	| 'descriptionFr'
	| 'descriptionZh'
	| 'category'
	| 'address'
	| 'postalCode'
	| 'communeName'
	| 'openingHours'
	| 'paymentMethods'
	| 'taxFree'
	| 'chineseStaff'
	| 'phone'
	| 'website'
	| 'verifiedAt'
> & { lat: number; lon: number };

/** The approved listing with this id, or null (unknown, draft, pending, rejected, suspended). */
export async function publicMerchant(db: Executor, id: number): Promise<PublicMerchant | null> {
	const [row] = await db
		.select({
			id: merchants.id,
			tradeNameFr: merchants.tradeNameFr,
			tradeNameZh: merchants.tradeNameZh,
			descriptionFr: merchants.descriptionFr,
			descriptionZh: merchants.descriptionZh,
			category: merchants.category,
			address: merchants.address,
			postalCode: merchants.postalCode,
			communeName: merchants.communeName,
			openingHours: merchants.openingHours,
			paymentMethods: merchants.paymentMethods,
			taxFree: merchants.taxFree,
			chineseStaff: merchants.chineseStaff,
			phone: merchants.phone,
			website: merchants.website,
			verifiedAt: merchants.verifiedAt,
			lat: merchants.latitude,
			lon: merchants.longitude
		})
		.from(merchants)
		.where(and(eq(merchants.id, id), eq(merchants.status, 'approved')));
	if (!row || row.lat === null || row.lon === null) return null;
	return { ...row, lat: row.lat, lon: row.lon };
}
