/**
 * The whole domain of cashless-paris, one schema for both drivers (PGlite and PostgreSQL).
 * Migrations are generated from this file by drizzle-kit into `drizzle/`.
 * Constraints live here too, so bad data is refused by the database, not only by the app.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	ALIPAY_METHODS,
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

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** `lat`/`lon` columns that, when set, must lie in the Île-de-France bounding box. */
const inIdf = (lat: string, lon: string) =>
	sql.raw(
		`(${lat} IS NULL AND ${lon} IS NULL) OR (${lat} BETWEEN ${IDF_BOUNDS.south} AND ${IDF_BOUNDS.north} AND ${lon} BETWEEN ${IDF_BOUNDS.west} AND ${IDF_BOUNDS.east})`
	);

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		/** argon2id, PHC string. Null once the account is erased (GDPR) or before an invitation is accepted. */
		passwordHash: text('password_hash'),
		role: userRole('role').notNull().default('merchant'),
		locale: locale('locale').notNull().default('fr'),
		displayName: text('display_name'),
		active: boolean('active').notNull().default(true),
		isDemo: boolean('is_demo').notNull().default(false),
		createdAt: createdAt(),
		deletedAt: timestamp('deleted_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
		check('users_email_shape', sql`${t.email} LIKE '%_@_%'`)
	]
);

/** Lucia-style sessions: the id is the SHA-256 (hex) of the token held in the cookie. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [
		index('sessions_user_idx').on(t.userId),
		check('sessions_id_sha256', sql`${t.id} ~ '^[0-9a-f]{64}$'`)
	]
);

/** Single-use tokens (password reset, invitation, unlock, e-mail change, registration); only the SHA-256 of the token is kept. */
export const userTokens = pgTable(
	'user_tokens',
	{
		id: text('id').primaryKey(),
		kind: text('kind', {
			enum: ['password_reset', 'invitation', 'account_unlock', 'email_change', 'registration']
		}).notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		/** The address an e-mail change link confirms (kind email_change only). */
		newEmail: text('new_email'),
		createdAt: createdAt()
	},
	(t) => [
		index('user_tokens_user_idx').on(t.userId),
		check(
			'user_tokens_kind',
			sql`${t.kind} IN ('password_reset', 'invitation', 'account_unlock', 'email_change', 'registration')`
		),
		check('user_tokens_new_email', sql`(${t.kind} = 'email_change') = (${t.newEmail} IS NOT NULL)`)
	]
);

/** Attempt counters for rate limiting, shared by every app server through the database. */
export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
	count: integer('count').notNull().default(0),
	/** When the last attempt was counted: password guesses wait longer after each failure. */
	lastAt: timestamp('last_at', { withTimezone: true })
});

/**
 * Browsers that have signed in to an account (a long-lived cookie holds the token, this table its
 * SHA-256): their password guesses are not refused by the account's lock (rate-limit.ts).
 */
export const knownDevices = pgTable(
	'known_devices',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('known_devices_user_idx').on(t.userId),
		check('known_devices_id_sha256', sql`${t.id} ~ '^[0-9a-f]{64}$'`)
	]
);

export const jobStatus = pgEnum('job_status', ['pending', 'running', 'done', 'failed']);

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
	report: jsonb('report'),
	createdAt: createdAt(),
	finishedAt: timestamp('finished_at', { withTimezone: true })
});

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
		index('merchants_verified_idx').on(t.status, t.verifiedAt),
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

/** Places Chinese visitors go; coverage is measured around them. */
export const attractions = pgTable(
	'attractions',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		slug: text('slug').notNull().unique(),
		nameFr: text('name_fr').notNull(),
		nameZh: text('name_zh').notNull(),
		kind: attractionKind('kind').notNull(),
		latitude: doublePrecision('latitude').notNull(),
		longitude: doublePrecision('longitude').notNull()
	},
	() => [check('attractions_position_in_idf', inIdf('latitude', 'longitude'))]
);

/** H3 resolution of the coarse area cells of demand events (~5 km² hexagons). */
export const DEMAND_CELL_RESOLUTION = 7;

/**
 * One anonymous search, recorded for demand metrics only: the day, the category searched
 * (if any), a coarse H3 cell of the map centre and how many merchants were found.
 * Never an IP address, a session or a precise position.
 */
export const demandEvents = pgTable(
	'demand_events',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		day: date('day').notNull(),
		category: category('category'),
		areaCell: text('area_cell'),
		resultCount: integer('result_count').notNull(),
		isDemo: boolean('is_demo').notNull().default(false)
	},
	(t) => [
		index('demand_events_day_idx').on(t.day),
		index('demand_events_cell_category_idx').on(t.areaCell, t.category),
		check('demand_events_result_count', sql`${t.resultCount} >= 0`)
	]
);

/** Anonymous per-day counters of a listing's audience, for the merchant's dashboard. */
export const merchantDailyStats = pgTable(
	'merchant_daily_stats',
	{
		merchantId: integer('merchant_id')
			.notNull()
			.references(() => merchants.id, { onDelete: 'cascade' }),
		day: date('day').notNull(),
		pageViews: integer('page_views').notNull().default(0),
		directionClicks: integer('direction_clicks').notNull().default(0),
		cashierCardOpens: integer('cashier_card_opens').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.merchantId, t.day] })]
);

/** The partnership's goals: a number of approved merchants by a date, overall or per département. */
export const partnershipTargets = pgTable(
	'partnership_targets',
	{
		id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
		/** Null for the whole region. */
		departement: departement('departement'),
		targetCount: integer('target_count').notNull(),
		targetDate: date('target_date').notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		check('partnership_targets_positive', sql`${t.targetCount} > 0`),
		// One target per scope and date; the region-wide scope is the null département.
		unique('partnership_targets_scope_date').on(t.departement, t.targetDate).nullsNotDistinct()
	]
);

export * from './schema-verification';

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Merchant = typeof merchants.$inferSelect;
export type NewMerchant = typeof merchants.$inferInsert;
export type MerchantRevision = typeof merchantRevisions.$inferSelect;
export type Attraction = typeof attractions.$inferSelect;

export * from './schema-audience';
export * from './schema-reports';
