/**
 * Acquirer imports: a dry run that checks every row and says what the import would do, then the
 * import itself (./run.ts: a job) — an idempotent upsert by SIRET (the same file twice changes
 * nothing the second time), a transaction per batch of rows, progress in imports.rows_processed.
 * Imported merchants carry source=import and their import's id and wait, pending, for an
 * official's approval.
 * A listing its merchant registered themselves is never overwritten by an import (reported as
 * skipped). The listings themselves are written by the listing state machine
 * (../applications/imported.ts).
 */
import { and, asc, count, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { importRows, imports } from '../db/schema';
import { Pacer } from '../jobs/runner';
import { recordAudit } from '../audit/record';
import { readAcquirerCsv, yieldToEventLoop, type CsvSource, type ImportColumn } from './csv';
import { checkImportRow, type RowErrors } from './rows';
import { changedColumns, listingsBySiret, type ImportValues } from '../applications/workflow';
import { LISTING_FIELDS } from '../../applications/fields';
import { hasControlCharacter, truncate, withoutControlCharacters } from '../../forms/text';

export const ACQUIRER_MAX_LENGTH = LISTING_FIELDS.acquirer.maxLength;

export type PlannedOutcome = 'create' | 'update' | 'unchanged' | 'skipped' | 'invalid';

export interface ReportRow {
	line: number;
	siret: string;
	name: string;
	outcome: PlannedOutcome;
	errors?: RowErrors;
	/** The line of the first row with the same SIRET. */
	duplicateOf?: number;
	/** The fields an update changes. */
	changed?: string[];
	geocoded?: boolean;
	values?: ImportValues;
}

export interface ImportReport {
	delimiter: ';' | ',';
	ignoredColumns: string[];
	rows: ReportRow[];
	/** Why the import's job failed (for the log; the page says it failed and offers to resume). */
	error?: string;
}

/** What imports.report holds: the report without its rows (they are in import_rows). */
export type StoredReport = Omit<ImportReport, 'rows'>;

/** Rows written or read per statement: each well under 20 ms on the embedded database. */
const ROW_SLICE = 100;
const READ_SLICE = 1000;

/** The rows of a dry run, written slice by slice (visitors' queries run in between). */
async function writeReportRows(db: Database, importId: number, rows: ReportRow[]) {
	const pacer = new Pacer(new AbortController().signal);
	for (let i = 0; i < rows.length; i += ROW_SLICE) {
		await pacer.pause();
		await db.insert(importRows).values(
			rows.slice(i, i + ROW_SLICE).map((row) => ({
				importId,
				line: row.line,
				outcome: row.outcome,
				writes: Boolean(row.values),
				row
			}))
		);
	}
}

/**
 * The rows of an import's report in line order (read slice by slice): all of them, or only those
 * its run writes (`writes`), from the `offset`-th such row on, at most `limit`.
 */
export async function reportRows(
	db: Executor,
	importId: number,
	options: { writes?: boolean; offset?: number; limit?: number } = {}
): Promise<ReportRow[]> {
	const { writes = false, offset = 0, limit = Infinity } = options;
	const rows: ReportRow[] = [];
	let after = -1;
	let skip = offset;
	while (rows.length < limit) {
		const take = Math.min(READ_SLICE, limit - rows.length);
		const slice = await db
			.select({ line: importRows.line, row: importRows.row })
			.from(importRows)
			.where(
				and(
					eq(importRows.importId, importId),
					gt(importRows.line, after),
					writes ? eq(importRows.writes, true) : undefined
				)
			)
			.orderBy(asc(importRows.line))
			.limit(take)
			.offset(skip);
		skip = 0;
		for (const r of slice) rows.push(r.row as ReportRow);
		if (slice.length < take) break;
		after = slice[slice.length - 1].line;
		await yieldToEventLoop();
	}
	return rows;
}

/** The first `limit` rows of an import's report with an outcome among `outcomes`, without values. */
export async function reportSample(
	db: Executor,
	importId: number,
	outcomes: PlannedOutcome[],
	limit: number
): Promise<ReportRow[]> {
	const rows = await db
		.select({ row: sql<ReportRow>`${importRows.row} - 'values'` })
		.from(importRows)
		.where(and(eq(importRows.importId, importId), inArray(importRows.outcome, outcomes)))
		.orderBy(asc(importRows.line))
		.limit(limit);
	return rows.map((r) => r.row);
}

/** How many rows of an import's report have each outcome. */
export async function reportOutcomes(
	db: Executor,
	importId: number
): Promise<Record<PlannedOutcome, number>> {
	const counts: Record<PlannedOutcome, number> = {
		create: 0,
		update: 0,
		unchanged: 0,
		skipped: 0,
		invalid: 0
	};
	const rows = await db
		.select({ outcome: importRows.outcome, n: count() })
		.from(importRows)
		.where(eq(importRows.importId, importId))
		.groupBy(importRows.outcome);
	for (const r of rows) counts[r.outcome as PlannedOutcome] = Number(r.n);
	return counts;
}

export type DryRunResult =
	| { ok: true; importId: number }
	| {
			ok: false;
			problem:
				| 'empty'
				| 'unreadable'
				| 'missing_columns'
				| 'too_many_rows'
				| 'acquirer_required'
				| 'acquirer_invalid'
				| 'file_name_invalid';
			missing?: ImportColumn[];
			/** The file's rows, when there are too many. */
			rows?: number;
	  };

/**
 * Reads and checks a file, compares it with the database, and records the dry run. The file is
 * read by streaming and its rows checked in slices between which other requests are served.
 */
export async function createDryRun(
	db: Database,
	input: { csv: CsvSource; filename: string; acquirer: string; uploadedBy: string },
	now: Date = new Date()
): Promise<DryRunResult> {
	const acquirer = truncate(input.acquirer.trim().replace(/\s+/g, ' '), ACQUIRER_MAX_LENGTH);
	if (!acquirer) return { ok: false, problem: 'acquirer_required' };
	if (hasControlCharacter(input.acquirer)) return { ok: false, problem: 'acquirer_invalid' };
	if (hasControlCharacter(input.filename)) return { ok: false, problem: 'file_name_invalid' };
	const reading = await readAcquirerCsv(input.csv);
	if (!reading.ok) return reading;

	const rows: ReportRow[] = [];
	const firstLineOf = new Map<string, number>();
	for (const [i, row] of reading.rows.entries()) {
		if (i % 250 === 249) await yieldToEventLoop();
		const checked = checkImportRow(row, acquirer);
		// A refused row's cells are echoed in the report: without what cannot be stored.
		const siret = checked.ok
			? checked.values.siret
			: withoutControlCharacters((row.cells.siret ?? '').trim());
		const name = withoutControlCharacters((row.cells.enseigne ?? '').trim());
		if (!checked.ok) {
			rows.push({ line: row.line, siret, name, outcome: 'invalid', errors: checked.errors });
			continue;
		}
		const first = firstLineOf.get(siret);
		if (first !== undefined) {
			rows.push({
				line: row.line,
				siret,
				name,
				outcome: 'invalid',
				errors: { siret: 'duplicate_in_file' },
				duplicateOf: first
			});
			continue;
		}
		firstLineOf.set(siret, row.line);
		rows.push({
			line: row.line,
			siret,
			name,
			outcome: 'create',
			geocoded: checked.geocoded,
			values: checked.values
		});
	}
	const valid = rows.filter((r) => r.values);
	const existing = await listingsBySiret(
		db,
		valid.map((r) => r.siret)
	);
	for (const r of valid) {
		const found = existing.get(r.siret);
		if (!found) continue;
		if (found.source !== 'import') r.outcome = 'skipped';
		else {
			const changed = changedColumns(found, r.values!, r.geocoded ?? false);
			r.outcome = changed.length ? 'update' : 'unchanged';
			if (changed.length) r.changed = changed;
		}
	}
	const tally = (o: PlannedOutcome) => rows.filter((r) => r.outcome === o).length;
	const report: StoredReport = {
		delimiter: reading.delimiter,
		ignoredColumns: reading.ignored.map(withoutControlCharacters)
	};
	// The import's row first, without its report: not shown nor startable until its rows are
	// all written, then the report and the audit row in one short transaction.
	const [created] = await db
		.insert(imports)
		.values({
			acquirer,
			filename: truncate(input.filename, 200) || 'import.csv',
			uploadedBy: input.uploadedBy,
			status: 'dry_run',
			rowsTotal: rows.length,
			rowsInvalid: tally('invalid'),
			rowsCreated: tally('create'),
			rowsUpdated: tally('update'),
			rowsUnchanged: tally('unchanged'),
			rowsSkipped: tally('skipped'),
			createdAt: now
		})
		.returning({ id: imports.id });
	await writeReportRows(db, created.id, rows);
	return db.transaction(async (tx) => {
		await tx.update(imports).set({ report }).where(eq(imports.id, created.id));
		await recordAudit(tx, {
			actorId: input.uploadedBy,
			action: 'import_dry_run',
			after: {
				importId: created.id,
				filename: input.filename,
				acquirer,
				rows: rows.length,
				invalid: tally('invalid')
			},
			at: now
		});
		return { ok: true, importId: created.id };
	});
}

/** An import whose dry run is complete, without its rows (see reportRows, reportSample). */
export async function importHead(db: Executor, id: number) {
	const [row] = await db
		.select()
		.from(imports)
		.where(and(eq(imports.id, id), isNotNull(imports.report)));
	return row ? { ...row, report: row.report as StoredReport } : null;
}

/** An import with its whole report, rows included (the downloadable report, tests). */
export async function importById(db: Executor, id: number) {
	const head = await importHead(db, id);
	if (!head) return null;
	const report: ImportReport = { ...head.report, rows: await reportRows(db, id) };
	return { ...head, report };
}

/** Progress only (what the page polls while an import runs). */
export async function importProgress(db: Executor, id: number) {
	const [row] = await db
		.select({
			status: imports.status,
			rowsProcessed: imports.rowsProcessed,
			rowsTotal: imports.rowsTotal,
			rowsInvalid: imports.rowsInvalid
		})
		.from(imports)
		.where(eq(imports.id, id));
	return row ?? null;
}

export async function recentImports(db: Executor, limit = 20) {
	return db
		.select({
			id: imports.id,
			acquirer: imports.acquirer,
			filename: imports.filename,
			status: imports.status,
			rowsTotal: imports.rowsTotal,
			rowsInvalid: imports.rowsInvalid,
			rowsCreated: imports.rowsCreated,
			rowsUpdated: imports.rowsUpdated,
			rowsUnchanged: imports.rowsUnchanged,
			rowsSkipped: imports.rowsSkipped,
			createdAt: imports.createdAt
		})
		.from(imports)
		.where(isNotNull(imports.report))
		.orderBy(sql`${imports.createdAt} DESC, ${imports.id} DESC`)
		.limit(limit);
}
