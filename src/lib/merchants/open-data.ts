/**
 * The open-data export's contract, shared by the files (server/merchants/open-data.ts) and the
 * page that describes them (/{lang}/open-data): its columns, the OpenStreetMap tags given beside
 * them, its licence and how long a copy may be cached.
 */

export type OpenDataFormat = 'geojson' | 'csv';

export const OPEN_DATA_PATHS: Record<OpenDataFormat, string> = {
	geojson: '/api/open-data/merchants.geojson',
	csv: '/api/open-data/merchants.csv'
};

/** The properties of each shop, in this order (the CSV's first columns). */
export const OPEN_DATA_PROPERTIES = [
	'id',
	'name_fr',
	'name_zh',
	'category',
	'address',
	'postal_code',
	'commune_insee',
	'opening_hours',
	'payment_methods',
	'tax_free',
	'chinese_staff',
	'last_verified',
	'url'
] as const;
export type OpenDataProperty = (typeof OPEN_DATA_PROPERTIES)[number];

/**
 * The same facts as OpenStreetMap tags, for contributors to compare with the map
 * (wiki.openstreetmap.org Key:payment:*, Key:check_date). A payment tag is "yes" or absent:
 * the listing says what is accepted, never what is refused. payment:alipay is "yes" for Alipay
 * and for Alipay+ (an Alipay user can pay with both); OSM has no established Alipay+ key.
 */
export const OSM_TAGS = [
	'name',
	'name:fr',
	'name:zh',
	'addr:postcode',
	'addr:city',
	'payment:alipay',
	'payment:wechat',
	'payment:unionpay',
	'check_date'
] as const;

export const OPEN_DATA_LICENCE = {
	name: 'Licence Ouverte / Open Licence 2.0',
	url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
	attribution: 'Paris sans espèces / 无现金巴黎'
} as const;

/** How long a copy may be reused without asking again (Cache-Control max-age), in seconds. */
export const OPEN_DATA_MAX_AGE = 300;

export function isOpenDataFormat(value: string): value is OpenDataFormat {
	return Object.hasOwn(OPEN_DATA_PATHS, value);
}
