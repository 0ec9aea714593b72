/** Validating a target typed by an admin (pure: shared by the server and its tests). */
import { isDepartement, type Departement } from '../geo/idf';
import { parseIsoDay } from './range';
import { hasControlCharacter } from '../forms/text';

export interface TargetInput {
	/** Null: the whole region. */
	departement: Departement | null;
	targetCount: number;
	targetDate: string;
}

export type TargetField = 'scope' | 'count' | 'date';
export type TargetError =
	| 'scope_invalid'
	| 'count_required'
	| 'count_invalid'
	| 'date_required'
	| 'date_invalid'
	| 'date_past'
	| 'control_character';

export const MAX_TARGET_COUNT = 1_000_000;

export type TargetParse =
	| { ok: true; input: TargetInput }
	| { ok: false; errors: Partial<Record<TargetField, TargetError>> };

/** `scope` is "region" or a département code; `count` a whole number; `date` YYYY-MM-DD after today. */
export function parseTarget(
	values: { scope: string; count: string; date: string },
	today: string
): TargetParse {
	const errors: Partial<Record<TargetField, TargetError>> = {};
	const scope = values.scope.trim();
	let departement: Departement | null = null;
	if (scope !== 'region') {
		if (isDepartement(scope)) departement = scope;
		else errors.scope = 'scope_invalid';
	}
	// Thousands separators as typed in French (spaces) or Chinese (commas) are accepted.
	let countText = values.count.trim().replace(/[\s\u202f\u00a0]/g, '');
	if (/^\d{1,3}(,\d{3})+$/.test(countText)) countText = countText.replaceAll(',', '');
	const targetCount = Number(countText);
	if (!countText) errors.count = 'count_required';
	else if (!/^\d+$/.test(countText) || targetCount < 1 || targetCount > MAX_TARGET_COUNT)
		errors.count = 'count_invalid';
	const dateText = values.date.trim();
	const targetDate = parseIsoDay(dateText);
	if (!dateText) errors.date = 'date_required';
	else if (!targetDate) errors.date = 'date_invalid';
	else if (targetDate <= today) errors.date = 'date_past';
	for (const field of ['scope', 'count', 'date'] as const) {
		if (hasControlCharacter(values[field])) errors[field] = 'control_character';
	}
	if (Object.keys(errors).length || !targetDate) return { ok: false, errors };
	return { ok: true, input: { departement, targetCount, targetDate } };
}
