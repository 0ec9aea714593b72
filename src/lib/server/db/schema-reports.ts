/**
 * Tourist reports (one tap on a merchant's page) and the listings they send to the officials'
 * "reported" queue. Reports are kept only as counts per listing and Paris day; who reported is
 * never stored. Abuse limits use a salted hash of the visitor's address that lives only for the
 * day: tourist_report_visitors and tourist_report_salts hold today's rows only and are purged
 * when the day changes (server/reports/tourist.ts), the salt in its own table, never with the
 * counts.
 */
import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { REPORT_RESOLUTIONS } from '../../reports/vocabulary';
import { merchants, users } from './schema';

export const reportResolution = pgEnum('report_resolution', REPORT_RESOLUTIONS);

/** How many tourists said what about a listing on one Paris day. */
export const touristReportCounts = pgTable(
	'tourist_report_counts',
	{
		merchantId: integer('merchant_id')
			.notNull()
			.references(() => merchants.id, { onDelete: 'cascade' }),
		day: date('day').notNull(),
		paid: integer('paid').notNull().default(0),
		notAccepted: integer('not_accepted').notNull().default(0),
		closed: integer('closed').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.merchantId, t.day] }),
		index('tourist_report_counts_day_idx').on(t.day),
		check(
			'tourist_report_counts_not_negative',
			sql`${t.paid} >= 0 AND ${t.notAccepted} >= 0 AND ${t.closed} >= 0`
		)
	]
);

/** Today's salt of the visitors' hashes: a random value per Paris day, deleted the day after. */
export const touristReportSalts = pgTable('tourist_report_salts', {
	day: date('day').primaryKey(),
	salt: text('salt').notNull()
});

/**
 * Who reported which listing today, as SHA-256(salt of the day, address): one report per listing
 * per visitor per day, and a cap per visitor per hour. Only today's rows exist.
 */
export const touristReportVisitors = pgTable(
	'tourist_report_visitors',
	{
		day: date('day').notNull(),
		visitor: text('visitor').notNull(),
		merchantId: integer('merchant_id')
			.notNull()
			.references(() => merchants.id, { onDelete: 'cascade' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.day, t.visitor, t.merchantId] }),
		index('tourist_report_visitors_visitor_idx').on(t.visitor, t.at),
		check('tourist_report_visitors_sha256', sql`${t.visitor} ~ '^[0-9a-f]{64}$'`)
	]
);

/**
 * A listing in the officials' "reported" queue: opened when tourists' reports crossed the
 * threshold (REPORT_POLICY), closed by an official's resolution. At most one open per listing;
 * the public page shows a caution while it is open.
 */
export const listingReports = pgTable(
	'listing_reports',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		merchantId: integer('merchant_id')
			.notNull()
			.references(() => merchants.id, { onDelete: 'cascade' }),
		openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		resolution: reportResolution('resolution'),
		resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('listing_reports_one_open')
			.on(t.merchantId)
			.where(sql`${t.resolvedAt} IS NULL`),
		index('listing_reports_merchant_idx').on(t.merchantId, t.resolvedAt),
		check(
			'listing_reports_resolved_with_resolution',
			sql`(${t.resolvedAt} IS NULL) = (${t.resolution} IS NULL)`
		)
	]
);
