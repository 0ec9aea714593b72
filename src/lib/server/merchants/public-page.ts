/** A merchant's public page: the approved listing, and its anonymous audience counters. */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { merchantDailyStats, merchants } from '../db/schema';
import { parisIsoDate } from '../../i18n/format';

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
			lat: merchants.latitude,
			lon: merchants.longitude
		})
		.from(merchants)
		.where(and(eq(merchants.id, id), eq(merchants.status, 'approved')));
	if (!row || row.lat === null || row.lon === null) return null;
	return { ...row, lat: row.lat, lon: row.lon };
}

export type AudienceEvent = 'page_view' | 'direction_click' | 'cashier_card_open';

const FIELD = {
	page_view: 'pageViews',
	direction_click: 'directionClicks',
	cashier_card_open: 'cashierCardOpens'
} as const;

/** Adds one to a listing's counter for the Paris day: no cookie, no visitor identifier. */
export async function countAudienceEvent(
	db: Executor,
	merchantId: number,
	event: AudienceEvent,
	now: Date = new Date()
): Promise<void> {
	const field = FIELD[event];
	await db
		.insert(merchantDailyStats)
		.values({ merchantId, day: parisIsoDate(now), [field]: 1 })
		.onConflictDoUpdate({
			target: [merchantDailyStats.merchantId, merchantDailyStats.day],
			set: { [field]: sql`${merchantDailyStats[field]} + 1` }
		});
}
