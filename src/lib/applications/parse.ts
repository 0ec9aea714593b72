/**
 * Reading an application from what the forms post: each field checked and normalised, or an
 * error code beside it. Two modes: 'draft' (a field left empty is fine, a field filled must be
 * right) and 'complete' (every required field present: what a step's "next" and the final
 * submission ask for).
 */
import { isInIdf, isDepartement } from '../geo/idf';
import { normalizeSiret, siretProblem } from '../merchants/siret';
import { PAYMENT_METHODS, isCategory, takesAlipay } from '../merchants/vocabulary';
import { validateOpeningHours } from '../hours/open-now';
import { WEEKDAYS, openingHoursToWeekly, weeklyToOpeningHours, closedWeek } from '../hours/weekly';
import { HOURS_ROWS, hoursInput, readWeek, weekToForm } from './hours-editor';
import { formatFrenchPhone, normalizeFrenchPhone, normalizeWebsite } from './contact';
import { hasControlCharacter } from '../forms/text';
import {
	APPLICATION_FIELDS,
	fieldSpec,
	type ApplicationErrorCode,
	type ApplicationErrorKey,
	type ApplicationErrors,
	type ApplicationField,
	type ApplicationForm,
	type ApplicationPatch,
	type ApplicationValues,
	type CommuneChoice,
	type FieldKind,
	type ListingField
} from './fields';

export type ParseMode = 'draft' | 'complete';

export interface ParseOptions {
	mode: ParseMode;
	/** The communes a postal code serves (server side: communesByPostalCode). */
	communes: (postalCode: string) => CommuneChoice[];
	/** A listing from an acquirer's file: fields only a merchant's application needs may be empty. */
	imported?: boolean;
}

/** The kinds of the fields a form asks for (the others follow from the commune). */
type ApplicationFieldKind = Exclude<FieldKind, 'commune_name' | 'departement'>;

export interface ParseResult {
	ok: boolean;
	/** The fields that were read correctly (null: left empty). */
	values: ApplicationPatch;
	errors: ApplicationErrors;
	/** The communes of the postal code typed, when it covers several (the form offers a choice). */
	communeChoices: CommuneChoice[];
}

// The hours editor's input names and week, where pages and tests already import them from.
export { hoursInput, weekToForm } from './hours-editor';

const ON = 'on';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The posted form as typed: text inputs trimmed of nothing, checkboxes 'on' or '', lists joined. */
export function readApplicationForm(data: Pick<FormData, 'get' | 'getAll'>): ApplicationForm {
	const form: ApplicationForm = {};
	const text = (name: string) => {
		const v = data.get(name);
		return typeof v === 'string' ? v.slice(0, 2000) : '';
	};
	for (const name of APPLICATION_FIELDS) {
		const kind = fieldSpec(name).kind;
		if (kind === 'boolean' || kind === 'consent') form[name] = data.get(name) ? ON : '';
		else if (kind !== 'payment_methods' && kind !== 'opening_hours') form[name] = text(name);
	}
	for (const name of [hoursInput.mode, hoursInput.raw, hoursInput.holidays]) {
		form[name] = text(name);
	}
	form.paymentMethods = data
		.getAll('paymentMethods')
		.filter((v): v is string => typeof v === 'string')
		.join(',');
	for (const day of WEEKDAYS) form[hoursInput.open(day)] = data.get(hoursInput.open(day)) ? ON : '';
	for (const row of HOURS_ROWS) {
		for (const i of [1, 2] as const) {
			form[hoursInput.from(row, i)] = text(hoursInput.from(row, i));
			form[hoursInput.to(row, i)] = text(hoursInput.to(row, i));
		}
	}
	return form;
}

/** A number as typed in French or English ('48,8566' or '48.8566'). */
function parseCoordinate(input: string): number | null {
	const s = input.trim().replace(',', '.');
	if (!/^-?\d{1,3}(\.\d+)?$/.test(s)) return null;
	return Number(s);
}

/**
 * Whether a field may be left empty: never for 'draft' fields, and in a complete application
 * never for any but optional ones. `imported`: a listing that came from an acquirer's file, which
 * may lack what only a merchant's own application needs.
 */
export function isRequired(field: ListingField, options: Pick<ParseOptions, 'mode' | 'imported'>) {
	const level = fieldSpec(field).required;
	if (level === 'draft') return true;
	if (options.mode !== 'complete' || level === 'optional') return false;
	return !(level === 'application' && options.imported);
}

/**
 * The inputs of the asked fields that hold a character no field accepts, by where the error is
 * shown. Only the raw opening hours are multi-line (a textarea).
 */
