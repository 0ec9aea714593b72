/**
 * Issue 12: only shops that take Alipay or Alipay+ are listed. The database refuses an approved
 * listing without either, the wizard answers beside the payment field, the import refuses the
 * row with its reason, approval and reinstatement refuse such a listing, and the migration moved
 * the public ones that broke the rule out of view (suspended, audited, nothing deleted).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, merchants, type NewMerchant } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { makeSiret } from '../../merchants/siret';
import { takesAlipay } from '../../merchants/vocabulary';
import { wizardAction } from './wizard';
import { approve, reinstate } from './workflow';
import { createDryRun, importById } from '../imports/import';
import { completeApplication, createAccounts } from './testing';

let t: TestDatabase;
let owner: SessionUser;
let official: SessionUser;

beforeAll(async () => {
	t = await openTestDatabase();
	[owner, official] = await createAccounts(t.db, [
		{ email: 'alipay-owner@shop.test', role: 'merchant' },
		{ email: 'alipay-official@region.test', role: 'official' }
	]);
});
afterAll(() => t?.close());

let next = 70_000_000;
const listing = (overrides: Partial<NewMerchant> = {}): NewMerchant => ({
	...(completeApplication(makeSiret(next++)) as NewMerchant),
	communeName: 'Paris 1er Arrondissement',
	departement: '75',
	status: 'approved',
	acceptedSince: new Date(),
	verifiedAt: new Date(),
	...overrides
});

/** The constraint a failed statement broke (drizzle wraps the driver's error). */
async function violation(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (error) {
		const e = error as { cause?: { constraint?: string; constraint_name?: string } };
		return e.cause?.constraint_name ?? e.cause?.constraint ?? String(error);
	}
	return 'no violation';
}

const form = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of [value].flat()) data.append(name, v);
	}
	return data;
};

describe('only shops that take Alipay or Alipay+ are listed', () => {
	it('says which payment methods count', () => {
		expect(takesAlipay(['alipay'])).toBe(true);
		expect(takesAlipay(['alipay_plus', 'unionpay'])).toBe(true);
		expect(takesAlipay(['wechat_pay', 'unionpay'])).toBe(false);
		expect(takesAlipay([])).toBe(false);
	});

	it('the database refuses an approved listing without Alipay, but not a draft or a pending one', async () => {
		expect(
			await violation(t.db.insert(merchants).values(listing({ paymentMethods: ['wechat_pay'] })))
		).toMatch(/merchants_approved_takes_alipay/);
		await t.db.insert(merchants).values(listing({ paymentMethods: ['alipay_plus'] }));
		const [pending] = await t.db
			.insert(merchants)
			.values(listing({ paymentMethods: ['unionpay'], status: 'pending', acceptedSince: null }))
			.returning();
		expect(
			await violation(
				t.db
					.update(merchants)
					.set({ status: 'approved', acceptedSince: new Date() })
					.where(eq(merchants.id, pending.id))
			)
		).toMatch(/merchants_approved_takes_alipay/);
	});

	it('the wizard answers beside the payment field and keeps what was ticked', async () => {
		const start = await wizardAction(
			t.db,
			owner,
			null,
			'shop',
			form({
				legalName: 'SAS Thé Vert',
				siret: makeSiret(next++),
				tradeNameFr: 'Thé Vert',
				category: 'food_wine'
			})
		);
		const id = Number(start.type === 'go' ? start.path.split('/')[3] : NaN);
		expect(id).toBeGreaterThan(0);
		const refused = await wizardAction(
			t.db,
			owner,
			id,
			'payment',
			form({ paymentMethods: ['wechat_pay', 'unionpay'] })
		);
		expect(refused).toMatchObject({
			type: 'refused',
			refusal: {
				step: 'payment',
				errors: { paymentMethods: 'payment_no_alipay' },
				values: { paymentMethods: 'wechat_pay,unionpay' }
			}
		});
		const saved = await wizardAction(
			t.db,
			owner,
			id,
			'payment',
			form({ paymentMethods: ['alipay_plus', 'wechat_pay'] })
		);
		expect(saved.type).toBe('go');
		const [row] = await t.db.select().from(merchants).where(eq(merchants.id, id));
		expect(row.paymentMethods).toEqual(['alipay_plus', 'wechat_pay']);
	});

	it('the import refuses the row with its reason beside the payment column', async () => {
		const header =
			'siret;raison_sociale;enseigne;categorie;adresse;code_postal;ville;moyens_paiement;detaxe;personnel_chinois';
		const ok = `${makeSiret(next++)};SAS A;Boutique A;souvenirs;1 rue de Rivoli;75001;Paris;Alipay+|WeChat Pay;non;non`;
		const wechatOnly = `${makeSiret(next++)};SAS B;Boutique B;souvenirs;2 rue de Rivoli;75001;Paris;WeChat Pay|UnionPay;non;non`;
		const dry = await createDryRun(t.db, {
			csv: [header, ok, wechatOnly].join('\n'),
			filename: 'wechat.csv',
			acquirer: 'Acquéreur Démo',
			uploadedBy: official.id
		});
		if (!dry.ok) throw new Error(dry.problem);
		const report = (await importById(t.db, dry.importId))!.report!;
		expect(report.rows.map((r) => r.outcome)).toEqual(['create', 'invalid']);
		expect(report.rows[1].errors).toEqual({ moyens_paiement: 'payment_no_alipay' });
	});

	it('approval and reinstatement refuse a listing without Alipay, beside the payment field', async () => {
		const [pending] = await t.db
			.insert(merchants)
			.values(listing({ paymentMethods: ['wechat_pay'], status: 'pending', acceptedSince: null }))
			.returning();
		expect(await approve(t.db, official, { merchantId: pending.id, expectedVersion: 1 })).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { paymentMethods: 'payment_no_alipay' }
		});
		const [suspended] = await t.db
			.insert(merchants)
			.values(listing({ paymentMethods: ['unionpay'], status: 'suspended' }))
			.returning();
		expect(
			await reinstate(t.db, official, { merchantId: suspended.id, expectedVersion: 1 })
		).toMatchObject({
			ok: false,
			reason: 'invalid',
			errors: { paymentMethods: 'payment_no_alipay' }
		});
	});
});

