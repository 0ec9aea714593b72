import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, or } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import {
	auditEvents,
	merchantRevisions,
	merchants,
	rateLimits,
	sessions,
	userTokens,
	users,
	type NewMerchant
} from '../db/schema';
import { logIn } from './accounts';
import { createMerchantAccount } from './testing';
import { createResetToken } from './password-reset';
import { createSession, generateSessionToken } from './session';
import { deleteAccount, exportPersonalData, tombstoneEmail } from './personal-data';
import { approvedListings } from '../merchants/listing-index';
import { makeSiret } from '../../merchants/siret';
import type { SessionUser } from './session';

let t: TestDatabase;
let owner: SessionUser;
let officialId: string;
const ids: Record<'approved' | 'pending' | 'draft' | 'other', number> = {
	approved: 0,
	pending: 0,
	draft: 0,
	other: 0
};
const email = 'gdpr@example.fr';
const password = 'phrase secrète du commerçant';
const ip = '198.51.100.77';

const shop = (over: Partial<NewMerchant>): NewMerchant => ({
	legalName: 'SARL Test',
	tradeNameFr: 'Boutique Test',
	category: 'souvenirs',
	...over
});
const approvedShop = (name: string, siretSeed: number, ownerId: string | null): NewMerchant =>
	shop({
		ownerId,
		tradeNameFr: name,
		status: 'approved',
		paymentMethods: ['alipay'],
		siret: makeSiret(siretSeed),
		address: '1 rue de Rivoli',
		postalCode: '75001',
		communeCode: '75101',
		communeName: 'Paris',
		departement: '75',
		latitude: 48.86,
		longitude: 2.34,
		acceptedSince: new Date('2025-01-01T00:00:00Z'),
		verifiedAt: new Date('2025-01-01T00:00:00Z'),
		consentToPublish: true
	});

beforeAll(async () => {
	t = await openTestDatabase();
	const created = await createMerchantAccount(t.db, {
		email,
		password,
		locale: 'fr'
	});
	if (!created.ok) throw new Error('setup');
	owner = created.user;
	await t.db.update(users).set({ displayName: 'Mme Chen' }).where(eq(users.id, owner.id));
	const [official] = await t.db
		.insert(users)
		.values({ email: 'officiel@example.fr', role: 'official' })
		.returning();
	officialId = official.id;
	const rows = await t.db
		.insert(merchants)
		.values([
			approvedShop('Boutique Chen', 1, owner.id),
			shop({
				ownerId: owner.id,
				tradeNameFr: 'Chen Bis',
				status: 'pending',
				submittedAt: new Date()
			}),
			shop({ ownerId: owner.id, tradeNameFr: 'Chen Brouillon', status: 'draft' }),
			approvedShop('Voisin', 2, null)
		])
		.returning({ id: merchants.id });
	[ids.approved, ids.pending, ids.draft, ids.other] = rows.map((r) => r.id);
	await t.db.insert(merchantRevisions).values({
		merchantId: ids.approved,
		proposedBy: owner.id,
		changes: { openingHours: 'Mo-Sa 10:00-19:00' },
		status: 'draft'
	});
	await t.db.insert(auditEvents).values([
		{
			actorId: owner.id,
			action: 'submit',
			merchantId: ids.approved,
			fromStatus: 'draft',
			toStatus: 'pending'
		},
		{
			actorId: officialId,
			action: 'approve',
			merchantId: ids.approved,
			fromStatus: 'pending',
			toStatus: 'approved',
			reasonText: 'Dossier complet'
		},
		{
			actorId: owner.id,
			subjectUserId: owner.id,
			action: 'profile_updated',
			before: { email: 'ancien@example.fr', displayName: 'Chen' },
			after: { email, displayName: 'Mme Chen', locale: 'fr' }
		},
		{ actorId: officialId, action: 'approve', merchantId: ids.other, toStatus: 'approved' }
	]);
	await createSession(t.db, generateSessionToken(), owner.id);
	await createResetToken(t.db, email, new Date());
	await logIn(t.db, { email, password: 'mauvais mot de passe', ip });
});
afterAll(async () => {
	await t?.close();
});

