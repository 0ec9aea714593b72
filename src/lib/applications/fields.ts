/**
 * The fields of a listing, in one table (LISTING_FIELDS): for each, the wizard's step that asks
 * for it, how it is read and checked (kind, maximum length, when it may be empty), its column in
 * an acquirer's CSV file, whether a revision of a public listing may change it, how reviewers see
 * its value, and its name in zh and fr. The parser, the wizard, the acquirer import, the listing
 * state machine, the reviewer's pages and the import report all read this table: a new field is
 * one entry here, plus its database column and its messages.
 *
 * The wizard's steps and the types of an entry are in ./field-spec (re-exported here). Also the
 * error codes the server answers with (codes cross the wire; the pages say them in the user's
 * language, see $lib/i18n/application-labels). Shared by the server and the browser.
 */
import * as m from '../paraglide/messages';
import type { Departement } from '../geo/idf';
import type { HoursRow } from './hours-editor';
import { WEBSITE_MAX_LENGTH } from './contact';
import {
	APPLICATION_STEPS,
	type ApplicationStep,
	type FieldSpec,
	type KindValues
} from './field-spec';

export * from './field-spec';

export const LISTING_FIELDS = {
	legalName: {
		step: 'shop',
		kind: 'text',
		maxLength: 200,
		required: 'draft',
		csv: {
			fr: 'raison_sociale',
			en: 'legal_name',
			aliases: ['nom_legal', 'denomination'],
			required: true
		},
		revisable: true,
		display: 'text',
		label: m.application_field_legal_name
	},
	siret: {
		step: 'shop',
		kind: 'siret',
		required: 'listing',
		csv: { fr: 'siret', en: 'siret', required: true },
		revisable: true,
		display: 'mono',
		label: m.application_field_siret
	},
	tradeNameFr: {
		step: 'shop',
		kind: 'text',
		maxLength: 120,
		required: 'draft',
		csv: { fr: 'enseigne', en: 'trade_name', aliases: ['nom_commercial', 'nom'], required: true },
		revisable: true,
		display: 'text',
		label: m.application_field_trade_name_fr
	},
	tradeNameZh: {
		step: 'shop',
		kind: 'chinese_text',
		maxLength: 120,
		required: 'optional',
		csv: { fr: 'nom_chinois', en: 'trade_name_zh', aliases: ['nom_zh', 'enseigne_zh'] },
		revisable: true,
		display: 'zh',
		label: m.application_field_trade_name_zh
	},
	category: {
		step: 'shop',
		kind: 'category',
		required: 'draft',
		csv: { fr: 'categorie', en: 'category', required: true },
		revisable: true,
		display: 'category',
		label: m.application_field_category
	},
	address: {
		step: 'address',
		kind: 'text',
		maxLength: 200,
		required: 'listing',
		csv: { fr: 'adresse', en: 'address', required: true },
		revisable: true,
		display: 'text',
		label: m.application_field_address
	},
	postalCode: {
		step: 'address',
		kind: 'postal_code',
		maxLength: 5,
		required: 'listing',
		csv: { fr: 'code_postal', en: 'postal_code', aliases: ['cp'], required: true },
		revisable: true,
		display: 'text',
		label: m.application_field_postal_code
	},
	communeCode: {
		step: 'address',
		kind: 'commune',
		required: 'listing',
		csv: { fr: 'code_insee', en: 'insee', aliases: ['code_commune'] },
		revisable: true,
		display: 'code',
		label: m.application_field_commune_code
	},
	communeName: {
		step: 'address',
		kind: 'commune_name',
		required: 'listing',
		csv: { fr: 'ville', en: 'city', aliases: ['commune'] },
		revisable: true,
		display: 'text',
		label: m.application_field_commune
	},
	departement: {
		step: 'address',
		kind: 'departement',
		required: 'listing',
		csv: null,
		revisable: true,
		display: 'departement',
		label: m.application_field_departement
	},
	phone: {
		step: 'address',
		kind: 'phone',
		required: 'optional',
		csv: { fr: 'telephone', en: 'phone', aliases: ['tel'] },
		revisable: true,
		display: 'text',
		label: m.application_field_phone
	},
	website: {
		step: 'address',
		kind: 'website',
		maxLength: WEBSITE_MAX_LENGTH,
		required: 'optional',
		csv: { fr: 'site_web', en: 'website', aliases: ['site'] },
		revisable: true,
		display: 'text',
		label: m.application_field_website
	},
	latitude: {
		step: 'position',
		kind: 'coordinate',
		required: 'listing',
		csv: { fr: 'latitude', en: 'latitude', aliases: ['lat'] },
		revisable: true,
		display: 'map',
		label: m.application_field_latitude
	},
	longitude: {
		step: 'position',
		kind: 'coordinate',
		required: 'listing',
		csv: { fr: 'longitude', en: 'longitude', aliases: ['lon', 'lng'] },
		revisable: true,
		display: 'map',
		label: m.application_field_longitude
	},
	openingHours: {
		step: 'hours',
		kind: 'opening_hours',
		maxLength: 500,
		required: 'application',
		csv: { fr: 'horaires', en: 'opening_hours' },
		revisable: true,
		display: 'hours',
		label: m.application_field_opening_hours
	},
	paymentMethods: {
		step: 'payment',
		kind: 'payment_methods',
		required: 'listing',
		csv: { fr: 'moyens_paiement', en: 'payment_methods', aliases: ['paiements'] },
		revisable: true,
		display: 'payment_methods',
		label: m.application_field_payment_methods
	},
	acquirer: {
		step: 'payment',
		kind: 'text',
		maxLength: 100,
		required: 'optional',
		// An import takes it from its upload form: the acquirer who sent the file.
		csv: null,
		revisable: true,
		display: 'text',
		label: m.application_field_acquirer
	},
	taxFree: {
		step: 'payment',
		kind: 'boolean',
		required: 'listing',
		csv: { fr: 'detaxe', en: 'tax_free' },
		revisable: true,
		display: 'yes_no',
		label: m.application_field_tax_free
	},
	chineseStaff: {
		step: 'payment',
		kind: 'boolean',
		required: 'listing',
		csv: { fr: 'personnel_chinois', en: 'chinese_staff' },
		revisable: true,
		display: 'yes_no',
		label: m.application_field_chinese_staff
	},
	consentToPublish: {
		step: 'review',
		kind: 'consent',
		required: 'listing',
		csv: null,
		// Given once, at the first approval; a revision does not ask again.
		revisable: false,
		display: 'yes_no',
		label: m.application_field_consent
	}
} as const satisfies Record<string, FieldSpec>;