describe('the migration that applied the rule (drizzle/0009_alipay_reconfirmation.sql)', () => {
	/** The file's statements from its data migration on: what ran on databases that had offenders. */
	const statements = readFileSync('drizzle/0009_alipay_reconfirmation.sql', 'utf8')
		.split('--> statement-breakpoint')
		.map((s) => s.trim())
		.filter((s) => /WITH "moved"|merchants_approved_takes_alipay/.test(s));

	it('suspends public listings without Alipay with an audit row each, and deletes nothing', async () => {
		expect(statements).toHaveLength(2);
		await t.db.execute(sql`ALTER TABLE merchants DROP CONSTRAINT merchants_approved_takes_alipay`);
		const [offender, fine, draft] = await t.db
			.insert(merchants)
			.values([
				listing({ paymentMethods: ['wechat_pay', 'unionpay'] }),
				listing({ paymentMethods: ['alipay', 'wechat_pay'] }),
				listing({ paymentMethods: ['wechat_pay'], status: 'draft', acceptedSince: null })
			])
			.returning();
		const before = (await t.db.select({ id: merchants.id }).from(merchants)).length;
		for (const statement of statements) await t.db.execute(sql.raw(statement));

		const rows = await t.db.select().from(merchants);
		expect(rows).toHaveLength(before);
		const byId = new Map(rows.map((r) => [r.id, r]));
		expect(byId.get(offender.id)).toMatchObject({ status: 'suspended', version: 2 });
		expect(byId.get(fine.id)).toMatchObject({ status: 'approved', version: 1 });
		expect(byId.get(draft.id)).toMatchObject({ status: 'draft', version: 1 });
		expect(
			rows.filter((r) => r.status === 'approved').every((r) => takesAlipay(r.paymentMethods))
		).toBe(true);

		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.merchantId, offender.id), eq(auditEvents.action, 'suspend')));
		expect(audits).toEqual([
			expect.objectContaining({
				actorId: null,
				fromStatus: 'approved',
				toStatus: 'suspended',
				reasonCode: 'not_accepting_alipay',
				before: { status: 'approved', version: 1 },
				after: { status: 'suspended', version: 2 }
			})
		]);
		// The rule is back in force.
		expect(
			await violation(
				t.db.update(merchants).set({ status: 'approved' }).where(eq(merchants.id, offender.id))
			)
		).toMatch(/merchants_approved_takes_alipay/);
	});
});
