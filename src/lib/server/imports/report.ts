/** The downloadable report of an import: every row of the file, its outcome and its reasons. */
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { CSV_DIALECTS, toCsv } from '../../metrics/csv';
import { importChangedLabel, importOutcomeLabel, importReasons } from '../../admin/import-labels';
import type { ReportRow } from './import';

export function importReportCsv(rows: readonly ReportRow[], locale: Locale): string {
	const o = { locale };
	const header = [
		m.admin_import_col_line({}, o),
		m.admin_import_col_siret({}, o),
		m.admin_import_col_name({}, o),
		m.admin_import_col_outcome({}, o),
		m.admin_import_col_reasons({}, o)
	];
	return toCsv(
		header,
		rows.map((r) => [
			r.line,
			r.siret,
			r.name,
			importOutcomeLabel(r.outcome, locale),
			[
				...importReasons(r.errors, r.duplicateOf, locale).map((e) => `${e.column} : ${e.message}`),
				...(r.changed ? [importChangedLabel(r.changed, locale)] : []),
				...(r.geocoded ? [m.admin_import_geocoded({}, o)] : [])
			].join(' | ')
		]),
		CSV_DIALECTS[locale]
	);
}
