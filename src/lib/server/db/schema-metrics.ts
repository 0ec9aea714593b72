/** What the metrics measure against: attractions, anonymous searches and the partnership's targets. */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	pgTable,
	text,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { attractionKind, category, createdAt, departement, inIdf } from './schema-common';
import { users } from './schema-accounts';

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
 * Anonymous searches, recorded for demand metrics only, as counts: how many searches (`searches`)
 * on one day for one category (if any), in a coarse H3 cell of the map centre, found that many
 * merchants. The server counts them in memory and writes them in batches (search-counts.ts), so
 * a row adds up the searches of one flush. Never an IP address, a session or a precise position.
 */
export const demandEvents = pgTable(
	'demand_events',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		day: date('day').notNull(),
		category: category('category'),
		areaCell: text('area_cell'),
		resultCount: integer('result_count').notNull(),
		/** How many such searches this row counts. */
		searches: integer('searches').notNull().default(1),
		isDemo: boolean('is_demo').notNull().default(false)
	},
	(t) => [
		index('demand_events_day_idx').on(t.day),
		index('demand_events_cell_category_idx').on(t.areaCell, t.category),
		check('demand_events_result_count', sql`${t.resultCount} >= 0`),
		check('demand_events_searches', sql`${t.searches} >= 1`)
	]
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
