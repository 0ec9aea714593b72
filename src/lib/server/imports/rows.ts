/**
 * One row of an acquirer's file, checked with the same rules as a merchant's own application
 * (parseApplication: SIRET, postal code → commune, phone, website, position, hours, payment
 * methods), plus what an import needs: a SIRET, an address, a postal code, and a position —
 * the commune's centre when the file has no latitude/longitude.
 */
import * as m from '$lib/paraglide/messages';
import { hoursInput, parseApplication } from '../../applications/parse';
import {
	APPLICATION_FIELDS,
	fieldSpec,
	type ApplicationErrorCode,
	type ApplicationErrors,
	type ApplicationField,
	type ApplicationForm,
	type ListingField
} from '../../applications/fields';
import { CATEGORIES, PAYMENT_METHODS, type Category } from '../../merchants/vocabulary';
import type { PaymentMethod } from '../../merchants/vocabulary';
import { communeCentre, communesByPostalCode } from '../geo/communes';
import { hasControlCharacter } from '../../forms/text';
import { REQUIRED_COLUMNS, type CsvRow, type ImportColumn } from './csv';
import { IMPORTED_FIELDS, type ImportValues } from '../applications/workflow';

export type ImportErrorCode = ApplicationErrorCode | 'boolean_invalid' | 'duplicate_in_file';
export type RowErrors = Partial<Record<ImportColumn, ImportErrorCode>>;

export type CheckedRow =
	{ ok: true; values: ImportValues; geocoded: boolean } | { ok: false; errors: RowErrors };

/** Lower case, no accents, single spaces: for matching labels and commune names. */
export function simplify(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9+]+/g, ' ')
		.trim();
}

let categoryNames: Map<string, Category> | undefined;
/** A category by its key ("restaurant_cafe") or its French or Chinese name ("Restaurants et cafés"). */
export function categoryOf(text: string): Category | null {
	if (!categoryNames) {
		categoryNames = new Map();
		for (const c of CATEGORIES) {
			const label = m[`category_${c}`];
			categoryNames.set(simplify(c), c);
			categoryNames.set(simplify(label({}, { locale: 'fr' })), c);
			categoryNames.set(label({}, { locale: 'zh' }).trim(), c);
		}
	}
	return categoryNames.get(simplify(text)) ?? categoryNames.get(text.trim()) ?? null;
}

const PAYMENT_NAMES: Record<string, PaymentMethod> = {
	alipay: 'alipay',
	'alipay+': 'alipay_plus',
	'alipay +': 'alipay_plus',
	'alipay plus': 'alipay_plus',
	wechat: 'wechat_pay',
	'wechat pay': 'wechat_pay',
	weixin: 'wechat_pay',
	unionpay: 'unionpay',
	'union pay': 'unionpay',
	cup: 'unionpay'
};

/** "Alipay | WeChat Pay" → alipay,wechat_pay; unknown names are kept so the check refuses them. */
export function paymentMethodsOf(text: string): string {
	if (!text.trim()) return 'alipay';
	return text
		.split(/[|/,;]+/)
		.map((part) => {
			const key = simplify(part);
			const asKey = part.trim().toLowerCase();
			if ((PAYMENT_METHODS as readonly string[]).includes(asKey)) return asKey;
			return PAYMENT_NAMES[key] ?? (key || '');
		})
		.filter(Boolean)
		.join(',');
}

/** oui / non, 1 / 0, x / (empty), yes / no, true / false, 是 / 否. */
export function booleanOf(text: string): boolean | null {
	const v = simplify(text);
	if (['', 'non', 'no', 'n', '0', 'false', 'faux'].includes(v) || text.trim() === '否')
		return false;
	if (['oui', 'yes', 'o', 'y', '1', 'x', 'true', 'vrai'].includes(v) || text.trim() === '是')
		return true;
	return null;
}

/** The column of a field in an acquirer's file, if it has one. */
const columnOfField = (field: ListingField) => fieldSpec(field).csv?.fr as ImportColumn | undefined;

