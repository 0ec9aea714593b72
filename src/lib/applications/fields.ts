/**
 * An application for a listing: its fields, the wizard's steps, and the error codes the server
 * answers with (codes cross the wire; the pages say them in the user's language, see
 * $lib/i18n/application-labels). Shared by the server and the browser.
 */
import type { Departement } from '../geo/idf';
import type { Category, PaymentMethod } from '../merchants/vocabulary';
import type { Weekday } from '../hours/weekly';

/** The fields of an application, named as the merchants columns. */
export interface ApplicationValues {
	legalName: string;
	siret: string;
	tradeNameFr: string;
	tradeNameZh: string | null;
	category: Category;
	address: string;
	postalCode: string;
	communeCode: string;
	communeName: string;
	departement: Departement;
	phone: string | null;
	website: string | null;
	latitude: number;
	longitude: number;
	/** OSM `opening_hours` syntax. */
	openingHours: string;
	paymentMethods: PaymentMethod[];
	acquirer: string | null;
	taxFree: boolean;
	chineseStaff: boolean;
	consentToPublish: boolean;
}

/** Some fields of an application; null clears a field (a draft may lack anything). */
export type ApplicationPatch = {
	[K in keyof ApplicationValues]?: ApplicationValues[K] | null;
};

/** What a merchant fills in (communeName and departement follow from communeCode). */
export const APPLICATION_FIELDS = [
	'legalName',
	'siret',
	'tradeNameFr',
	'tradeNameZh',
	'category',
	'address',
	'postalCode',
	'communeCode',
	'phone',
	'website',
	'latitude',
	'longitude',
	'openingHours',
	'paymentMethods',
	'acquirer',
	'taxFree',
	'chineseStaff',
	'consentToPublish'
] as const satisfies readonly (keyof ApplicationValues)[];
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

/** Needed even in a draft: a listing row cannot exist without them. */
export const DRAFT_REQUIRED_FIELDS = ['legalName', 'tradeNameFr', 'category'] as const;

/** The wizard's steps, in order, and the fields each one asks for. */
export const APPLICATION_STEPS = [
	'shop',
	'address',
	'position',
	'hours',
	'payment',
	'review'
] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export const STEP_FIELDS: Record<ApplicationStep, readonly ApplicationField[]> = {
	shop: ['legalName', 'siret', 'tradeNameFr', 'tradeNameZh', 'category'],
	address: ['address', 'postalCode', 'communeCode', 'phone', 'website'],
	position: ['latitude', 'longitude'],
	hours: ['openingHours'],
	payment: ['paymentMethods', 'acquirer', 'taxFree', 'chineseStaff'],
	review: ['consentToPublish']
};

export function isApplicationStep(value: unknown): value is ApplicationStep {
	return typeof value === 'string' && (APPLICATION_STEPS as readonly string[]).includes(value);
}

/** The step that asks for a field (to send the merchant to the first step with an error). */
export function stepOfField(field: string): ApplicationStep {
	for (const step of APPLICATION_STEPS) {
		if ((STEP_FIELDS[step] as readonly string[]).includes(field)) return step;
	}
	if (field === 'position') return 'position';
	if (field.startsWith('hours_')) return 'hours';
	return 'review';
}

export const APPLICATION_ERROR_CODES = [
	'required',
	'too_long',
	'siret_length',
	'siret_digits',
	'siret_checksum',
	'siret_taken',
	'name_zh_no_chinese',
	'category_invalid',
	'postal_code_format',
	'postal_code_not_idf',
	'postal_code_unknown',
	'commune_choose',
	'phone_invalid',
	'website_invalid',
	'position_invalid',
	'position_required',
	'position_outside_idf',
	'hours_time_invalid',
	'hours_range_order',
	'hours_overlap',
	'hours_all_closed',
	'hours_syntax',
	'payment_required',
	'payment_invalid',
	'consent_required'
] as const;
export type ApplicationErrorCode = (typeof APPLICATION_ERROR_CODES)[number];

/**
 * Where an error is shown: beside a field, beside the position (latitude and longitude together),
 * or beside one day of the weekly hours.
 */
export type ApplicationErrorKey = ApplicationField | 'position' | `hours_${Weekday}`;
export type ApplicationErrors = Partial<Record<ApplicationErrorKey, ApplicationErrorCode>>;

/**
 * What the forms post, as typed: every input by name (checkboxes 'on' or ''), payment methods
 * joined by commas. Sent back as is with errors, so nothing typed is lost.
 */
export type ApplicationForm = Record<string, string>;

export const MAX_LENGTH = {
	legalName: 200,
	tradeNameFr: 120,
	tradeNameZh: 120,
	address: 200,
	acquirer: 100,
	openingHours: 500
} as const;

/** A commune a postal code may stand for, offered when the code covers several. */
export interface CommuneChoice {
	code: string;
	name: string;
	departement: Departement;
}
