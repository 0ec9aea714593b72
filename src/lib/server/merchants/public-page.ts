/**
 * A merchant's public page: the approved listing, read from the in-memory listing index (no
 * query; its audience is counted in audience.ts).
 */
import type { Executor } from '../db/client';
import type { merchants } from '../db/schema';
import { listingIndex } from './listing-index';

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
	const l = (await listingIndex(db)).get(id);
	if (!l) return null;
	return {
		id: l.id,
		tradeNameFr: l.nameFr,
		tradeNameZh: l.nameZh,
		descriptionFr: l.descriptionFr,
		descriptionZh: l.descriptionZh,
		category: l.category,
		address: l.address,
		postalCode: l.postalCode,
		communeName: l.communeName,
		openingHours: l.openingHours,
		paymentMethods: l.paymentMethods,
		taxFree: l.taxFree,
		chineseStaff: l.chineseStaff,
		phone: l.phone,
		website: l.website,
		verifiedAt: l.verifiedAt,
		lat: l.lat,
		lon: l.lon
	};
}
