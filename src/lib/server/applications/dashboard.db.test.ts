import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { eq } from 'drizzle-orm';
import { merchantDailyStats, merchants, users } from '../db/schema';
import { recordTouristReport } from '../reports/tourist';
import { ok } from './testing';
import { makeSiret } from '../../merchants/siret';
import { APPLICATION_FIELDS } from '../../applications/fields';
import { APPLICATION_STEPS } from '../../applications/steps';
import { hoursInput, parseApplication, weekToForm } from '../../applications/parse';
import { defaultWeek } from '../../hours/weekly';
import { communesByPostalCode } from '../geo/communes';
import { approve, reconfirmByOwner, reject, saveDraft, submit, type Actor } from './workflow';
import { incompleteSteps, merchantDashboard } from './dashboard';

let t: TestDatabase;
let owner: Actor;
let other: Actor;
let reviewer: Actor;
const now = new Date('2026-06-16T10:00:00Z');

function application(siret: string, tradeNameFr: string) {
	return parseApplication(
		{
			legalName: `SAS ${tradeNameFr}`,
			siret,
			tradeNameFr,
			tradeNameZh: '',
			category: 'souvenirs',
			address: '1 place du Tertre',
			postalCode: '75018',
			latitude: '48.8865',
			longitude: '2.3408',
			paymentMethods: 'alipay,unionpay',
			consentToPublish: 'on',
			[hoursInput.mode]: 'weekly',
			...weekToForm(defaultWeek())
		},
		APPLICATION_FIELDS,
		{ mode: 'complete', communes: communesByPostalCode }
	).values;
}

async function created(result: Awaited<ReturnType<typeof saveDraft>>) {
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result.merchant;
}

beforeAll(async () => {
	t = await openTestDatabase();
	const rows = await t.db
		.insert(users)
		.values([
			{ email: 'owner@shop.test', role: 'merchant' },
			{ email: 'other@shop.test', role: 'merchant' },
			{ email: 'agent@region.test', role: 'official' }
		])
		.returning();
	[owner, other, reviewer] = rows.map((u) => ({ id: u.id, role: u.role }));
});
afterAll(() => t?.close());

/** A shop of the owner's, applied for, submitted and approved: its draft's row. */
async function approvedShop(siret: string, tradeNameFr: string) {
	const live = await created(
		await saveDraft(t.db, owner, { values: application(siret, tradeNameFr) })
	);
	const pending = await created(await submit(t.db, owner, live.id));
	await created(
		await approve(t.db, reviewer, { merchantId: live.id, expectedVersion: pending.version })
	);
	return live;
}