/** The column beside which an error of the application's parser is reported. */
function columnOfError(key: keyof ApplicationErrors): ImportColumn {
	if (key === 'position') return columnOfField('latitude')!;
	if (key.startsWith('hours')) return columnOfField('openingHours')!;
	return columnOfField(key as ListingField) ?? 'siret';
}

/** The commune a row means: its INSEE code, else the one of its postal code named in `ville`. */
function communeCodeOf(cells: CsvRow['cells']): string {
	const cell = (field: ListingField) => cells[columnOfField(field)!] ?? '';
	const insee = cell('communeCode').trim();
	if (insee) return insee;
	const choices = communesByPostalCode(cell('postalCode').replace(/\s/g, ''));
	if (choices.length === 1) return choices[0].code;
	const town = simplify(cell('communeName'));
	if (!town) return '';
	return (
		choices.find((c) => simplify(c.name) === town)?.code ??
		choices.find((c) => simplify(c.name).startsWith(town) || town.startsWith(simplify(c.name)))
			?.code ??
		''
	);
}

/**
 * Checks one row: each column read as its field's input (categories, payment methods and yes/no
 * as acquirers write them), then the application's own rules; errors beside their columns.
 */
export function checkImportRow(row: CsvRow, acquirer: string): CheckedRow {
	const cell = (column: ImportColumn) => (row.cells[column] ?? '').trim();
	const errors: RowErrors = {};
	const form: ApplicationForm = {};
	const fields: ApplicationField[] = [];
	for (const field of APPLICATION_FIELDS) {
		const column = columnOfField(field);
		if (!column) continue;
		fields.push(field);
		const typed = cell(column);
		switch (fieldSpec(field).kind) {
			case 'category':
				form[field] = categoryOf(typed) ?? typed;
				break;
			case 'commune':
				form[field] = communeCodeOf(row.cells);
				break;
			case 'opening_hours':
				form[hoursInput.mode] = typed ? 'raw' : '';
				form[hoursInput.raw] = typed;
				break;
			case 'payment_methods':
				form[field] = paymentMethodsOf(typed);
				break;
			case 'boolean': {
				const yes = booleanOf(typed);
				if (yes === null) errors[column] = 'boolean_invalid';
				form[field] = yes ? 'on' : '';
				break;
			}
			default:
				form[field] = typed;
		}
	}
	const parsed = parseApplication(form, fields, {
		mode: 'draft',
		communes: (pc) =>
			communesByPostalCode(pc).map(({ code, name, departement }) => ({ code, name, departement }))
	});
	for (const [key, code] of Object.entries(parsed.errors)) {
		errors[columnOfError(key as keyof ApplicationErrors)] ??= code;
	}
	// What a draft may lack but an imported listing may not.
	for (const column of REQUIRED_COLUMNS) {
		if (!cell(column)) errors[column] ??= 'required';
	}
	// A cell holding a control character (U+0000 above all) refuses its row, beside its column.
	for (const [column, value] of Object.entries(row.cells)) {
		if (value !== undefined && hasControlCharacter(value)) {
			errors[column as ImportColumn] = 'control_character';
		}
	}

	const v = parsed.values;
	let geocoded = false;
	let latitude = v.latitude ?? null;
	let longitude = v.longitude ?? null;
	if (!errors.latitude && !errors.longitude && (latitude === null || longitude === null)) {
		const centre = v.communeCode ? communeCentre(v.communeCode) : null;
		if (centre) {
			latitude = centre.lat;
			longitude = centre.lon;
			geocoded = true;
		} else if (v.communeCode) errors.latitude = 'position_required';
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	const values = Object.fromEntries(IMPORTED_FIELDS.map((f) => [f, v[f] ?? null]));
	return {
		ok: true,
		geocoded,
		values: { ...values, latitude, longitude, acquirer } as ImportValues
	};
}