describe('download my data', () => {
	it('holds the account without its password hash, its listings, revisions and history', async () => {
		const data = await exportPersonalData(t.db, owner.id);
		const json = JSON.stringify(data);
		expect(json).not.toMatch(/argon2|passwordHash|password_hash/);
		expect(data.account).toMatchObject({
			id: owner.id,
			email,
			role: 'merchant',
			displayName: 'Mme Chen'
		});
		expect(data.sessions).toHaveLength(1);
		expect(data.listings.map((l) => l.id).sort()).toEqual(
			[ids.approved, ids.pending, ids.draft].sort()
		);
		expect(data.listings.map((l) => l.id)).not.toContain(ids.other);
		expect(data.revisions).toHaveLength(1);
		expect(data.revisions[0]).toMatchObject({ merchantId: ids.approved, proposedByYou: true });
		const actions = data.history.map((h) => `${h.action}:${h.byYou}`);
		expect(actions).toEqual(
			expect.arrayContaining([
				'account_created:true',
				'submit:true',
				'approve:false',
				'profile_updated:true'
			])
		);
		// Only this account's events and those of its listings; never the reviewers' ids.
		expect(data.history.some((h) => h.merchantId === ids.other)).toBe(false);
		expect(json).not.toContain(officialId);
		expect(JSON.parse(json).account.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
	});
});

describe('delete my account', () => {
	it('asks for the password first and changes nothing when it is wrong', async () => {
		const result = await deleteAccount(t.db, owner, { password: 'pas le bon', ip });
		expect(result).toEqual({ ok: false, errors: { password: 'password_current_wrong' } });
		const [row] = await t.db.select().from(users).where(eq(users.id, owner.id));
		expect(row.email).toBe(email);
		expect(row.deletedAt).toBeNull();
	});

	it('unpublishes the listings and leaves no personal data, in one go', async () => {
		expect((await approvedListings(t.db)).map((l) => l.id)).toContain(ids.approved);
		const result = await deleteAccount(t.db, owner, { password, ip });
		expect(result).toEqual({ ok: true, unpublished: 1 });

		const [row] = await t.db.select().from(users).where(eq(users.id, owner.id));
		expect(row).toMatchObject({
			email: tombstoneEmail(owner.id),
			passwordHash: null,
			displayName: null,
			active: false
		});
		expect(row.email).toBe(`deleted-${owner.id}@invalid`);
		expect(row.deletedAt).toBeInstanceOf(Date);

		expect(await t.db.select().from(sessions).where(eq(sessions.userId, owner.id))).toEqual([]);
		expect(await t.db.select().from(userTokens).where(eq(userTokens.userId, owner.id))).toEqual([]);
		expect(await t.db.select().from(rateLimits)).toHaveLength(1); // the IP's counter only

		const statuses = Object.fromEntries(
			(await t.db.select({ id: merchants.id, status: merchants.status }).from(merchants)).map(
				(m) => [m.id, m.status]
			)
		);
		expect(statuses).toEqual({
			[ids.approved]: 'suspended',
			[ids.pending]: 'draft',
			[ids.draft]: 'draft',
			[ids.other]: 'approved'
		});
		const [revision] = await t.db.select().from(merchantRevisions);
		expect(revision.status).toBe('withdrawn');
		// The public map stops showing the shop at once.
		const onMap = (await approvedListings(t.db)).map((l) => l.id);
		expect(onMap).not.toContain(ids.approved);
		expect(onMap).toContain(ids.other);

		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(or(eq(auditEvents.actorId, owner.id), eq(auditEvents.subjectUserId, owner.id)));
		const text = JSON.stringify(audit);
		expect(text).not.toContain('example.fr');
		expect(text).not.toContain('Chen');
		expect(audit.find((a) => a.action === 'profile_updated')?.after).toEqual({ locale: 'fr' });
		const deletion = audit.find((a) => a.action === 'account_deleted');
		expect(deletion).toMatchObject({ actorId: owner.id, after: { listingsUnpublished: 1 } });
		expect(
			audit
				.filter((a) => a.reasonCode === 'account_deleted')
				.map((a) => a.action)
				.sort()
		).toEqual(['suspend', 'withdraw']);
	});

	it('the erased account can no longer log in, and its address is free again', async () => {
		expect((await logIn(t.db, { email, password, ip: '198.51.100.78' })).ok).toBe(false);
		const again = await createMerchantAccount(t.db, {
			email,
			password,
			locale: 'fr'
		});
		expect(again.ok).toBe(true);
	});
});
