/**
 * CSV files for spreadsheet users. Choices (for Excel first, as the partnership team uses it):
 * - UTF-8 with a byte-order mark, so Excel reads Chinese and accented names correctly;
 * - French: `;` between cells and a decimal comma (French Excel splits on `;` and reads 12,5 as a
 *   number); Chinese: `,` and a decimal point, as Excel set to Chinese expects;
 * - CRLF line ends; cells quoted when they hold the separator, a quote or a line break;
 * - a text cell starting with = + - @ (or a tab / carriage return) is prefixed with `'`, so a
 *   spreadsheet never runs it as a formula (CSV injection). Numbers are written as numbers.
 */

export type CsvCell = string | number | null | undefined;

export interface CsvDialect {
	separator: ';' | ',';
	decimal: ',' | '.';
}

export const CSV_DIALECTS: Record<'fr' | 'zh', CsvDialect> = {
	fr: { separator: ';', decimal: ',' },
	zh: { separator: ',', decimal: '.' }
};

export const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell, dialect: CsvDialect): string {
	if (value === null || value === undefined) return '';
	let text: string;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		text = String(value);
		if (dialect.decimal === ',') text = text.replace('.', ',');
	} else {
		text = FORMULA_START.test(value) ? `'${value}` : value;
	}
	return text.includes(dialect.separator) || /["\r\n]/.test(text)
		? `"${text.replaceAll('"', '""')}"`
		: text;
}

/** A whole file: a header row then the data rows, BOM first. */
export function toCsv(header: string[], rows: CsvCell[][], dialect: CsvDialect): string {
	const lines = [header, ...rows].map((row) =>
		row.map((c) => csvCell(c, dialect)).join(dialect.separator)
	);
	return BOM + lines.join('\r\n') + '\r\n';
}
