/**
 * Reading an acquirer's merchant list (docs/acquirer-import.md): UTF-8 with or without a BOM,
 * `;` (French Excel) or `,` between cells — detected from the header line —, quoted cells,
 * header names in French or English, in any case, with or without accents; by streaming, at most
 * MAX_IMPORT_ROWS rows.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
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

/** Rows an acquirer's file may hold (about 4 MB): a larger file is refused, with its count. */
export const MAX_IMPORT_ROWS = 20_000;

/** Records parsed between two yields to the event loop (other requests go on meanwhile). */
const YIELD_EVERY = 500;

export type CsvReading =
	| { ok: true; delimiter: ';' | ','; columns: ImportColumn[]; ignored: string[]; rows: CsvRow[] }
	| { ok: false; problem: 'empty' | 'unreadable'; detail?: string }
	| { ok: false; problem: 'missing_columns'; missing: ImportColumn[] }
	| { ok: false; problem: 'too_many_rows'; rows: number };

/** A file's text, whole (tests, scripts) or as the uploaded file (read in chunks). */
export type CsvSource = string | Blob;

export const yieldToEventLoop = () => new Promise<void>((done) => setImmediate(done));

/** The text of a source, chunk by chunk (UTF-8 decoded across chunk boundaries). */
async function* textChunks(source: CsvSource): AsyncGenerator<string> {
	if (typeof source === 'string') {
		yield source;
		return;
	}
	const decoder = new TextDecoder('utf-8');
	for await (const bytes of source.stream() as unknown as AsyncIterable<Uint8Array>) {
		const text = decoder.decode(bytes, { stream: true });
		if (text) yield text;
	}
	const rest = decoder.decode();
	if (rest) yield rest;
}

/**
 * Reads a file by streaming: the header line decides the separator, then csv-parse's stream
 * parser reads the rest chunk by chunk, yielding to the event loop every few hundred records.
 * Only the rows of a file within MAX_IMPORT_ROWS are kept; past it the rest is only counted, so
 * a huge file is refused with its count without being held in memory twice.
 */
export async function readAcquirerCsv(
	source: CsvSource,
	maxRows: number = MAX_IMPORT_ROWS
): Promise<CsvReading> {
	const chunks = textChunks(source);
	// The header line first (and a BOM off), for the separator.
	let head = '';
	let ended = false;
	while (!/\r?\n/.test(head.replace(/^\uFEFF/, '').trimStart()) && !ended) {
		const next = await chunks.next();
		if (next.done) ended = true;
		else head += next.value;
	}
	head = head.replace(/^\uFEFF/, '');
	if (ended && !head.trim()) return { ok: false, problem: 'empty' };
	const delimiter = detectDelimiter(head.trimStart());
	const parser = parse({
		delimiter,
		bom: true,
		info: true,
		relax_column_count: true,
		skip_empty_lines: true,
		trim: true
	});
	const input = Readable.from(
		(async function* () {
			yield head;
			for await (const chunk of chunks) yield chunk;
		})()
	);
	input.on('error', (error) => parser.destroy(error));
	input.pipe(parser);

	let header: (ImportColumn | null)[] | null = null;
	let ignored: string[] = [];
	let columns: ImportColumn[] = [];
	let rows: CsvRow[] = [];
	let count = 0;
	try {
		for await (const { record, info } of parser as AsyncIterable<{
			record: string[];
			info: { lines: number };
		}>) {
			if (!header) {
				header = record.map(columnOf);
				ignored = record.filter((_, i) => header![i] === null);
				columns = header.filter((c): c is ImportColumn => c !== null);
				const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
				if (missing.length) return { ok: false, problem: 'missing_columns', missing };
				continue;
			}
			if (++count % YIELD_EVERY === 0) await yieldToEventLoop();
			if (count > maxRows) {
				rows = [];
				continue;
			}
			const cells: CsvRow['cells'] = {};
			header.forEach((column, i) => {
				if (column && record[i] !== undefined && !(column in cells)) cells[column] = record[i];
			});
			// csv-parse counts the line a record ends on; a quoted cell may span several.
			rows.push({ line: info.lines - countNewlines(record), cells });
		}
	} catch (error) {
		return { ok: false, problem: 'unreadable', detail: (error as Error).message };
	} finally {
		input.destroy();
		parser.destroy();
	}
	if (!header) return { ok: false, problem: 'empty' };
	if (count > maxRows) return { ok: false, problem: 'too_many_rows', rows: count };
	return { ok: true, delimiter, columns, ignored, rows };
}

const countNewlines = (record: string[]) =>
	record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
