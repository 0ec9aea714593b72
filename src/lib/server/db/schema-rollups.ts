/**
 * The adoption dashboard's rollups (metrics/rollups.ts), filled by the daily `metrics_rollup`
 * job so the dashboard never scans a million search events or every merchant: the days before
 * `metrics_rollup_state.through` come from here, the days since from the live tables.
 * - approval_rollups: per Paris day (and per month, the sum of its days), how many listings
 *   became accepting (`added`) and stopped (`removed`), by dimension: 'all', 'departement',
 *   'category', 'commune', 'pending' (applications submitted / decided) and 'near300' / 'near1000'
 *   (accepting merchants within 300 m / 1 km of an attraction; key: its id). Rebuilt whole by each
 *   run from the merchants (one pass), so it always matches them.
 * - demand_rollups: the anonymous search events per day (and month) × area cell × category;
 *   events are only ever added, so each run adds the days since the last one.
 * - freshness_listings / freshness_area_counts: today's freshness by commune (metrics/freshness.ts)
 *   as the nightly run found it, and each listing's part of it, so the dashboard corrects the
 *   counts with the listings changed since (merchants.updated_at) instead of reading them all.
 * - decision_durations / decision_rollups: each decided application's time to decide, and how
 *   many decisions per day (and month) took each whole number of days, so the headline's median
 *   reads a few hundred counts and the exact durations of one whole-day bucket (metrics/decisions.ts).
 * - report_rollups: tourists' reports per day (and month) by the listing's area.
 * - approval_inputs: each merchant's columns that approval_rollups is made of, as the last run
 *   counted them, so the next run takes out the old part of the merchants changed since and
 *   adds their new part instead of rebuilding every row (metrics/approvals-rollup.ts).
 */
import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	boolean,
	doublePrecision
} from 'drizzle-orm/pg-core';
import { CATEGORIES } from '../../merchants/vocabulary';

const grain = () => text('grain', { enum: ['day', 'month'] }).notNull();

export const approvalRollups = pgTable(
	'approval_rollups',
	{
		grain: grain(),
		/** The day, or the month's first day (Paris calendar). */
		period: date('period').notNull(),
		dimension: text('dimension').notNull(),
		key: text('key').notNull(),
		added: integer('added').notNull().default(0),
		removed: integer('removed').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.dimension, t.grain, t.period, t.key] }),
		check('approval_rollups_grain', sql`${t.grain} IN ('day', 'month')`)
	]
);

export const demandRollups = pgTable(
	'demand_rollups',
	{
		grain: grain(),
		period: date('period').notNull(),
		areaCell: text('area_cell').notNull(),
		/** Null: searches without a category. */
		category: text('category', { enum: CATEGORIES }),
		searches: integer('searches').notNull(),
		/** Searches that found fewer than FEW_RESULTS merchants. */
		poor: integer('poor').notNull(),
		/** Searches that found none. */
		empty: integer('empty').notNull()
	},
	(t) => [
		unique('demand_rollups_key').on(t.grain, t.period, t.areaCell, t.category).nullsNotDistinct(),
		check('demand_rollups_grain', sql`${t.grain} IN ('day', 'month')`),
		index('demand_rollups_period_idx').on(t.grain, t.period)
	]
);

/** Which days each rollup covers: every day before `through` (Paris calendar). */
export const metricsRollupState = pgTable('metrics_rollup_state', {
	name: text('name').primaryKey(),
	through: date('through').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Each public or lapsed listing's freshness inputs at the nightly run (`metrics_rollup_state`
 * 'freshness': `through` is the day they were counted for, `updated_at` when they were read).
 */
export const freshnessListings = pgTable('freshness_listings', {
	merchantId: integer('merchant_id').primaryKey(),
	departement: text('departement'),
	communeCode: text('commune_code'),
	communeName: text('commune_name'),
	/** Status approved: public. */
	listed: boolean('listed').notNull(),
	/** Suspended for want of reconfirmation. */
	lapsed: boolean('lapsed').notNull(),
	verifiedAt: timestamp('verified_at', { withTimezone: true })
});

/** The sums of freshness_listings by commune, for the run's day (docs/metrics.md, "Freshness"). */
export const freshnessAreaCounts = pgTable('freshness_area_counts', {
	departement: text('departement'),
	communeCode: text('commune_code'),
	communeName: text('commune_name'),
	listed: integer('listed').notNull(),
	fresh: integer('fresh').notNull(),
	soonStale: integer('soon_stale').notNull(),
	stale: integer('stale').notNull(),
	lapsed: integer('lapsed').notNull()
});

/**
 * Each decided application's time to decide as the nightly run read it (metrics/decisions.ts):
 * the Paris day of the decision, and the days from submission to decision, exact and floored.
 */
export const decisionDurations = pgTable(
	'decision_durations',
	{
		merchantId: integer('merchant_id').primaryKey(),
		day: date('day').notNull(),
		/** floor(days): the decision_rollups bucket it counts in. */
		bucket: integer('bucket').notNull(),
		days: doublePrecision('days').notNull()
	},
	(t) => [index('decision_durations_bucket_idx').on(t.bucket, t.day, t.days)]
);

/** How many of decision_durations' decisions per day (and month) fall in each whole-day bucket. */
export const decisionRollups = pgTable(
	'decision_rollups',
	{
		grain: grain(),
		period: date('period').notNull(),
		bucket: integer('bucket').notNull(),
		decisions: integer('decisions').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.grain, t.period, t.bucket] }),
		check('decision_rollups_grain', sql`${t.grain} IN ('day', 'month')`)
	]
);

/**
 * Tourists' reports (tourist_report_counts) per day (and month) by the listing's area as the
 * nightly run read it: every listing's (paid, problems) and the public listings' successes
 * (`listed_paid`, `listed_rows`: freshness_listings of the same run says which were public).
 */
export const reportRollups = pgTable(
	'report_rollups',
	{
		grain: grain(),
		period: date('period').notNull(),
		departement: text('departement'),
		communeCode: text('commune_code'),
		paid: integer('paid').notNull(),
		problems: integer('problems').notNull(),
		listedPaid: integer('listed_paid').notNull(),
		/** tourist_report_counts rows of public listings: an area with none is absent. */
		listedRows: integer('listed_rows').notNull()
	},
	(t) => [
		unique('report_rollups_key')
			.on(t.grain, t.period, t.departement, t.communeCode)
			.nullsNotDistinct(),
		check('report_rollups_grain', sql`${t.grain} IN ('day', 'month')`)
	]
);

/** Each merchant's inputs of approval_rollups as the last nightly run counted them. */
export const approvalInputs = pgTable('approval_inputs', {
	merchantId: integer('merchant_id').primaryKey(),
	status: text('status').notNull(),
	submittedAt: timestamp('submitted_at', { withTimezone: true }),
	acceptedSince: timestamp('accepted_since', { withTimezone: true }),
	decidedAt: timestamp('decided_at', { withTimezone: true }),
	departement: text('departement'),
	category: text('category'),
	communeCode: text('commune_code'),
	latitude: doublePrecision('latitude'),
	longitude: doublePrecision('longitude')
});
