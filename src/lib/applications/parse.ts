/**
 * Reading an application from what the forms post: each field checked and normalised, or an
 * error code beside it. Two modes: 'draft' (a field left empty is fine, a field filled must be
 * right) and 'complete' (every required field present: what a step's "next" and the final
 * submission ask for).
 */
import { isInIdf, isDepartement } from '../geo/idf';
import { normalizeSiret, siretProblem } from '../merchants/siret';
import { PAYMENT_METHODS, isCategory } from '../merchants/vocabulary';
import { validateOpeningHours } from '../hours/open-now';
import {
	MAX_RANGES_PER_DAY,
	WEEKDAYS,
	dayProblem,
	normalizeTime,
	openingHoursToWeekly,
	weeklyToOpeningHours,
	closedWeek,
	type TimeRange,
	type WeeklyHours
} from '../hours/weekly';
import { formatFrenchPhone, normalizeFrenchPhone, normalizeWebsite } from './contact';
import {
	APPLICATION_FIELDS,
	DRAFT_REQUIRED_FIELDS,
	MAX_LENGTH,
	type ApplicationErrors,
	type ApplicationField,
	type ApplicationForm,
	type ApplicationPatch,
	type ApplicationValues,
	type CommuneChoice
} from './fields';

export type ParseMode = 'draft' | 'complete';

export interface ParseOptions {
	mode: ParseMode;
	/** The communes a postal code serves (server side: communesByPostalCode). */
	communes: (postalCode: string) => CommuneChoice[];
}

export interface ParseResult {
	ok: boolean;
	/** The fields that were read correctly (null: left empty). */
	values: ApplicationPatch;
	errors: ApplicationErrors;
	/** The communes of the postal code typed, when it covers several (the form offers a choice). */
	communeChoices: CommuneChoice[];
}

/** Form input names of the weekly hours editor. */
export const hoursInput = {
	mode: 'hoursMode',
	raw: 'openingHoursRaw',
	open: (day: string) => `hours_${day}_open`,
	from: (day: string, i: 1 | 2) => `hours_${day}_from${i}`,
	to: (day: string, i: 1 | 2) => `hours_${day}_to${i}`
} as const;