function controlCharacterKeys(
	form: ApplicationForm,
	asked: ReadonlySet<ApplicationField>
): Set<ApplicationErrorKey> {
	const keys = new Set<ApplicationErrorKey>();
	for (const [name, value] of Object.entries(form)) {
		if (!hasControlCharacter(value, { multiline: name === hoursInput.raw })) continue;
		const hoursDay = /^hours_([A-Za-z]+)_/.exec(name)?.[1];
		const key = (
			name === hoursInput.mode || name === hoursInput.raw
				? 'openingHours'
				: hoursDay
					? `hours_${hoursDay}`
					: name
		) as ApplicationErrorKey;
		const field = key.startsWith('hours_') ? 'openingHours' : key;
		if (asked.has(field as ApplicationField)) keys.add(key);
	}
	return keys;
}

/** What an input refused for its characters must not write (the fields read from it). */
const FED_BY: Partial<Record<ApplicationErrorKey, (keyof ApplicationPatch)[]>> = {
	postalCode: ['postalCode', 'communeCode', 'communeName', 'departement'],
	communeCode: ['postalCode', 'communeCode', 'communeName', 'departement'],
	latitude: ['latitude', 'longitude'],
	longitude: ['latitude', 'longitude']
};

/** Reads the given fields of an application from a posted form, each by its kind. */
export function parseApplication(
	form: ApplicationForm,
	fields: readonly ApplicationField[],
	options: ParseOptions
): ParseResult {
	const values: Record<string, unknown> = {};
	const errors: ApplicationErrors = {};
	let communeChoices: CommuneChoice[] = [];
	const typed = (name: string) => (form[name] ?? '').trim();
	const required = (field: ListingField) => isRequired(field, options);
	/** An empty input: an error when the field is required, else the field is cleared. */
	const empty = (field: ApplicationField, code: ApplicationErrorCode = 'required') => {
		if (required(field)) errors[field] = code;
		else values[field] = null;
	};

	/** Free text, spaces collapsed, at most the field's maxLength characters. */
	function text(field: ApplicationField) {
		const v = typed(field).replace(/\s+/g, ' ');
		if (!v) return empty(field);
		if (v.length > (fieldSpec(field).maxLength ?? Infinity)) errors[field] = 'too_long';
		else if (fieldSpec(field).kind === 'chinese_text' && !CJK.test(v)) {
			errors[field] = 'name_zh_no_chinese';
		} else values[field] = v;
	}

	function siret(field: ApplicationField) {
		const v = normalizeSiret(typed(field));
		if (!v) return empty(field);
		const problem = siretProblem(v);
		if (problem) errors[field] = `siret_${problem}`;
		else values[field] = v;
	}

	function category(field: ApplicationField) {
		const v = typed(field);
		if (!v) return empty(field);
		if (isCategory(v)) values[field] = v;
		else errors[field] = 'category_invalid';
	}

	/** The postal code and the commune it serves (chosen when it serves several). */
	function commune() {
		const pc = typed('postalCode').replace(/\s/g, '');
		if (!pc) {
			if (required('postalCode')) errors.postalCode = 'required';
			else
				Object.assign(values, {
					postalCode: null,
					communeCode: null,
					communeName: null,
					departement: null
				});
			return;
		}
		if (!/^[0-9]{5}$/.test(pc)) {
			errors.postalCode = 'postal_code_format';
			return;
		}
		const choices = options.communes(pc);
		if (choices.length === 0) {
			errors.postalCode = isDepartement(pc.slice(0, 2))
				? 'postal_code_unknown'
				: 'postal_code_not_idf';
			return;
		}
		if (choices.length > 1) communeChoices = choices;
		const chosen =
			choices.length === 1 ? choices[0] : choices.find((c) => c.code === typed('communeCode'));
		if (!chosen) errors.communeCode = 'commune_choose';
		else
			Object.assign(values, {
				postalCode: pc,
				communeCode: chosen.code,
				communeName: chosen.name,
				departement: chosen.departement
			});
	}

	function contact(field: ApplicationField, normalize: (s: string) => string | null) {
		const v = typed(field);
		if (!v) return empty(field);
		const normalized = normalize(v);
		if (normalized) values[field] = normalized;
		else errors[field] = `${fieldSpec(field).kind as 'phone' | 'website'}_invalid`;
	}

	/** Latitude and longitude together: a position inside Île-de-France. */
	function position() {
		const latTyped = typed('latitude');
		const lonTyped = typed('longitude');
		if (!latTyped && !lonTyped) {
			if (required('latitude')) errors.position = 'position_required';
			else Object.assign(values, { latitude: null, longitude: null });
			return;
		}
		const lat = parseCoordinate(latTyped);
		const lon = parseCoordinate(lonTyped);
		if (lat === null) errors.latitude = latTyped ? 'position_invalid' : 'required';
		if (lon === null) errors.longitude = lonTyped ? 'position_invalid' : 'required';
		if (lat === null || lon === null) return;
		if (!isInIdf(lat, lon)) errors.position = 'position_outside_idf';
		else Object.assign(values, { latitude: lat, longitude: lon });
	}

	/** The weekly editor's inputs, or the raw opening_hours syntax ('raw' mode). */
	function openingHours(field: ApplicationField) {
		const mode = typed(hoursInput.mode);
		if (mode === 'raw') {
			const raw = typed(hoursInput.raw);
			if (!raw) return empty(field);
			if (raw.length > (fieldSpec(field).maxLength ?? Infinity)) errors[field] = 'too_long';
			else {
				const checked = validateOpeningHours(raw);
				if (checked.ok) values[field] = checked.pretty;
				else errors[field] = 'hours_syntax';
			}
		} else if (mode === 'weekly') {
			const { week, errors: dayErrors } = readWeek(form);
			Object.assign(errors, dayErrors);
			if (Object.keys(dayErrors).length) return;
			// Open on public holidays only is not a shop's week either.
			if (WEEKDAYS.every((day) => week[day].length === 0)) empty(field, 'hours_all_closed');
			else values[field] = weeklyToOpeningHours(week);
		} else empty(field);
	}

	function paymentMethods(field: ApplicationField) {
		const list = new Set(
			typed(field)
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
		);
		if ([...list].some((p) => !(PAYMENT_METHODS as readonly string[]).includes(p))) {
			errors[field] = 'payment_invalid';
		} else if (list.size === 0 && required(field)) errors[field] = 'payment_required';
		// Only shops that take Alipay or Alipay+ are listed: WeChat Pay or UnionPay alone is not enough.
		else if (list.size > 0 && !takesAlipay([...list])) errors[field] = 'payment_no_alipay';
		else values[field] = PAYMENT_METHODS.filter((p) => list.has(p));
	}

	function tickBox(field: ApplicationField) {
		values[field] = form[field] === ON;
		if (fieldSpec(field).kind === 'consent' && required(field) && !values[field]) {
			errors[field] = 'consent_required';
		}
	}

	const READERS: Record<ApplicationFieldKind, (field: ApplicationField) => void> = {
		text,
		chinese_text: text,
		siret,
		category,
		postal_code: commune,
		commune,
		phone: (field) => contact(field, normalizeFrenchPhone),
		website: (field) => contact(field, normalizeWebsite),
		coordinate: position,
		opening_hours: openingHours,
		payment_methods: paymentMethods,
		boolean: tickBox,
		consent: tickBox
	};
	const done = new Set<(field: ApplicationField) => void>();
	for (const field of APPLICATION_FIELDS) {
		if (!fields.includes(field)) continue;
		const read = READERS[fieldSpec(field).kind as ApplicationFieldKind];
		// The postal code and the commune, latitude and longitude: one reading for the pair.
		if (read === commune || read === position) {
			if (done.has(read)) continue;
			done.add(read);
		}
		read(field);
	}

	// A control character (U+0000 above all) is refused beside its field, whatever else the
	// field's rule said, and nothing read from that input is written.
	for (const key of controlCharacterKeys(form, new Set(fields))) {
		errors[key] = 'control_character';
		const fed = key.startsWith('hours_') ? ['openingHours'] : (FED_BY[key] ?? [key]);
		for (const field of fed) delete values[field as keyof ApplicationPatch];
	}

	return {
		ok: Object.keys(errors).length === 0,
		values: values as ApplicationPatch,
		errors,
		communeChoices
	};
}

