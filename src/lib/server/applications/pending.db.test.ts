/**
 * A pending application stays complete (issue 15, defect 4): "save as draft" on the hours,
 * payment or review step of a pending application used to clear its hours, payment methods and
 * consent while it stayed pending, and approve() then published it. Now such a save is refused
 * with the errors by field, and approval checks every rule submission checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, merchants, users, type NewMerchant } from '../db/schema';
import type { Database } from '../db/client';
import { makeSiret } from '../../merchants/siret';
import { STEP_FIELDS, type ApplicationStep } from '../../applications/fields';
import { hoursInput, parseApplication } from '../../applications/parse';
import { communesByPostalCode } from '../geo/communes';
import { approve, saveDraft, submit, withdraw, type Actor } from './workflow';
import { at, completeApplication, ok } from './testing';

let t: TestDatabase;
let db: Database;
let merchant: Actor;
let reviewer: Actor;
let siretStem = 62_000_000;

const row = async (id: number) =>
	(await db.select().from(merchants).where(eq(merchants.id, id)))[0];
const eventCount = async () => (await db.select().from(auditEvents)).length;

async function pendingListing() {
	const created = ok(
		await saveDraft(db, merchant, { values: completeApplication(makeSiret(siretStem++)) })
	);
	return ok(await submit(db, merchant, created.id));
}

/** What "save as draft" on a step posts when the merchant leaves it empty, as the wizard reads it. */
function emptyStep(step: ApplicationStep) {
	const form = { [hoursInput.mode]: '', paymentMethods: '', consentToPublish: '' };
	return parseApplication(form, STEP_FIELDS[step], {
		mode: 'draft',
		communes: communesByPostalCode
	}).values;
}

beforeAll(async () => {
	t = await openTestDatabase();
	db = t.db;
	const [m, r] = await db
		.insert(users)
		.values([
			{ email: 'pending@boutique.test', role: 'merchant' },
			{ email: 'pending-agent@region.test', role: 'official' }
		])
		.returning();
	merchant = { id: m.id, role: m.role };
	reviewer = { id: r.id, role: r.role };
});
afterAll(() => t?.close());

describe('a pending application stays complete', () => {
	it.each([
		['hours', { openingHours: 'required' }],
		['payment', { paymentMethods: 'payment_required' }],
		['review', { consentToPublish: 'consent_required' }]
	] as const)(
		'refuses to empty the %s step of a pending application, and writes nothing',
		async (step, errors) => {
			const pending = await pendingListing();
			const before = await row(pending.id);
			const events = await eventCount();
			const saved = await saveDraft(db, merchant, {
				merchantId: pending.id,
				values: emptyStep(step)
			});
			expect(saved).toEqual({ ok: false, reason: 'invalid', errors });
			expect(await row(pending.id)).toEqual(before);
			expect(await eventCount()).toBe(events);
			// Still pending and complete: the reviewer approves what the merchant submitted.
			const approved = ok(
				await approve(db, reviewer, { merchantId: pending.id, expectedVersion: before.version })
			);
			expect(approved.status).toBe('approved');
			const published = await row(pending.id);
			expect(published.consentToPublish).toBe(true);
			expect(published.paymentMethods).toEqual(['alipay']);
			expect(published.openingHours).toBe(before.openingHours);
		}
	);

	it('still takes a complete edit of a pending application', async () => {
		const pending = await pendingListing();
		const edited = ok(
			await saveDraft(db, merchant, {
				merchantId: pending.id,
				values: { paymentMethods: ['alipay', 'unionpay'], openingHours: 'Mo-Su 09:00-21:00' }
			})
		);
		expect(edited).toMatchObject({ status: 'pending', version: pending.version + 1 });
		expect(await row(pending.id)).toMatchObject({
			paymentMethods: ['alipay', 'unionpay'],
			openingHours: 'Mo-Su 09:00-21:00'
		});
	});

	it('lets the merchant empty the steps once the application is back in draft', async () => {
		const pending = await pendingListing();
		ok(await withdraw(db, merchant, pending.id));
		const saved = ok(
			await saveDraft(db, merchant, { merchantId: pending.id, values: emptyStep('payment') })
		);
		expect(saved.status).toBe('draft');
		expect((await row(pending.id)).paymentMethods).toEqual([]);
		expect(await submit(db, merchant, pending.id)).toMatchObject({
			ok: false,
			reason: 'invalid',
			errors: { paymentMethods: 'payment_required' }
		});
	});
});

describe('approval checks what submission checks', () => {
	it('refuses to publish a pending application that lost what submission asks for', async () => {
		const pending = await pendingListing();
		// As the defect left it: pending, without consent, payment methods or hours.
		await db
			.update(merchants)
			.set({ consentToPublish: false, paymentMethods: [], openingHours: null })
			.where(eq(merchants.id, pending.id));
		const events = await eventCount();
		expect(await approve(db, reviewer, at(pending))).toEqual({
			ok: false,
			reason: 'invalid',
			errors: {
				openingHours: 'required',
				paymentMethods: 'payment_required',
				consentToPublish: 'consent_required'
			}
		});
		expect((await row(pending.id)).status).toBe('pending');
		expect(await eventCount()).toBe(events);
	});

	it('holds a listing from an acquirer to what its import checked (hours may be missing)', async () => {
		const fromFile = (over: Partial<NewMerchant>): NewMerchant => ({
			...(completeApplication(makeSiret(siretStem++)) as NewMerchant),
			source: 'import',
			status: 'pending',
			submittedAt: new Date(),
			...over
		});
		const [imported] = await db
			.insert(merchants)
			.values(fromFile({ openingHours: null }))
			.returning();
		const approved = ok(await approve(db, reviewer, at(imported)));
		expect(approved.status).toBe('approved');

		const [bad] = await db
			.insert(merchants)
			.values(fromFile({ paymentMethods: [] }))
			.returning();
		expect(await approve(db, reviewer, at(bad))).toEqual({
			ok: false,
			reason: 'invalid',
			errors: { paymentMethods: 'payment_required' }
		});
	});
});
