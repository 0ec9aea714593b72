/**
 * The yearly reconfirmation's single-use links: "still accepting Alipay" confirms a listing in one
 * click, without signing in. Only the SHA-256 of the token is kept, as for sessions and invitations.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { merchants } from './schema';

export const reconfirmationTokens = pgTable(
	'reconfirmation_tokens',
	{
		id: text('id').primaryKey(),
		merchantId: integer('merchant_id')
			.notNull()
			.references(() => merchants.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('reconfirmation_tokens_merchant_idx').on(t.merchantId),
		check('reconfirmation_tokens_id_sha256', sql`${t.id} ~ '^[0-9a-f]{64}$'`)
	]
);
