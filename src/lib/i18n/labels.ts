/** Translated names of the fixed vocabulary (categories, départements), in the current locale. */
import * as m from '$lib/paraglide/messages';
import type { Category, PaymentMethod } from '$lib/merchants/vocabulary';
import type { Departement } from '$lib/geo/idf';

const CATEGORY_LABELS: Record<Category, () => string> = {
	department_store: m.category_department_store,
	luxury_fashion: m.category_luxury_fashion,
	cosmetics_pharmacy: m.category_cosmetics_pharmacy,
	food_wine: m.category_food_wine,
	restaurant_cafe: m.category_restaurant_cafe,
	hotel: m.category_hotel,
	museum_attraction: m.category_museum_attraction,
	kids_baby: m.category_kids_baby,
	electronics: m.category_electronics,
	souvenirs: m.category_souvenirs,
	services: m.category_services
};

const PAYMENT_LABELS: Record<PaymentMethod, () => string> = {
	alipay: m.payment_alipay,
	alipay_plus: m.payment_alipay_plus,
	wechat_pay: m.payment_wechat_pay,
	unionpay: m.payment_unionpay
};

const DEPARTEMENT_LABELS: Record<Departement, () => string> = {
	'75': m.departement_75,
	'77': m.departement_77,
	'78': m.departement_78,
	'91': m.departement_91,
	'92': m.departement_92,
	'93': m.departement_93,
	'94': m.departement_94,
	'95': m.departement_95
};

export const categoryLabel = (c: Category): string => CATEGORY_LABELS[c]();
export const departementLabel = (d: Departement): string => DEPARTEMENT_LABELS[d]();
export const paymentLabel = (p: PaymentMethod): string => PAYMENT_LABELS[p]();
