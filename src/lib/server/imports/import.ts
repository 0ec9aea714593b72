/**
 * Acquirer imports: a dry run that checks every row and says what the import would do, then the
 * import itself — an idempotent upsert by SIRET (the same file twice changes nothing the second
 * time), a transaction per batch of rows, progress in imports.rows_processed. Imported merchants
 * carry source=import and their import's id and wait, pending, for an official's approval.
 * A listing its merchant registered themselves is never overwritten by an import (reported as
 * skipped). The listings themselves are written by the listing state machine
 * (../applications/imported.ts).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { imports } from '../db/schema';
import { recordAudit } from '../audit/record';
import { invalidateListings } from '../merchants/listings';
import { readAcquirerCsv, type ImportColumn } from './csv';
import { checkImportRow, type RowErrors } from './rows';
import {
	changedColumns,
	importListings,
	listingsBySiret,
	type ImportValues
} from '../applications/workflow';
import { LISTING_FIELDS } from '../../applications/fields';
import { hasControlCharacter, withoutControlCharacters } from '../../forms/text';

export const IMPORT_BATCH_SIZE = 500;
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
	/** What the import did (after it ran). */
	done?: { created: number; updated: number; unchanged: number; skipped: number };
	error?: string;
}

export type DryRunResult =
	| { ok: true; importId: number }
	| {
			ok: false;
			problem:
				| 'empty'
				| 'unreadable'
				| 'missing_columns'
				| 'acquirer_required'
				| 'acquirer_invalid'
				| 'file_name_invalid';
			missing?: ImportColumn[];
	  };

/** Reads and checks a file, compares it with the database, and records the dry run. */
export async function createDryRun(
	db: Database,
	input: { text: string; filename: string; acquirer: string; uploadedBy: string },
	now: Date = new Date()
): Promise<DryRunResult> {
	const acquirer = input.acquirer.trim().replace(/\s+/g, ' ').slice(0, ACQUIRER_MAX_LENGTH);
	if (!acquirer) return { ok: false, problem: 'acquirer_required' };
	if (hasControlCharacter(input.acquirer)) return { ok: false, problem: 'acquirer_invalid' };
	if (hasControlCharacter(input.filename)) return { ok: false, problem: 'file_name_invalid' };
	const reading = readAcquirerCsv(input.text);
	if (!reading.ok) return reading;

	const rows: ReportRow[] = [];
	const firstLineOf = new Map<string, number>();
	for (const row of reading.rows) {
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
	const report: ImportReport = {
		delimiter: reading.delimiter,
		ignoredColumns: reading.ignored.map(withoutControlCharacters),
		rows
	};
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(imports)
			.values({
				acquirer,
				filename: input.filename.slice(0, 200) || 'import.csv',
				uploadedBy: input.uploadedBy,
				status: 'dry_run',
				rowsTotal: rows.length,
				rowsInvalid: tally('invalid'),
				rowsCreated: tally('create'),
				rowsUpdated: tally('update'),
				rowsUnchanged: tally('unchanged') + tally('skipped'),
				report,
				createdAt: now
			})
			.returning({ id: imports.id });
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

export type StartResult =
	| { ok: true; done: Promise<void> }
	| { ok: false; reason: 'not_found' | 'not_ready'; status?: string };

/**
 * Starts a dry-run import (or one that failed: it is idempotent, so running it again is safe).
 * Only one start wins (compare-and-set on the status). The batches run in `done`; the page
 * follows rows_processed meanwhile.
 */
export async function startImport(
	db: Database,
	importId: number,
	actorId: string
): Promise<StartResult> {
	const [started] = await db
		.update(imports)
		.set({ status: 'running', rowsProcessed: 0, finishedAt: null })
		.where(and(eq(imports.id, importId), inArray(imports.status, ['dry_run', 'failed'])))
		.returning({ id: imports.id, report: imports.report });
	if (!started) {
		const [row] = await db
			.select({ status: imports.status })
			.from(imports)
			.where(eq(imports.id, importId));
		return row
			? { ok: false, reason: 'not_ready', status: row.status }
			: { ok: false, reason: 'not_found' };
	}
	const report = started.report as ImportReport;
	return { ok: true, done: runBatches(db, importId, actorId, report) };
}

async function runBatches(
	db: Database,
	importId: number,
	actorId: string,
	report: ImportReport
): Promise<void> {
	const done = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
	const todo = report.rows.filter((r) => r.values);
	try {
		for (let i = 0; i < todo.length; i += IMPORT_BATCH_SIZE) {
			const batch = todo.slice(i, i + IMPORT_BATCH_SIZE);
			await db.transaction(async (tx) => {
				const counts = await importListings(
					tx,
					actorId,
					importId,
					batch.map((r) => ({ siret: r.siret, values: r.values!, geocoded: r.geocoded ?? false }))
				);
				await tx
					.update(imports)
					.set({ rowsProcessed: sql`${imports.rowsProcessed} + ${batch.length}` })
					.where(eq(imports.id, importId));
				done.created += counts.created;
				done.updated += counts.updated;
				done.unchanged += counts.unchanged;
				done.skipped += counts.skipped;
			});
		}
		await db.transaction(async (tx) => {
			await tx
				.update(imports)
				.set({
					status: 'done',
					finishedAt: new Date(),
					rowsCreated: done.created,
					rowsUpdated: done.updated,
					rowsUnchanged: done.unchanged + done.skipped,
					report: { ...report, done }
				})
				.where(eq(imports.id, importId));
			await recordAudit(tx, {
				actorId,
				action: 'import_run',
				after: { importId, ...done, invalid: report.rows.length - todo.length }
			});
		});
	} catch (error) {
		console.error(`[import ${importId}] failed:`, error);
		await db
			.update(imports)
			.set({
				status: 'failed',
				finishedAt: new Date(),
				report: { ...report, error: String(error) }
			})
			.where(eq(imports.id, importId));
	} finally {
		if (done.created + done.updated > 0) invalidateListings();
	}
}

export async function importById(db: Executor, id: number) {
	const [row] = await db.select().from(imports).where(eq(imports.id, id));
	return row ? { ...row, report: row.report as ImportReport | null } : null;
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
			createdAt: imports.createdAt
		})
		.from(imports)
		.orderBy(sql`${imports.createdAt} DESC, ${imports.id} DESC`)
		.limit(limit);
}
