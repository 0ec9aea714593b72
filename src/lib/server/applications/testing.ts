/**
 * Shared by the applications' db tests: accounts, a complete application, a pending listing, a
 * result that must be ok, and what a listing's row, audit trail and outbox hold; and a test
 * file's database with its accounts and these helpers bound to it (applicationsTestBed).
 */
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { testDatabase } from '../db/testing';
import { makeSiret } from '../../merchants/siret';
import { auditEvents, jobs, merchants, users } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { MAIL_JOB } from '../mail/outbox';
import { APPLICATION_FIELDS, type ApplicationPatch } from '../../applications/fields';
import { hoursInput, parseApplication, weekToForm } from '../../applications/parse';
import { defaultWeek } from '../../hours/weekly';
import { communesByPostalCode } from '../geo/communes';
import { saveDraft, submit, type Actor, type WorkflowResult } from './workflow';

/** A complete application as the wizard would read it. */
export function completeApplication(
	siret: string,
	overrides: Record<string, string> = {}
): ApplicationPatch {
	const result = parseApplication(
		{
			legalName: 'SAS Maison Exemple',
			siret,
			tradeNameFr: 'Maison Exemple',
			tradeNameZh: '示例之家',
			category: 'cosmetics_pharmacy',
			address: '12 rue de Rivoli',
			postalCode: '75001',
			phone: '01 42 60 30 00',
			website: '',
			latitude: '48.8606',
			longitude: '2.3376',
			paymentMethods: 'alipay',
			acquirer: '',
			taxFree: 'on',
			chineseStaff: '',
			consentToPublish: 'on',
			[hoursInput.mode]: 'weekly',
			...weekToForm(defaultWeek()),
			...overrides
		},
		APPLICATION_FIELDS,
		{ mode: 'complete', communes: communesByPostalCode }
	);
	expect(result.errors).toEqual({});
	return result.values;
}

/** What a decision acts on: the listing at the version the deciding person saw. */
export const at = (listing: { id: number; version: number }) => ({
	merchantId: listing.id,
	expectedVersion: listing.version
});

/** The listing a successful call answers with; a failure fails the test with its reason. */
export function ok(result: WorkflowResult) {
	if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
	return result.merchant;
}

/** Accounts for a test, as a session sees them (each is also a workflow actor). */
export async function createAccounts(
	db: Database,
	accounts: (typeof users.$inferInsert)[]
): Promise<SessionUser[]> {
	const rows = await db.insert(users).values(accounts).returning();
	return rows.map((u) => ({
		id: u.id,
		email: u.email,
		role: u.role,
		locale: u.locale,
		displayName: u.displayName
	}));
}

/** A complete application of the owner's, saved and submitted: pending review. */
export async function pendingListing(
	db: Database,
	owner: Actor,
	siret: string,
	overrides: Record<string, string> = {}
) {
	const draft = ok(await saveDraft(db, owner, { values: completeApplication(siret, overrides) }));
	return ok(await submit(db, owner, draft.id));
}

/** A listing's row as stored. */
export const listingRow = async (db: Database, id: number) =>
	(await db.select().from(merchants).where(eq(merchants.id, id)))[0];

/** A listing's audit rows, oldest first. */
export const auditTrail = (db: Database, id: number) =>
	db.select().from(auditEvents).where(eq(auditEvents.merchantId, id)).orderBy(auditEvents.id);

/** The e-mails waiting in the outbox. */
export async function outboxMails(db: Database) {
	const rows = await db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB));
	return rows.map((r) => r.payload as { to: string; subject: string; text: string; kind: string });
}

type Role = (typeof users.$inferInsert)['role'];
type Locale = (typeof users.$inferInsert)['locale'];

/**
 * A db test file's own database, awaited at the top of the file and closed after its tests: its
 * accounts (each `name:role` or `name:role:locale`, e-mailed at name@domain.test) in the order
 * given, and the helpers above bound to it, each new listing with a SIRET of its own from
 * `siretStem` on.
 */
export async function applicationsTestBed(domain: string, accounts: string[], siretStem: number) {
	const t = await testDatabase();
	const db = t.db;
	const actors = await createAccounts(
		db,
		accounts.map((spec) => {
			const [name, role, locale] = spec.split(':');
			return {
				email: `${name}@${domain}.test`,
				role: role as Role,
				...(locale ? { locale: locale as Locale } : {})
			};
		})
	);
	let stem = siretStem;
	const siret = () => makeSiret(stem++);
	return {
		db,
		actors,
		siret,
		complete: (overrides: Record<string, string> = {}) => completeApplication(siret(), overrides),
		row: (id: number) => listingRow(db, id),
		events: (id: number) => auditTrail(db, id),
		pendingListing: (owner: Actor, overrides: Record<string, string> = {}) =>
			pendingListing(db, owner, siret(), overrides),
		mails: () => outboxMails(db)
	};
}