/**
 * The form a stored application fills in (to pre-fill the wizard, and to check a whole
 * application again before it is submitted). Opening hours the weekly editor can show go to it;
 * others to the raw field; no hours leave the mode empty.
 */
export function applicationToForm(values: ApplicationPatch): ApplicationForm {
	const form: ApplicationForm = {};
	for (const field of APPLICATION_FIELDS) form[field] = inputOf(field, values[field]);
	const hours = values.openingHours;
	const week = hours ? openingHoursToWeekly(hours) : null;
	form[hoursInput.mode] = hours ? (week ? 'weekly' : 'raw') : '';
	form[hoursInput.raw] = hours ?? '';
	Object.assign(form, weekToForm(week ?? closedWeek()));
	return form;
}

/** A stored value as its input holds it. */
function inputOf(field: ApplicationField, value: unknown): string {
	if (value === null || value === undefined) return '';
	switch (fieldSpec(field).kind) {
		case 'phone':
			return formatFrenchPhone(value as string);
		case 'payment_methods':
			return (value as string[]).join(',');
		case 'boolean':
		case 'consent':
			return value ? ON : '';
		case 'opening_hours':
			return ''; // the editor's own inputs (hoursInput) hold the hours
		default:
			return String(value);
	}
}

/**
 * Every field of an application, checked as for a submission: what submit() and approve() both
 * ask. `imported`: a listing from an acquirer's file (see ParseOptions).
 */
export function parseCompleteApplication(
	values: ApplicationPatch,
	communes: ParseOptions['communes'],
	imported = false
): { ok: true; values: ApplicationValues } | { ok: false; errors: ApplicationErrors } {
	const result = parseApplication(applicationToForm(values), APPLICATION_FIELDS, {
		mode: 'complete',
		communes,
		imported
	});
	return result.ok
		? { ok: true, values: result.values as ApplicationValues }
		: { ok: false, errors: result.errors };
}
