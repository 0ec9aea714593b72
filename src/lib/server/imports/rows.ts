/**
 * One row of an acquirer's file, checked with the same rules as a merchant's own application
 * (parseApplication: SIRET, postal code → commune, phone, website, position, hours, payment
 * methods), plus what an import needs: a SIRET, an address, a postal code, and a position —
 * the commune's centre when the file has no latitude/longitude.
 */
import * as m from '$lib/paraglide/messages';
import { parseApplication } from '../../applications/parse';
import type {
	ApplicationErrorCode,
	ApplicationErrors,
	ApplicationField,
	ApplicationForm
} from '../../applications/fields';
import { CATEGORIES, PAYMENT_METHODS, type Category } from '../../merchants/vocabulary';
import type { Departement } from '../../geo/idf';
import type { PaymentMethod } from '../../merchants/vocabulary';
import { communeCentre, communesByPostalCode } from '../geo/communes';
import type { CsvRow, ImportColumn } from './csv';

export type ImportErrorCode = ApplicationErrorCode | 'boolean_invalid' | 'duplicate_in_file';
export type RowErrors = Partial<Record<ImportColumn, ImportErrorCode>>;

/** What an import writes to a merchant row (the columns of the same names). */
export interface ImportValues {
	siret: string;
	legalName: string;
	tradeNameFr: string;
	tradeNameZh: string | null;
	category: Category;
	address: string;
	postalCode: string;
	communeCode: string;
	communeName: string;
	departement: Departement;
	latitude: number;
	longitude: number;
	phone: string | null;
	website: string | null;
	openingHours: string | null;
	paymentMethods: PaymentMethod[];
	taxFree: boolean;
	chineseStaff: boolean;
	acquirer: string;
}

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

/** The application field each column feeds, and back (to put an error beside its column). */
const FIELD_OF: Partial<Record<ImportColumn, ApplicationField>> = {
	siret: 'siret',
	raison_sociale: 'legalName',
	enseigne: 'tradeNameFr',
	nom_chinois: 'tradeNameZh',
	categorie: 'category',
	adresse: 'address',
	code_postal: 'postalCode',
	code_insee: 'communeCode',
	latitude: 'latitude',
	longitude: 'longitude',
	telephone: 'phone',
	site_web: 'website',
	moyens_paiement: 'paymentMethods',
	horaires: 'openingHours'
};
const COLUMN_OF = Object.fromEntries(
	Object.entries(FIELD_OF).map(([column, field]) => [field, column])
) as Record<string, ImportColumn>;

function columnOfError(key: keyof ApplicationErrors): ImportColumn {
	if (key === 'position') return 'latitude';
	if (key.startsWith('hours')) return 'horaires';
	return COLUMN_OF[key] ?? 'siret';
}

/** The commune a row means: its INSEE code, else the one of its postal code named in `ville`. */
function communeCodeOf(cells: CsvRow['cells']): string {
	const insee = (cells.code_insee ?? '').trim();
	if (insee) return insee;
	const choices = communesByPostalCode((cells.code_postal ?? '').replace(/\s/g, ''));
	if (choices.length === 1) return choices[0].code;
	const town = simplify(cells.ville ?? '');
	if (!town) return '';
	return (
		choices.find((c) => simplify(c.name) === town)?.code ??
		choices.find((c) => simplify(c.name).startsWith(town) || town.startsWith(simplify(c.name)))
			?.code ??
		''
	);
}

const IMPORT_FIELDS: readonly ApplicationField[] = [
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
	'paymentMethods'
];

export function checkImportRow(row: CsvRow, acquirer: string): CheckedRow {
	const c = row.cells;
	const cell = (column: ImportColumn) => (c[column] ?? '').trim();
	const errors: RowErrors = {};
	const category = categoryOf(cell('categorie'));
	const form: ApplicationForm = {
		legalName: cell('raison_sociale'),
		siret: cell('siret'),
		tradeNameFr: cell('enseigne'),
		tradeNameZh: cell('nom_chinois'),
		category: category ?? cell('categorie'),
		address: cell('adresse'),
		postalCode: cell('code_postal'),
		communeCode: communeCodeOf(c),
		phone: cell('telephone'),
		website: cell('site_web'),
		latitude: cell('latitude'),
		longitude: cell('longitude'),
		hoursMode: cell('horaires') ? 'raw' : '',
		openingHoursRaw: cell('horaires'),
		paymentMethods: paymentMethodsOf(cell('moyens_paiement'))
	};
	const parsed = parseApplication(form, IMPORT_FIELDS, {
		mode: 'draft',
		communes: (pc) =>
			communesByPostalCode(pc).map(({ code, name, departement }) => ({ code, name, departement }))
	});
	for (const [key, code] of Object.entries(parsed.errors)) {
		const column = columnOfError(key as keyof ApplicationErrors);
		errors[column] ??= code;
	}
	// What a draft may lack but an imported listing may not.
	for (const column of ['siret', 'adresse', 'code_postal'] as const) {
		if (!cell(column)) errors[column] ??= 'required';
	}
	const taxFree = booleanOf(cell('detaxe'));
	const chineseStaff = booleanOf(cell('personnel_chinois'));
	if (taxFree === null) errors.detaxe = 'boolean_invalid';
	if (chineseStaff === null) errors.personnel_chinois = 'boolean_invalid';

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
	return {
		ok: true,
		geocoded,
		values: {
			siret: v.siret!,
			legalName: v.legalName!,
			tradeNameFr: v.tradeNameFr!,
			tradeNameZh: v.tradeNameZh ?? null,
			category: v.category!,
			address: v.address!,
			postalCode: v.postalCode!,
			communeCode: v.communeCode!,
			communeName: v.communeName!,
			departement: v.departement!,
			latitude: latitude!,
			longitude: longitude!,
			phone: v.phone ?? null,
			website: v.website ?? null,
			openingHours: v.openingHours ?? null,
			paymentMethods: v.paymentMethods ?? ['alipay'],
			taxFree: taxFree!,
			chineseStaff: chineseStaff!,
			acquirer
		}
	};
}
