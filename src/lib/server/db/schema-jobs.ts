/** Background work: the job queue, and the acquirers' imports it runs. */
import {
	bigint,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, importStatus, jobStatus } from './schema-common';
import { users } from './schema-accounts';

/**
 * Work done outside a request (e-mails, imports, daily housekeeping), inserted in the same
 * transaction as the change that causes it and claimed by the job runner (server/jobs).
 */
export const jobs = pgTable(
	'jobs',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		kind: text('kind').notNull(),
		/** One job per cause: a second enqueue with the same key does nothing. */
		key: text('key').unique(),
		payload: jsonb('payload').notNull().default({}),
		/** What the back-office shows of the job (never an e-mail body or a full address). */
		label: text('label').notNull().default(''),
		status: jobStatus('status').notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		maxAttempts: integer('max_attempts').notNull().default(6),
		runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
		/** The runner holding it and until when (its lease); a lease that ran out may be taken again. */
		lockedBy: text('locked_by'),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		lastError: text('last_error'),
		createdAt: createdAt(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [
		index('jobs_due_idx').on(t.status, t.runAt),
		index('jobs_kind_idx').on(t.kind, t.createdAt)
	]
);

/** An acquirer's merchant list uploaded by an official. */
export const imports = pgTable('imports', {
	id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
	acquirer: text('acquirer').notNull(),
	filename: text('filename').notNull(),
	uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
	status: importStatus('status').notNull().default('dry_run'),
	rowsTotal: integer('rows_total').notNull().default(0),
	rowsInvalid: integer('rows_invalid').notNull().default(0),
	rowsCreated: integer('rows_created').notNull().default(0),
	rowsUpdated: integer('rows_updated').notNull().default(0),
	rowsUnchanged: integer('rows_unchanged').notNull().default(0),
	/** Rows of listings their merchants registered themselves, which an import never overwrites. */
	rowsSkipped: integer('rows_skipped').notNull().default(0),
	/**
	 * Rows written so far, counted in each batch's transaction: the import page's progress, and
	 * where a resumed import starts again. Once an import has started, the four counters above
	 * count what was written (before, in a dry run, what it would do).
	 */
	rowsProcessed: integer('rows_processed').notNull().default(0),
	/**
	 * The dry run's findings about the file (separator, ignored columns; why its job failed); its
	 * rows are in import_rows. NULL while the dry run is still writing them: such an import is
	 * not shown, nor started (a dry run that died midway is removed by housekeeping).
	 */
	report: jsonb('report'),
	createdAt: createdAt(),
	finishedAt: timestamp('finished_at', { withTimezone: true })
});

/**
 * The rows of an import's file as its dry run found them (ReportRow: line, SIRET, outcome,
 * reasons, the values to write), one row each: written and read in short slices, never as one
 * value of several megabytes (on the embedded database a statement holds the server's thread).
 */
export const importRows = pgTable(
	'import_rows',
	{
		importId: integer('import_id')
			.notNull()
			.references(() => imports.id, { onDelete: 'cascade' }),
		/** The file's line the row starts on. */
		line: integer('line').notNull(),
		/** The dry run's outcome; rows with values are the ones an import writes, in line order. */
		outcome: text('outcome').notNull(),
		writes: boolean('writes').notNull(),
		row: jsonb('row').notNull()
	},
	(t) => [primaryKey({ columns: [t.importId, t.line] })]
);
