/**
 * The whole domain of cashless-paris, one schema for both drivers (PGlite and PostgreSQL).
 * This file holds the listings (merchants, their revisions) and the audit log, and re-exports
 * the other tables, kept by domain in schema-<domain>.ts; import every table from here.
 * Migrations are generated from these files by drizzle-kit into `drizzle/`.
 * Constraints live here too, so bad data is refused by the database, not only by the app.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { ALIPAY_METHODS } from '../../merchants/vocabulary';
import {
	category,
	createdAt,
	departement,
	inIdf,
	listingSource,
	listingStatus,
	paymentMethod,
	revisionStatus
} from './schema-common';
import { sessions, users } from './schema-accounts';
import { imports } from './schema-jobs';
import { attractions } from './schema-metrics';

export * from './schema-common';
export * from './schema-accounts';
export * from './schema-jobs';

/** A merchant and its public listing (the approved version of its public fields). */
export const merchants = pgTable(
	'merchants',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
		legalName: text('legal_name').notNull(),
		tradeNameFr: text('trade_name_fr').notNull(),
		tradeNameZh: text('trade_name_zh'),
		descriptionFr: text('description_fr'),
		descriptionZh: text('description_zh'),
		category: category('category').notNull(),
		siret: text('siret').unique(),
		address: text('address'),
		postalCode: text('postal_code'),
		communeCode: text('commune_code'),
		communeName: text('commune_name'),
		departement: departement('departement'),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		/** OSM `opening_hours` syntax, evaluated in Europe/Paris time. */
		openingHours: text('opening_hours'),
		paymentMethods: paymentMethod('payment_methods')
			.array()
			.notNull()
			.default(sql`'{}'::payment_method[]`),
		taxFree: boolean('tax_free').notNull().default(false),
		chineseStaff: boolean('chinese_staff').notNull().default(false),
		phone: text('phone'),
		website: text('website'),
		acquirer: text('acquirer'),
		source: listingSource('source').notNull().default('self_registered'),
		importId: integer('import_id').references(() => imports.id, { onDelete: 'set null' }),
		status: listingStatus('status').notNull().default('draft'),
		consentToPublish: boolean('consent_to_publish').notNull().default(false),
		isDemo: boolean('is_demo').notNull().default(false),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		/** When the merchant first became an approved, accepting listing. */
		acceptedSince: timestamp('accepted_since', { withTimezone: true }),
		/** Last time the listing was confirmed true: approval, the merchant's reconfirmation, an official's check. */
		verifiedAt: timestamp('verified_at', { withTimezone: true }),
		/** When the yearly reconfirmation was asked for since the last verification (null: not yet). */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		/** Set while the listing is off the map for want of reconfirmation (its merchant may bring it back). */
		lapsedAt: timestamp('lapsed_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		/** Bumped on every decision, so a stale decision is refused (no lost update). */
		version: integer('version').notNull().default(1)
	},
	(t) => [
		check('merchants_siret_format', sql`${t.siret} ~ '^[0-9]{14}$'`),
		check('merchants_postal_code_format', sql`${t.postalCode} ~ '^[0-9]{5}$'`),
		check('merchants_commune_code_format', sql`${t.communeCode} ~ '^[0-9][0-9AB][0-9]{3}$'`),
		check('merchants_position_in_idf', inIdf('latitude', 'longitude')),
		check(
			'merchants_approved_is_complete',
			sql`${t.status} <> 'approved' OR (${t.latitude} IS NOT NULL AND ${t.siret} IS NOT NULL AND ${t.departement} IS NOT NULL AND ${t.address} IS NOT NULL)`
		),
		check(
			'merchants_approved_has_date',
			sql`${t.status} <> 'approved' OR ${t.acceptedSince} IS NOT NULL`
		),
		check(
			'merchants_approved_is_verified',
			sql`${t.status} <> 'approved' OR ${t.verifiedAt} IS NOT NULL`
		),
		check(
			'merchants_approved_takes_alipay',
			sql`${t.status} <> 'approved' OR ${t.paymentMethods} && ${sql.raw(`ARRAY[${ALIPAY_METHODS.map((p) => `'${p}'`).join(', ')}]::payment_method[]`)}`
		),
		index('merchants_status_idx').on(t.status),
		index('merchants_position_idx').on(t.latitude, t.longitude),
		index('merchants_departement_status_idx').on(t.departement, t.status),
		index('merchants_category_status_idx').on(t.category, t.status),
		index('merchants_commune_idx').on(t.communeCode),
		index('merchants_owner_idx').on(t.ownerId),
		index('merchants_accepted_since_idx').on(t.acceptedSince),
		// The metrics read today's changes live: decisions and submissions since the last rollup.
		index('merchants_decided_idx').on(t.decidedAt),
		index('merchants_submitted_idx').on(t.submittedAt),
		index('merchants_verified_idx').on(t.status, t.verifiedAt),
		// Every change moves updated_at: the metrics correct their nightly snapshot with these.
		index('merchants_updated_idx').on(t.updatedAt),
		index('merchants_import_idx').on(t.importId),
		index('merchants_demo_idx')
			.on(t.id)
			.where(sql`${t.isDemo}`)
	]
);

/**
 * A proposed change to an approved listing; the approved version stays public until it is
 * decided. At most one open (draft, pending or changes_requested) revision per listing.
 */
export const merchantRevisions = pgTable(
	'merchant_revisions',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		merchantId: integer('merchant_id')
			.notNull()
			.references(() => merchants.id, { onDelete: 'cascade' }),
		proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
		/** The public fields as proposed, same names as the merchants columns. */
		changes: jsonb('changes').notNull(),
		status: revisionStatus('status').notNull(),
		/** When its merchant last submitted it whole (null while a first draft). */
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		decidedAt: timestamp('decided_at', { withTimezone: true })
	},
	(t) => [
		index('merchant_revisions_merchant_idx').on(t.merchantId),
		// Written with the closed statuses only: a migration may not use enum values it adds.
		uniqueIndex('merchant_revisions_one_open')
			.on(t.merchantId)
			.where(sql`${t.status} NOT IN ('approved', 'rejected', 'withdrawn')`)
	]
);

/**
 * Append-only log of everything that happens to an account or a listing: submissions,
 * review decisions (with reason), imports, back-office actions. Holds no personal data
 * beyond the actor's id, which is nulled when the account is erased.
 * Write it with `recordAudit` (src/lib/server/audit/record.ts). The database itself refuses
 * any DELETE and any UPDATE other than GDPR erasure's (ids set to null, personal keys
 * stripped from before/after): see drizzle/0002_audit_append_only.sql.
 */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		merchantId: integer('merchant_id').references(() => merchants.id, { onDelete: 'set null' }),
		subjectUserId: uuid('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
		fromStatus: listingStatus('from_status'),
		toStatus: listingStatus('to_status'),
		reasonCode: text('reason_code'),
		reasonText: text('reason_text'),
		before: jsonb('before'),
		after: jsonb('after'),
		createdAt: createdAt()
	},
	(t) => [
		index('audit_events_merchant_idx').on(t.merchantId, t.createdAt),
		index('audit_events_created_idx').on(t.createdAt),
		index('audit_events_actor_idx').on(t.actorId)
	]
);

export * from './schema-metrics';
export * from './schema-verification';

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Merchant = typeof merchants.$inferSelect;
export type NewMerchant = typeof merchants.$inferInsert;
export type MerchantRevision = typeof merchantRevisions.$inferSelect;
export type Attraction = typeof attractions.$inferSelect;

export * from './schema-audience';
export * from './schema-reports';
export * from './schema-rollups';
export * from './schema-listings';
