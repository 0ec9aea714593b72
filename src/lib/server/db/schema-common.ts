/**
 * What the schema-*.ts files share: the enums, the created_at column and the Île-de-France
 * position check. Kept apart so that every table file can use them while it is being defined.
 */
import { sql } from 'drizzle-orm';
import { pgEnum, timestamp } from 'drizzle-orm/pg-core';
import {
	CATEGORIES,
	LISTING_SOURCES,
	LISTING_STATUSES,
	PAYMENT_METHODS
} from '../../merchants/vocabulary';
import { ATTRACTION_KINDS, DEPARTEMENTS, IDF_BOUNDS } from '../../geo/idf';

export const userRole = pgEnum('user_role', ['merchant', 'official', 'admin']);
export const locale = pgEnum('locale', ['zh', 'fr']);
export const category = pgEnum('category', CATEGORIES);
export const departement = pgEnum('departement', DEPARTEMENTS);
export const paymentMethod = pgEnum('payment_method', PAYMENT_METHODS);
export const listingStatus = pgEnum('listing_status', LISTING_STATUSES);
export const listingSource = pgEnum('listing_source', LISTING_SOURCES);
export const attractionKind = pgEnum('attraction_kind', ATTRACTION_KINDS);
/**
 * A revision is a draft while its merchant edits it, pending once submitted whole (the only
 * status reviewers see), changes_requested when a reviewer sends it back; then approved,
 * rejected or withdrawn (closed).
 */
export const revisionStatus = pgEnum('revision_status', [
	'draft',
	'pending',
	'changes_requested',
	'approved',
	'rejected',
	'withdrawn'
]);
export const importStatus = pgEnum('import_status', ['dry_run', 'running', 'done', 'failed']);
export const jobStatus = pgEnum('job_status', ['pending', 'running', 'done', 'failed']);

export const createdAt = () =>
	timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** `lat`/`lon` columns that, when set, must lie in the Île-de-France bounding box. */
export const inIdf = (lat: string, lon: string) =>
	sql.raw(
		`(${lat} IS NULL AND ${lon} IS NULL) OR (${lat} BETWEEN ${IDF_BOUNDS.south} AND ${IDF_BOUNDS.north} AND ${lon} BETWEEN ${IDF_BOUNDS.west} AND ${IDF_BOUNDS.east})`
	);
