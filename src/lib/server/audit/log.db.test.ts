import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { merchants, users } from '../db/schema';
import { recordAudit, recordAudits } from './record';
import { auditActions, auditLogPage } from './log';
import { AUDIT_PAGE_SIZE, parseAuditFilters } from '../../admin/audit-filters';
import { makeSiret } from '../../merchants/siret';

let t: TestDatabase;
const siret = makeSiret(12_345_678);
const filters = (query: string) => parseAuditFilters(new URLSearchParams(query)).filters;

beforeAll(async () => {
	t = await openTestDatabase();
	const [alice, bob] = await t.db
		.insert(users)
		.values([
			{ email: 'alice@region.fr', role: 'official', displayName: 'Alice Martin' },
			{ email: 'bob@region.fr', role: 'admin' }
		])
		.returning({ id: users.id });
	const [shop, other] = await t.db
		.insert(merchants)
		.values([
			{ legalName: 'SAS Thé', tradeNameFr: 'Maison du Thé', category: 'food_wine', siret },
			{ legalName: 'SARL B', tradeNameFr: 'Boulangerie', category: 'food_wine' }
		])
		.returning({ id: merchants.id });
	await recordAudit(t.db, {
		actorId: alice.id,
		action: 'approve',
		merchantId: shop.id,
		fromStatus: 'pending',
		toStatus: 'approved',
		// 23:30 in Paris on 1 November 2026 (UTC+1)
		at: new Date('2026-11-01T22:30:00Z')
	});
	await recordAudit(t.db, {
		actorId: bob.id,
		action: 'suspend',
		merchantId: shop.id,
		reasonCode: 'other',
		before: { status: 'approved' },
		after: { status: 'suspended' },
		at: new Date('2026-11-02T09:00:00Z')
	});
	await recordAudits(
		t.db,
		Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, i) => ({
			actorId: null,
			action: 'import_create',
			merchantId: other.id,
			at: new Date(Date.UTC(2026, 9, 1, 0, i))
		}))
	);
});
afterAll(() => t?.close());

describe('audit log listing', () => {
	it('lists newest first, a page at a time', async () => {
		const first = await auditLogPage(t.db, filters(''));
		expect(first.total).toBe(AUDIT_PAGE_SIZE + 7);
		expect(first.pages).toBe(2);
		expect(first.rows[0].action).toBe('suspend');
		expect(first.rows[0].actorEmail).toBe('bob@region.fr');
		expect(first.rows[0].after).toEqual({ status: 'suspended' });
		const second = await auditLogPage(t.db, filters('page=2'));
		expect(second.rows).toHaveLength(7);
	});

	it('filters by actor name or e-mail, action, merchant', async () => {
		expect((await auditLogPage(t.db, filters('actor=martin'))).rows.map((r) => r.action)).toEqual([
			'approve'
		]);
		expect((await auditLogPage(t.db, filters('action=suspend'))).total).toBe(1);
		expect((await auditLogPage(t.db, filters(`merchant=${siret}`))).total).toBe(2);
		expect((await auditLogPage(t.db, filters('merchant=maison du'))).total).toBe(2);
		expect((await auditLogPage(t.db, filters('merchant=50%'))).total).toBe(0);
	});

	it('filters by day in Paris time', async () => {
		const nov1 = await auditLogPage(t.db, filters('from=2026-11-01&to=2026-11-01'));
		expect(nov1.rows.map((r) => r.action)).toEqual(['approve']);
		expect((await auditLogPage(t.db, filters('from=2026-11-02'))).total).toBe(1);
		expect((await auditLogPage(t.db, filters('to=2026-10-31'))).total).toBe(AUDIT_PAGE_SIZE + 5);
	});

	it('ignores days that do not exist instead of failing', async () => {
		const all = (await auditLogPage(t.db, filters(''))).total;
		for (const query of ['from=2025-02-31', 'to=2026-13-01', 'from=0000-01-01', 'to=2025-02-29']) {
			expect((await auditLogPage(t.db, filters(query))).total, query).toBe(all);
		}
		const marked = parseAuditFilters(new URLSearchParams('from=2025-02-31&to=2026-11-01'));
		expect(marked.invalidDays).toEqual(['from']);
	});

	it('takes NUL and other control characters out of the text filters', async () => {
		const page = await auditLogPage(t.db, filters('actor=mar%00tin&merchant=%00'));
		expect(page.rows.map((r) => r.action)).toEqual(['approve']);
	});

	it('offers the actions found in the log', async () => {
		expect(await auditActions(t.db)).toEqual(['approve', 'import_create', 'suspend']);
	});
});
