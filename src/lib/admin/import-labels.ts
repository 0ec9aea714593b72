/**
 * The import report in words: outcomes, row errors and the fields an update changes, in the
 * page's (or the asked) language.
 */
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { applicationError, fieldLabel } from '$lib/i18n/application-labels';
import { isListingField, type ApplicationErrorCode } from '$lib/applications/fields';

export type ImportOutcome = 'create' | 'update' | 'unchanged' | 'skipped' | 'invalid';

export function importOutcomeLabel(outcome: ImportOutcome, locale?: Locale): string {
	const o = locale ? { locale } : undefined;
	return {
		create: m.admin_import_outcome_create,
		update: m.admin_import_outcome_update,
		unchanged: m.admin_import_outcome_unchanged,
		skipped: m.admin_import_outcome_skipped,
		invalid: m.admin_import_outcome_invalid
	}[outcome]({}, o);
}

/** Why a row was refused, e.g. "code_postal : Ce code postal n'est pas en Île-de-France". */
export function importErrorLabel(code: string, duplicateOf?: number, locale?: Locale): string {
	const o = locale ? { locale } : undefined;
	if (code === 'duplicate_in_file') {
		return m.admin_import_error_duplicate({ line: duplicateOf ?? '?' }, o);
	}
	if (code === 'boolean_invalid') return m.admin_import_error_boolean({}, o);
	// The request's language (paraglide keeps it per request on the server).
	return applicationError(code as ApplicationErrorCode) ?? code;
}

export function importReasons(
	errors: Record<string, string> | undefined,
	duplicateOf?: number,
	locale?: Locale
): { column: string; message: string }[] {
	return Object.entries(errors ?? {}).map(([column, code]) => ({
		column,
		message: importErrorLabel(code, duplicateOf, locale)
	}));
}

/** "modifie : Nom de l'enseigne, Horaires d'ouverture": the fields an update changes. */
export function importChangedLabel(changed: readonly string[], locale?: Locale): string {
	const names = changed.map((f) => (isListingField(f) ? fieldLabel(f, locale) : f));
	return m.admin_import_changed({ fields: names.join(', ') }, locale ? { locale } : undefined);
}