const ON = 'on';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The posted form as typed: text inputs trimmed of nothing, checkboxes 'on' or '', lists joined. */
export function readApplicationForm(data: Pick<FormData, 'get' | 'getAll'>): ApplicationForm {
	const form: ApplicationForm = {};
	const text = (name: string) => {
		const v = data.get(name);
		return typeof v === 'string' ? v.slice(0, 2000) : '';
	};
	const checkboxes = ['taxFree', 'chineseStaff', 'consentToPublish'];
	for (const name of APPLICATION_FIELDS) {
		if (checkboxes.includes(name)) form[name] = data.get(name) ? ON : '';
		else if (name !== 'paymentMethods' && name !== 'openingHours') form[name] = text(name);
	}
	for (const name of [hoursInput.mode, hoursInput.raw]) {
		form[name] = text(name);
	}
	form.paymentMethods = data
		.getAll('paymentMethods')
		.filter((v): v is string => typeof v === 'string')
		.join(',');
	for (const day of WEEKDAYS) {
		form[hoursInput.open(day)] = data.get(hoursInput.open(day)) ? ON : '';
		for (const i of [1, 2] as const) {
			form[hoursInput.from(day, i)] = text(hoursInput.from(day, i));
			form[hoursInput.to(day, i)] = text(hoursInput.to(day, i));
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

/** The week the editor's inputs describe, or the error of the first day that is wrong. */
export function readWeek(form: ApplicationForm): { week: WeeklyHours; errors: ApplicationErrors } {
	const week = closedWeek();
	const errors: ApplicationErrors = {};
	for (const day of WEEKDAYS) {
		if (form[hoursInput.open(day)] !== ON) continue;
		const ranges: TimeRange[] = [];
		let problem: ApplicationErrors[`hours_${typeof day}`];
		for (const i of [1, 2] as const) {
			const fromTyped = (form[hoursInput.from(day, i)] ?? '').trim();
			const toTyped = (form[hoursInput.to(day, i)] ?? '').trim();
			if (!fromTyped && !toTyped) continue;
			const from = normalizeTime(fromTyped);
			// A time input cannot say 24:00: closing at 00:00 means at midnight.
			const to = normalizeTime(toTyped) === '00:00' ? '24:00' : normalizeTime(toTyped);
			if (!from || !to) problem ??= 'hours_time_invalid';
			else ranges.push({ from, to });
		}
		if (!problem && ranges.length === 0) problem = 'hours_time_invalid';
		if (!problem && ranges.length > MAX_RANGES_PER_DAY) problem = 'hours_time_invalid';
		problem ??= dayProblem(ranges) ?? undefined;
		if (problem) errors[`hours_${day}`] = problem;
		else week[day] = ranges;
	}
	return { week, errors };
}

/** Reads the given fields of an application from a posted form. */
export function parseApplication(
	form: ApplicationForm,
	fields: readonly ApplicationField[],
	options: ParseOptions
): ParseResult {
	const values: ApplicationPatch = {};
	const errors: ApplicationErrors = {};
	let communeChoices: CommuneChoice[] = [];
	const asked = new Set<ApplicationField>(fields);
	const complete = options.mode === 'complete';
	const typed = (name: string) => (form[name] ?? '').trim();
	const required = (field: ApplicationField) =>
		complete || (DRAFT_REQUIRED_FIELDS as readonly string[]).includes(field);

	/** A free text field: required or not, at most `max` characters. */
	const textValue = (field: ApplicationField, max: number, isRequired = required(field)) => {
		const v = typed(field).replace(/\s+/g, ' ');
		if (!v) {
			if (isRequired) errors[field] = 'required';
			else values[field] = null as never;
			return null;
		}
		if (v.length > max) {
			errors[field] = 'too_long';
			return null;
		}
		return v;
	};

	if (asked.has('legalName')) {
		const v = textValue('legalName', MAX_LENGTH.legalName);
		if (v) values.legalName = v;
	}
	if (asked.has('tradeNameFr')) {
		const v = textValue('tradeNameFr', MAX_LENGTH.tradeNameFr);
		if (v) values.tradeNameFr = v;
	}
	if (asked.has('tradeNameZh')) {
		const v = textValue('tradeNameZh', MAX_LENGTH.tradeNameZh, false);
		if (v && !CJK.test(v)) errors.tradeNameZh = 'name_zh_no_chinese';
		else if (v) values.tradeNameZh = v;
	}
	if (asked.has('siret')) {
		const v = normalizeSiret(typed('siret'));
		if (!v) {
			if (required('siret')) errors.siret = 'required';
			else values.siret = null;
		} else {
			const problem = siretProblem(v);
			if (problem) errors.siret = `siret_${problem}`;
			else values.siret = v;
		}
	}
	if (asked.has('category')) {
		const v = typed('category');
		if (!v) errors.category = 'required';
		else if (!isCategory(v)) errors.category = 'category_invalid';
		else values.category = v;
	}
	if (asked.has('address')) {
		const v = textValue('address', MAX_LENGTH.address);
		if (v) values.address = v;
	}
	if (asked.has('postalCode') || asked.has('communeCode')) {
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
		} else if (!/^[0-9]{5}$/.test(pc)) {
			errors.postalCode = 'postal_code_format';
		} else {
			const choices = options.communes(pc);
			if (choices.length === 0) {
				errors.postalCode = isDepartement(pc.slice(0, 2))
					? 'postal_code_unknown'
					: 'postal_code_not_idf';
			} else {
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
		}
	}
	if (asked.has('phone')) {
		const v = typed('phone');
		if (!v) values.phone = null;
		else {
			const phone = normalizeFrenchPhone(v);
			if (phone) values.phone = phone;
			else errors.phone = 'phone_invalid';
		}
	}
	if (asked.has('website')) {
		const v = typed('website');
		if (!v) values.website = null;
		else {
			const website = normalizeWebsite(v);
			if (website) values.website = website;
			else errors.website = 'website_invalid';
		}
	}
	if (asked.has('latitude') || asked.has('longitude')) {
		const latTyped = typed('latitude');
		const lonTyped = typed('longitude');
		if (!latTyped && !lonTyped) {
			if (complete) errors.position = 'position_required';
			else Object.assign(values, { latitude: null, longitude: null });
		} else {
			const lat = parseCoordinate(latTyped);
			const lon = parseCoordinate(lonTyped);
			if (lat === null) errors.latitude = latTyped ? 'position_invalid' : 'required';
			if (lon === null) errors.longitude = lonTyped ? 'position_invalid' : 'required';
			if (lat !== null && lon !== null) {
				if (!isInIdf(lat, lon)) errors.position = 'position_outside_idf';
				else Object.assign(values, { latitude: lat, longitude: lon });
			}
		}
	}
	if (asked.has('openingHours')) {
		const mode = typed(hoursInput.mode);
		if (mode === 'raw') {
			const raw = typed(hoursInput.raw);
			if (!raw) {
				if (complete) errors.openingHours = 'required';
				else values.openingHours = null;
			} else if (raw.length > MAX_LENGTH.openingHours) errors.openingHours = 'too_long';
			else {
				const checked = validateOpeningHours(raw);
				if (checked.ok) values.openingHours = checked.pretty;
				else errors.openingHours = 'hours_syntax';
			}
		} else if (mode === 'weekly') {
			const { week, errors: dayErrors } = readWeek(form);
			Object.assign(errors, dayErrors);
			if (Object.keys(dayErrors).length === 0) {
				const value = weeklyToOpeningHours(week);
				if (value === 'off') {
					if (complete) errors.openingHours = 'hours_all_closed';
					else values.openingHours = null;
				} else values.openingHours = value;
			}
		} else if (complete) errors.openingHours = 'required';
		else values.openingHours = null;
	}
	if (asked.has('paymentMethods')) {
		const list = [
			...new Set(
				typed('paymentMethods')
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean)
			)
		];
		if (list.some((p) => !(PAYMENT_METHODS as readonly string[]).includes(p))) {
			errors.paymentMethods = 'payment_invalid';
		} else if (list.length === 0 && complete) errors.paymentMethods = 'payment_required';
		else values.paymentMethods = PAYMENT_METHODS.filter((p) => list.includes(p));
	}
	if (asked.has('acquirer')) {
		const v = textValue('acquirer', MAX_LENGTH.acquirer, false);
		if (v) values.acquirer = v;
	}
	if (asked.has('taxFree')) values.taxFree = form.taxFree === ON;
	if (asked.has('chineseStaff')) values.chineseStaff = form.chineseStaff === ON;
	if (asked.has('consentToPublish')) {
		values.consentToPublish = form.consentToPublish === ON;
		if (complete && !values.consentToPublish) errors.consentToPublish = 'consent_required';
	}

	return { ok: Object.keys(errors).length === 0, values, errors, communeChoices };
}

/**
 * The form a stored application fills in (to pre-fill the wizard, and to check a whole
 * application again before it is submitted). Opening hours the weekly editor can show go to it;
 * others to the raw field; no hours leave the mode empty.
 */
export function applicationToForm(values: ApplicationPatch): ApplicationForm {
	const s = (v: string | null | undefined) => v ?? '';
	const form: ApplicationForm = {
		legalName: s(values.legalName),
		siret: s(values.siret),
		tradeNameFr: s(values.tradeNameFr),
		tradeNameZh: s(values.tradeNameZh),
		category: s(values.category),
		address: s(values.address),
		postalCode: s(values.postalCode),
		communeCode: s(values.communeCode),
		phone: values.phone ? formatFrenchPhone(values.phone) : '',
		website: s(values.website),
		latitude: values.latitude == null ? '' : String(values.latitude),
		longitude: values.longitude == null ? '' : String(values.longitude),
		paymentMethods: (values.paymentMethods ?? []).join(','),
		acquirer: s(values.acquirer),
		taxFree: values.taxFree ? ON : '',
		chineseStaff: values.chineseStaff ? ON : '',
		consentToPublish: values.consentToPublish ? ON : '',
		[hoursInput.mode]: '',
		[hoursInput.raw]: s(values.openingHours)
	};
	const week = values.openingHours ? openingHoursToWeekly(values.openingHours) : null;
	if (values.openingHours) form[hoursInput.mode] = week ? 'weekly' : 'raw';
	Object.assign(form, weekToForm(week ?? closedWeek()));
	return form;
}

/** The editor's inputs for a week. */
export function weekToForm(week: WeeklyHours): ApplicationForm {
	const form: ApplicationForm = {};
	for (const day of WEEKDAYS) {
		form[hoursInput.open(day)] = week[day].length ? ON : '';
		for (const i of [1, 2] as const) {
			const r = week[day][i - 1];
			form[hoursInput.from(day, i)] = r?.from ?? '';
			form[hoursInput.to(day, i)] = r?.to === '24:00' ? '00:00' : (r?.to ?? '');
		}
	}
	return form;
}

/** Every field of an application, checked as for a submission. */
export function parseCompleteApplication(
	values: ApplicationPatch,
	communes: ParseOptions['communes']
): { ok: true; values: ApplicationValues } | { ok: false; errors: ApplicationErrors } {
	const result = parseApplication(applicationToForm(values), APPLICATION_FIELDS, {
		mode: 'complete',
		communes
	});
	return result.ok
		? { ok: true, values: result.values as ApplicationValues }
		: { ok: false, errors: result.errors };
}
