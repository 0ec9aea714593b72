/** Freshness figures (docs/metrics.md, "Freshness"): shares and grades by area, stale over time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, merchants, type NewMerchant } from '../db/schema';
import { makeSiret } from '../../merchants/siret';
import { freshnessAreas, freshnessTimeline } from './freshness';

let t: TestDatabase;
let n = 0;
const shop = (
	communeCode: string,
	departement: '75' | '92',
	verifiedAt: string,
	over: Partial<NewMerchant> = {}
): NewMerchant => ({
	legalName: `F${++n} SAS`,
	tradeNameFr: `F${n}`,
	category: 'souvenirs',
	siret: makeSiret(73_000_000 + n),
	address: `${n} rue de Test`,
	postalCode: '75001',
	communeCode,
	communeName: communeCode,
	departement,
	latitude: 48.86,
	longitude: 2.34,
	paymentMethods: ['alipay'],
	status: 'approved',
	acceptedSince: new Date('2024-01-10T10:00:00Z'),
	decidedAt: new Date('2024-01-10T10:00:00Z'),
	verifiedAt: new Date(verifiedAt),
	...over
});

beforeAll(async () => {
	t = await openTestDatabase();
	const rows = await t.db
		.insert(merchants)
		.values([
			// Paris 1er: 5 public, 4 verified within 12 months of 2026-06-15 → 80 %, B.
			...['2026-06-01', '2026-01-10', '2025-08-01', '2025-07-10'].map((d) =>
				shop('75101', '75', `${d}T10:00:00Z`)
			),
			shop('75101', '75', '2025-06-14T21:59:00Z'), // 14 June in Paris: stale on 15 June 2026
			// Boulogne: 1 public, stale → 0 %, E; 1 lapsed.
			shop('92012', '92', '2024-01-10T10:00:00Z'),
			shop('92012', '92', '2024-01-10T10:00:00Z', {
				status: 'suspended',
				lapsedAt: new Date('2026-03-01T00:00:00Z'),
				decidedAt: new Date('2026-03-01T00:00:00Z')
			})
		])
		.returning();
	// Every listing approved on 2024-01-10; the lapsed one left the map on 1 March 2026.
	await t.db.insert(auditEvents).values([
		...rows.map((r) => ({
			action: 'approve',
			merchantId: r.id,
			createdAt: new Date('2024-01-10T10:00:00Z')
		})),
		{
			action: 'suspend',
			reasonCode: 'not_reconfirmed',
			merchantId: rows[6].id,
			createdAt: new Date('2026-03-01T00:00:00Z')
		}
	]);
});
afterAll(() => t?.close());

describe('freshness metrics', () => {
	it('gives the share verified within 12 months and a grade, by area', async () => {
		const areas = await freshnessAreas(t.db, '2026-06-15');
		expect(areas.overall).toMatchObject({
			listed: 6,
			fresh: 4,
			stale: 2,
			lapsed: 1,
			share: 0.6667,
			grade: 'C'
		});
		expect(areas.departements.map((d) => [d.code, d.share, d.grade])).toEqual([
			['75', 0.8, 'B'],
			['92', 0, 'E']
		]);
		// Paris 1er has 5 listings (at least 5: listed); Boulogne has 1 (not listed).
		expect(areas.communes).toEqual([
			expect.objectContaining({ code: '75101', listed: 5, fresh: 4, soonStale: 1, grade: 'B' })
		]);
	});

	it('counts stale listings at the end of each month and lapses in the month', async () => {
		const series = await freshnessTimeline(t.db, {
			from: '2026-01-01',
			to: '2026-03-31',
			step: 'month',
			minNearby: 3
		});
		expect(series.buckets).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
		// The lapsed listing was public until 1 March.
		expect(series.listed).toEqual([7, 7, 6]);
		// Stale: the first listing (its 2026 verification is later: its approval counts), the
		// Boulogne one, and the lapsed one while it was public.
		expect(series.stale).toEqual([3, 3, 2]);
		expect(series.lapsed).toEqual([0, 0, 1]);
	});
});
