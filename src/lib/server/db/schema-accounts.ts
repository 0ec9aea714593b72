/** Accounts: users, their sessions, single-use tokens, rate-limit counters and known devices. */
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, locale, userRole } from './schema-common';

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
