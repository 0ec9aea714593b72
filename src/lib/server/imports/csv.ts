/**
 * Reading an acquirer's merchant list (docs/acquirer-import.md): UTF-8 with or without a BOM,
 * `;` (French Excel) or `,` between cells — detected from the header line —, quoted cells,
 * header names in French or English, in any case, with or without accents.
 */
import { parse } from 'csv-parse/sync';
import {
	LISTING_FIELDS,
	LISTING_FIELD_NAMES,
	fieldSpec,
	type ListingField
} from '../../applications/fields';

/** The columns the import knows, by their documented (French) names: LISTING_FIELDS' csv. */
export type ImportColumn = {
	[K in ListingField]: (typeof LISTING_FIELDS)[K]['csv'] extends { fr: infer C } ? C : never;
}[ListingField];

const COLUMNS = LISTING_FIELD_NAMES.flatMap((f) => fieldSpec(f).csv ?? []);
export const IMPORT_COLUMNS = COLUMNS.map((c) => c.fr as ImportColumn);
export const REQUIRED_COLUMNS = COLUMNS.filter((c) => c.required).map((c) => c.fr as ImportColumn);

/** The English names and other names acquirers' exports use for the same columns. */
const ALIASES: Record<string, ImportColumn> = Object.fromEntries(
	COLUMNS.flatMap((c) => [c.en, ...(c.aliases ?? [])].map((name) => [name, c.fr as ImportColumn]))
);

/** "Code postal" → code_postal, "Catégorie" → categorie, "SIRET " → siret. */
export function columnOf(header: string): ImportColumn | null {
	const key = header
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');
	if ((IMPORT_COLUMNS as readonly string[]).includes(key)) return key as ImportColumn;
	return ALIASES[key] ?? null;
}

/** `;` or `,`: whichever separates more cells of the header line (quotes respected). */
export function detectDelimiter(text: string): ';' | ',' {
	const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
	let semicolons = 0;
	let commas = 0;
	let quoted = false;
	for (const c of firstLine) {
		if (c === '"') quoted = !quoted;
		else if (!quoted && c === ';') semicolons++;
		else if (!quoted && c === ',') commas++;
	}
	return semicolons > commas ? ';' : ',';
}

export interface CsvRow {
	/** The line of the file the row starts on (the header is line 1). */
	line: number;
	cells: Partial<Record<ImportColumn, string>>;
}

export type CsvReading =
	| { ok: true; delimiter: ';' | ','; columns: ImportColumn[]; ignored: string[]; rows: CsvRow[] }
	| { ok: false; problem: 'empty' | 'unreadable'; detail?: string }
	| { ok: false; problem: 'missing_columns'; missing: ImportColumn[] };

export function readAcquirerCsv(input: string): CsvReading {
	const text = input.replace(/^\uFEFF/, '');
	if (!text.trim()) return { ok: false, problem: 'empty' };
	const delimiter = detectDelimiter(text);
	let records: { record: string[]; info: { lines: number } }[];
	try {
		records = parse(text, {
			delimiter,
			bom: true,
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (error) {
		return { ok: false, problem: 'unreadable', detail: (error as Error).message };
	}
	if (records.length === 0) return { ok: false, problem: 'empty' };
	const header = records[0].record.map(columnOf);
	const ignored = records[0].record.filter((_, i) => header[i] === null);
	const columns = header.filter((c): c is ImportColumn => c !== null);
	const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
	if (missing.length) return { ok: false, problem: 'missing_columns', missing };
	const rows: CsvRow[] = [];
	for (const { record, info } of records.slice(1)) {
		const cells: CsvRow['cells'] = {};
		header.forEach((column, i) => {
			if (column && record[i] !== undefined && !(column in cells)) cells[column] = record[i];
		});
		// csv-parse counts the line a record ends on; a quoted cell may span several.
		rows.push({ line: info.lines - countNewlines(record), cells });
	}
	return { ok: true, delimiter, columns, ignored, rows };
}

const countNewlines = (record: string[]) =>
	record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
