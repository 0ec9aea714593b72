import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from './testing';
import { queryRows } from './query';
import { attractions, merchants, users, type NewMerchant } from './schema';
import { makeSiret } from '../../merchants/siret';

const t = await testDatabase();

const shop = (overrides: Partial<NewMerchant> = {}): NewMerchant => ({
	legalName: 'PHARMACIE TEST SAS',
	tradeNameFr: 'Pharmacie Test',
	category: 'cosmetics_pharmacy',
	siret: makeSiret(12_345_678),
	address: '1 rue de Rivoli',
	postalCode: '75001',
	communeCode: '75101',
	communeName: 'Paris 1er Arrondissement',
	departement: '75',
	latitude: 48.86,
	longitude: 2.34,
	...overrides
});

/** The constraint a failed statement broke (drizzle wraps the driver's error). */
async function violation(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		const e = error as {
			cause?: { constraint?: string; constraint_name?: string; message?: string };
			message?: string;
		};
		return (
			e.cause?.constraint_name ??
			e.cause?.constraint ??
			e.cause?.message ??
			e.message ??
			String(error)
		);
	}
	return 'no error';
}

describe('schema constraints', () => {
	it('runs the migrations (all tables exist)', async () => {
		const rows = await queryRows<{ table_name: string }>(
			t.db,
			sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`
		);
		expect(rows.map((r) => r.table_name)).toEqual(
			expect.arrayContaining([
				'users',
				'sessions',
				'merchants',
				'merchant_revisions',
				'audit_events',
				'attractions',
				'demand_events',
				'partnership_targets',
				'merchant_daily_stats',
				'imports',
				'rate_limits',
				'user_tokens'
			])
		);
	});

	it('keeps e-mail addresses unique whatever their case', async () => {
		await t.db.insert(users).values({ email: 'Marie@Example.fr' });
		expect(await violation(t.db.insert(users).values({ email: 'marie@example.FR' }))).toMatch(
			/users_email_lower_key/
		);
	});

	it('keeps SIRETs unique and 14 digits', async () => {
		await t.db.insert(merchants).values(shop());
		expect(await violation(t.db.insert(merchants).values(shop({ tradeNameFr: 'Copie' })))).toMatch(
			/siret/
		);
		expect(await violation(t.db.insert(merchants).values(shop({ siret: '1234' })))).toMatch(
			/merchants_siret_format/
		);
	});

	it('refuses positions outside Île-de-France', async () => {
		const lyon = shop({ siret: makeSiret(12_345_679), latitude: 45.76, longitude: 4.83 });
		expect(await violation(t.db.insert(merchants).values(lyon))).toMatch(
			/merchants_position_in_idf/
		);
		const atSea = {
			slug: 'nowhere',
			nameFr: 'Nulle part',
			nameZh: '无处',
			kind: 'park' as const,
			latitude: 0,
			longitude: 0
		};
		expect(await violation(t.db.insert(attractions).values(atSea))).toMatch(
			/attractions_position_in_idf/
		);
	});

	it('refuses an approved listing without a date or a position', async () => {
		const noDate = shop({ siret: makeSiret(12_345_680), status: 'approved' });
		expect(await violation(t.db.insert(merchants).values(noDate))).toMatch(
			/merchants_approved_has_date/
		);
		const noPlace = shop({
			siret: makeSiret(12_345_681),
			status: 'approved',
			acceptedSince: new Date(),
			verifiedAt: new Date(),
			latitude: null,
			longitude: null
		});
		expect(await violation(t.db.insert(merchants).values(noPlace))).toMatch(
			/merchants_approved_is_complete/
		);
		const neverVerified = shop({
			siret: makeSiret(12_345_682),
			status: 'approved',
			acceptedSince: new Date()
		});
		expect(await violation(t.db.insert(merchants).values(neverVerified))).toMatch(
			/merchants_approved_is_verified/
		);
	});

	it('refuses values outside the enums', async () => {
		const bad = shop({ siret: makeSiret(12_345_682), category: 'casino' as never });
		expect(await violation(t.db.insert(merchants).values(bad))).toMatch(
			/invalid input value for enum category/
		);
	});

	it(`stores payment methods as an array (${'driver'})`, async () => {
		const [row] = await t.db
			.insert(merchants)
			.values(shop({ siret: makeSiret(12_345_683), paymentMethods: ['alipay', 'wechat_pay'] }))
			.returning();
		expect(row.paymentMethods).toEqual(['alipay', 'wechat_pay']);
		const found = await t.db
			.select({ id: merchants.id })
			.from(merchants)
			.where(sql`${merchants.paymentMethods} @> ARRAY['wechat_pay']::payment_method[]`);
		expect(found.map((f) => f.id)).toEqual([row.id]);
	});
});