type Fields = typeof LISTING_FIELDS;
/** Every field of a listing a merchant edits (the merchants columns of the same names). */
export type ListingField = keyof Fields;
export const LISTING_FIELD_NAMES = Object.keys(LISTING_FIELDS) as ListingField[];

/** The spec of a field (widened: for code that handles any field). */
export const fieldSpec = (field: ListingField): FieldSpec => LISTING_FIELDS[field];

export function isListingField(value: unknown): value is ListingField {
	return typeof value === 'string' && Object.hasOwn(LISTING_FIELDS, value);
}

/** The kinds filled from another field, never typed. */
type DerivedKind = 'commune_name' | 'departement';

/** The fields of a listing, typed by their kind; optional ones may be null. */
export type ApplicationValues = {
	-readonly [K in ListingField]:
		KindValues[Fields[K]['kind']] | (Fields[K]['required'] extends 'optional' ? null : never);
};

/** Some fields of an application; null clears a field (a draft may lack anything). */
export type ApplicationPatch = {
	[K in keyof ApplicationValues]?: ApplicationValues[K] | null;
};

/** What a merchant fills in (communeName and departement follow from communeCode). */
export type ApplicationField = {
	[K in ListingField]: Fields[K]['kind'] extends DerivedKind ? never : K;
}[ListingField];
const isDerived = (field: ListingField) =>
	fieldSpec(field).kind === 'commune_name' || fieldSpec(field).kind === 'departement';
export const APPLICATION_FIELDS = LISTING_FIELD_NAMES.filter(
	(f): f is ApplicationField => !isDerived(f)
);

/** Needed even in a draft: a listing row cannot exist without them. */
export const DRAFT_REQUIRED_FIELDS = APPLICATION_FIELDS.filter(
	(f) => fieldSpec(f).required === 'draft'
);

/** Fields a revision of an approved listing may change. */
export const REVISABLE_FIELDS = LISTING_FIELD_NAMES.filter((f) => fieldSpec(f).revisable);

/** The fields each step asks for, in order. */
export const STEP_FIELDS = {} as Record<ApplicationStep, readonly ApplicationField[]>;
for (const step of APPLICATION_STEPS) {
	STEP_FIELDS[step] = APPLICATION_FIELDS.filter((f) => fieldSpec(f).step === step);
}

/** The step that asks for a field (to send the merchant to the first step with an error). */
export function stepOfField(field: string): ApplicationStep {
	if (isListingField(field)) return fieldSpec(field).step;
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
	'payment_no_alipay',
	'consent_required',
	'control_character'
] as const;
export type ApplicationErrorCode = (typeof APPLICATION_ERROR_CODES)[number];

/**
 * Where an error is shown: beside a field, beside the position (latitude and longitude together),
 * or beside one day (or the public holidays) of the weekly hours.
 */
export type ApplicationErrorKey = ApplicationField | 'position' | `hours_${HoursRow}`;
export type ApplicationErrors = Partial<Record<ApplicationErrorKey, ApplicationErrorCode>>;

/**
 * What the forms post, as typed: every input by name (checkboxes 'on' or ''), payment methods
 * joined by commas. Sent back as is with errors, so nothing typed is lost.
 */
export type ApplicationForm = Record<string, string>;

/** A commune a postal code may stand for, offered when the code covers several. */
export interface CommuneChoice {
	code: string;
	name: string;
	departement: Departement;
}