describe('merchantDashboard', () => {
	it('shows only the owner’s shops, each with its status, reason, preview, history and audience', async () => {
		const draft = await created(
			await saveDraft(t.db, owner, {
				values: { legalName: 'SARL Brouillon', tradeNameFr: 'Brouillon', category: 'hotel' }
			})
		);
		const live = await approvedShop(makeSiret(51_000_001), 'Souvenirs du Tertre');
		const refused = await created(
			await saveDraft(t.db, owner, { values: application(makeSiret(51_000_002), 'Refusé') })
		);
		const sent = await created(await submit(t.db, owner, refused.id));
		await created(
			await reject(t.db, reviewer, {
				merchantId: refused.id,
				expectedVersion: sent.version,
				reasonCode: 'duplicate',
				reasonText: 'Déjà inscrit sous un autre nom'
			})
		);
		await created(
			await saveDraft(t.db, other, { values: application(makeSiret(51_000_003), "Chez l'autre") })
		);
		await t.db.insert(merchantDailyStats).values([
			{
				merchantId: live.id,
				day: '2026-06-15',
				pageViews: 12,
				directionClicks: 3,
				cashierCardOpens: 2
			},
			{ merchantId: live.id, day: '2026-06-16', pageViews: 99 }
		]);

		const shops = await merchantDashboard(t.db, owner.id, now);
		expect(shops.map((s) => s.nameFr).sort()).toEqual([
			'Brouillon',
			'Refusé',
			'Souvenirs du Tertre'
		]);

		const approved = shops.find((s) => s.id === live.id)!;
		expect(approved).toMatchObject({
			status: 'approved',
			editable: true,
			note: null,
			incompleteSteps: []
		});
		expect(approved.publicPath).toMatch(new RegExp(`^/merchants/${live.id}-`));
		expect(approved.preview).toMatchObject({
			nameFr: 'Souvenirs du Tertre',
			communeName: 'Paris 18e Arrondissement',
			paymentMethods: ['alipay', 'unionpay']
		});
		expect(approved.audience.at(-1)).toMatchObject({
			pageViews: 12,
			directionClicks: 3,
			cashierCardOpens: 2
		});
		expect(approved.history.map((h) => h.action)).toEqual(['create', 'submit', 'approve']);
		expect(approved.history.map((h) => h.byOwner)).toEqual([true, true, false]);

		const rejected = shops.find((s) => s.id === refused.id)!;
		expect(rejected).toMatchObject({ status: 'rejected', editable: false, publicPath: null });
		expect(rejected.note).toMatchObject({
			reasonCode: 'duplicate',
			reasonText: 'Déjà inscrit sous un autre nom'
		});

		const first = shops.find((s) => s.id === draft.id)!;
		expect(first.incompleteSteps).toEqual([...APPLICATION_STEPS]);
		expect(first.publicPath).toBeNull();
	});

	it("says when the listing turns stale, shows tourists' open report, and reconfirms in one click", async () => {
		const live = await approvedShop(makeSiret(51_000_020), 'Thé du Tertre');
		// Verified 15 July 2025 (Paris): asked on 15 June 2026, stale on 15 July 2026.
		await t.db
			.update(merchants)
			.set({ verifiedAt: new Date('2025-07-15T10:00:00Z') })
			.where(eq(merchants.id, live.id));
		const shopOf = async (at: Date) =>
			(await merchantDashboard(t.db, owner.id, at)).find((s) => s.id === live.id)!;
		let shop = await shopOf(now);
		expect(shop.verification).toEqual({
			state: 'soon_stale',
			remindOn: '2026-06-15',
			staleOn: '2026-07-15',
			lapseOn: '2027-01-15'
		});
		expect(shop.report).toBeNull();
		expect(shop.canReconfirm).toBe(true);
		expect(shop.preview.reported).toBe(false);

		const reported = await recordTouristReport(t.db, {
			merchantId: live.id,
			kind: 'closed',
			address: '203.0.113.9',
			now
		});
		expect(reported).toEqual({ ok: true, reported: true });
		shop = await shopOf(now);
		expect(shop.report?.counts).toEqual({ paid: 0, notAccepted: 0, closed: 1 });
		expect(shop.preview.reported).toBe(true);

		// Another merchant cannot; the owner can, and the report waits for an official.
		expect(await reconfirmByOwner(t.db, other, live.id, now)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		ok(await reconfirmByOwner(t.db, owner, live.id, now));
		shop = await shopOf(now);
		expect(shop.verifiedAt).toEqual(now);
		expect(shop.verification?.state).toBe('fresh');
		expect(shop.history).toContainEqual(
			expect.objectContaining({ action: 'reconfirm', byOwner: true })
		);
		expect(shop.report?.counts.closed).toBe(1);
	});
});

describe('incompleteSteps', () => {
	it('names the steps a stored application still lacks', () => {
		expect(incompleteSteps(application(makeSiret(51_000_009), 'Complet'))).toEqual([]);
		const { latitude, longitude, ...noPosition } = application(makeSiret(51_000_010), 'X');
		expect(latitude && longitude).toBeTruthy();
		expect(incompleteSteps(noPosition)).toEqual(['position']);
	});
});
