/**
 * The change log of listings, which the in-memory listing index of every app process reads
 * (merchants/listing-index.ts): one row per merchant row inserted, updated or deleted, written by
 * triggers on `merchants` in the same transaction as the change (drizzle/0014_listing_changes.sql),
 * so no change escapes it, whichever code made it. A process asks only for the rows of the
 * transactions it may not have seen (`xid` at or after its last snapshot's horizon), so a check
 * with nothing new reads nothing. Rows older than a day are removed by the daily housekeeping.
 */
import { bigint, index, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const listingChanges = pgTable(
	'listing_changes',
	{
		/** The merchant changed (no foreign key: a deleted merchant's row stays to say so). */
		merchantId: integer('merchant_id').notNull(),
		/** The writing transaction's id (pg_current_xact_id(), 64 bits, never wraps). */
		xid: bigint('xid', { mode: 'bigint' })
			.notNull()
			.default(sql`(pg_current_xact_id()::text)::bigint`),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('listing_changes_xid_idx').on(t.xid),
		index('listing_changes_changed_at_idx').on(t.changedAt)
	]
);
