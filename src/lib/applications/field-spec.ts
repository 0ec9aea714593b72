/**
 * The shape of an entry of the field table (LISTING_FIELDS in ./fields): the wizard's steps, the
 * kinds of value, when a field may be empty, how reviewers see it and its column in an
 * acquirer's file. Shared by the server and the browser.
 */
import type { Locale } from '../paraglide/runtime';
import type { Departement } from '../geo/idf';
import type { Category, PaymentMethod } from '../merchants/vocabulary';

import type { ApplicationStep } from './steps';
export { APPLICATION_STEPS, isApplicationStep, type ApplicationStep } from './steps';

/** How a field is read and checked, and the type of its value. */
export interface KindValues {
	/** Free text, spaces collapsed, at most maxLength characters. */
	text: string;
	/** Free text holding at least one Chinese character. */
	chinese_text: string;
	siret: string;
	category: Category;
	/** Five digits serving at least one commune of Île-de-France. */
	postal_code: string;
	/** The INSEE code of the commune, chosen among those of the postal code. */
	commune: string;
	/** Filled from the commune, never typed. */
	commune_name: string;
	departement: Departement;
	/** Stored in E.164. */
	phone: string;
	website: string;
	/** Latitude and longitude are read together, as a position in Île-de-France. */
	coordinate: number;
	/** OSM `opening_hours` syntax, from the weekly editor or typed as such. */
	opening_hours: string;
	payment_methods: PaymentMethod[];
	/** A tick box: never empty (unticked is false). */
	boolean: boolean;
	/** A tick box that must be ticked to send the application. */
	consent: boolean;
}
export type FieldKind = keyof KindValues;

/**
 * When a field may be empty: 'draft' never (a listing row cannot exist without it); 'listing'
 * not in anything sent for review, whatever its source; 'application' not in a merchant's
 * application (an acquirer's file may lack it); 'optional' always.
 */
export type Requirement = 'draft' | 'listing' | 'application' | 'optional';

/** How reviewers see a value (detail page, revision diff, audit changes, import report). */
export type FieldDisplay =
	| 'text'
	| 'mono'
	| 'zh'
	| 'category'
	| 'departement'
	| 'payment_methods'
	| 'yes_no'
	/** Opening hours: a readable week (WeeklyHoursTable), the raw syntax under "advanced". */
	| 'hours'
	/** Shown on the detail page's map, not in its list of fields. */
	| 'map'
	/** Said by another field (the commune code by the commune's name). */
	| 'code';

/** A field's column in an acquirer's file: header names are matched without case or accents. */
export interface CsvColumn {
	/** The documented name (docs/acquirer-import.md), the key of the column's cells and errors. */
	fr: string;
	en: string;
	/** Other names acquirers' exports use. */
	aliases?: readonly string[];
	/** A file without this column is refused. */
	required?: boolean;
}

export type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

export interface FieldSpec {
	step: ApplicationStep;
	kind: FieldKind;
	/** Characters a merchant may type (the wizard's maxlength; the parser's 'too_long'). */
	maxLength?: number;
	required: Requirement;
	/** null: not a column of an acquirer's file. */
	csv: CsvColumn | null;
	/** Whether a revision of an approved listing may change it. */
	revisable: boolean;
	display: FieldDisplay;
	/** The field's name (a paraglide message, zh and fr). */
	label: Message;
}
