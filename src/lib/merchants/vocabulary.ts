import { oneOf } from '../vocabulary';

/** The fixed vocabulary of a listing, shared by the database schema, the server and the browser. */

export const CATEGORIES = [
	'department_store',
	'luxury_fashion',
	'cosmetics_pharmacy',
	'food_wine',
	'restaurant_cafe',
	'hotel',
	'museum_attraction',
	'kids_baby',
	'electronics',
	'souvenirs',
	'services'
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PAYMENT_METHODS = ['alipay', 'alipay_plus', 'wechat_pay', 'unionpay'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/**
 * What a listed shop must take, one at least: Alipay itself, or Alipay+ (whose partner wallets
 * Alipay users pay with). WeChat Pay and UnionPay are extras: a shop with only those is not listed.
 * The database checks it of every approved listing (merchants_approved_takes_alipay).
 */
export const ALIPAY_METHODS = ['alipay', 'alipay_plus'] as const satisfies readonly PaymentMethod[];

export function takesAlipay(methods: readonly string[]): boolean {
	return methods.some((p) => (ALIPAY_METHODS as readonly string[]).includes(p));
}

/** draft → pending → approved | rejected | changes_requested; approved → suspended. */
export const LISTING_STATUSES = [
	'draft',
	'pending',
	'changes_requested',
	'approved',
	'rejected',
	'suspended'
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const LISTING_SOURCES = ['self_registered', 'import'] as const;
export type ListingSource = (typeof LISTING_SOURCES)[number];

export const isCategory = oneOf(CATEGORIES);
