import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, merchants, sessions, users } from '../db/schema';
import { logIn } from '../auth/accounts';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import {
	INVITATION_LIFETIME_MS,
	acceptInvitation,
	createAdmin,
	invitationAccount,
	inviteOfficial,
	setMemberActive,
	teamMembers
} from './team';
import { supportSearch } from './search';
import { makeSiret } from '../../merchants/siret';

let t: TestDatabase;
let adminId: string;
const ip = '192.0.2.10';
const password = 'une phrase assez longue pour la politique';

beforeAll(async () => {
	t = await openTestDatabase();
});
afterAll(() => t?.close());

describe('the partnership team', () => {
	it('creates an administrator, with the password policy and one account per address', async () => {
		const created = await createAdmin(t.db, { email: ' Chef@Region.fr ', password });
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		adminId = created.userId;
		const [row] = await t.db.select().from(users).where(eq(users.id, adminId));
		expect(row).toMatchObject({ email: 'chef@region.fr', role: 'admin' });
		expect(await createAdmin(t.db, { email: 'chef@region.fr', password })).toMatchObject({
			ok: false,
			errors: { email: 'email_taken' }
		});
		expect(await createAdmin(t.db, { email: 'x@region.fr', password: 'court' })).toMatchObject({
			ok: false,
			errors: { password: 'password_too_short' }
		});
		expect((await logIn(t.db, { email: 'chef@region.fr', password, ip })).ok).toBe(true);
	});

	it('invites an official, who sets a password once through the link and can then log in', async () => {
		const now = new Date();
		const invited = await inviteOfficial(
			t.db,
			{ id: adminId },
			{ email: 'agent@region.fr', displayName: 'Agent Dupont', locale: 'fr' },
			now
		);
		if (!invited.ok) throw new Error('invite refused');
		// No password yet: the account cannot log in.
		expect((await logIn(t.db, { email: 'agent@region.fr', password, ip })).ok).toBe(false);
		expect(await invitationAccount(t.db, invited.token)).toMatchObject({
			email: 'agent@region.fr'
		});
		expect(
			await acceptInvitation(t.db, {
				token: invited.token,
				password: 'court',
				passwordConfirm: 'court'
			})
		).toMatchObject({ ok: false, errors: { password: 'password_too_short' } });
		const accepted = await acceptInvitation(t.db, {
			token: invited.token,
			password,
			passwordConfirm: password
		});
		expect(accepted.ok).toBe(true);
		expect((await logIn(t.db, { email: 'agent@region.fr', password, ip })).ok).toBe(true);
		// Single use.
		expect(
			await acceptInvitation(t.db, { token: invited.token, password, passwordConfirm: password })
		).toMatchObject({ ok: false, errors: { form: 'reset_link_invalid' } });
		const actions = (await t.db.select().from(auditEvents)).map((e) => e.action);
		expect(actions).toEqual(
			expect.arrayContaining(['admin_created', 'official_invited', 'invitation_accepted'])
		);
	});

	it('refuses an invitation older than 7 days and an address already taken', async () => {
		const past = new Date(Date.now() - INVITATION_LIFETIME_MS - 60_000);
		const invited = await inviteOfficial(
			t.db,
			{ id: adminId },
			{ email: 'tard@region.fr', displayName: '', locale: 'zh' },
			past
		);
		if (!invited.ok) throw new Error('invite refused');
		expect(await invitationAccount(t.db, invited.token)).toBeNull();
		// Inviting again sends a fresh link; the old one stays dead.
		const again = await inviteOfficial(
			t.db,
			{ id: adminId },
			{ email: 'tard@region.fr', displayName: '', locale: 'zh' }
		);
		if (!again.ok) throw new Error('re-invite refused');
		expect(again.locale).toBe('zh');
		expect(await invitationAccount(t.db, again.token)).not.toBeNull();
		expect(
			await inviteOfficial(
				t.db,
				{ id: adminId },
				{ email: 'agent@region.fr', displayName: '', locale: 'fr' }
			)
		).toMatchObject({ ok: false, errors: { email: 'email_taken' } });
		const team = await teamMembers(t.db);
		expect(team.find((m) => m.email === 'tard@region.fr')?.invited).toBe(true);
		expect(team.find((m) => m.email === 'agent@region.fr')?.invited).toBe(false);
	});

	it('deactivation ends every session at once; reactivation lets the member back in', async () => {
		const [agent] = await t.db.select().from(users).where(eq(users.email, 'agent@region.fr'));
		const token = generateSessionToken();
		await createSession(t.db, token, agent.id);
		expect((await validateSessionToken(t.db, token)).user?.email).toBe('agent@region.fr');
		expect(await setMemberActive(t.db, { id: adminId }, agent.id, false)).toEqual({ ok: true });
		expect((await validateSessionToken(t.db, token)).user).toBeNull();
		expect(await t.db.select().from(sessions).where(eq(sessions.userId, agent.id))).toEqual([]);
		expect((await logIn(t.db, { email: 'agent@region.fr', password, ip })).ok).toBe(false);
		expect(await setMemberActive(t.db, { id: adminId }, agent.id, true)).toEqual({ ok: true });
		expect((await logIn(t.db, { email: 'agent@region.fr', password, ip })).ok).toBe(true);
		expect(await setMemberActive(t.db, { id: adminId }, adminId, false)).toEqual({
			ok: false,
			reason: 'self'
		});
	});

	it('support search finds merchants and accounts by name, SIRET or e-mail', async () => {
		const [agent] = await t.db.select().from(users).where(eq(users.email, 'agent@region.fr'));
		const siret = makeSiret(44_444_444);
		await t.db.insert(merchants).values({
			legalName: 'SAS Jade',
			tradeNameFr: 'Maison de Jade',
			tradeNameZh: '玉之家',
			category: 'souvenirs',
			siret,
			ownerId: agent.id,
			status: 'pending'
		});
		expect((await supportSearch(t.db, 'jade', null)).merchants.map((r) => r.siret)).toEqual([
			siret
		]);
		expect((await supportSearch(t.db, '玉之', null)).merchants).toHaveLength(1);
		expect((await supportSearch(t.db, siret.slice(0, 9), null)).merchants).toHaveLength(1);
		expect((await supportSearch(t.db, 'agent@region', null)).merchants).toHaveLength(1);
		expect((await supportSearch(t.db, 'Dupont', null)).users.map((u) => u.email)).toEqual([
			'agent@region.fr'
		]);
		expect((await supportSearch(t.db, '', 'pending')).merchants).toHaveLength(1);
		expect((await supportSearch(t.db, 'jade', 'approved')).merchants).toHaveLength(0);
	});
});
