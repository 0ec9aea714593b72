/** Tourists' reports in the metrics (docs/metrics.md, "Tourists' reports"): by bucket and by area. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { listingReports, merchants, touristReportCounts, type NewMerchant } from '../db/schema';
import { makeSiret } from '../../merchants/siret';
import { reportsByArea, reportsTimeline } from './reports';

let t: TestDatabase;
let n = 0;
const shop = (communeCode: string, departement: '75' | '92', over: Partial<NewMerchant> = {}) => ({
	legalName: `R${++n} SAS`,
	tradeNameFr: `R${n}`,
	category: 'souvenirs' as const,
	siret: makeSiret(74_000_000 + n),
	address: `${n} rue de Test`,
	postalCode: '75001',
	communeCode,
	communeName: communeCode,
	departement,
	latitude: 48.86,
	longitude: 2.34,
	paymentMethods: ['alipay' as const],
	status: 'approved' as const,
	acceptedSince: new Date('2025-01-10T10:00:00Z'),
	decidedAt: new Date('2025-01-10T10:00:00Z'),
	verifiedAt: new Date('2026-01-10T10:00:00Z'),
	...over
});
const RANGE = { from: '2026-04-01', to: '2026-06-15', step: 'month' as const, minNearby: 3 };

beforeAll(async () => {
	t = await openTestDatabase();
	const [paris, boulogne, gone] = await t.db
		.insert(merchants)
		.values([
			shop('75101', '75'),
			shop('92012', '92'),
			shop('92012', '92', { status: 'suspended' })
		])
		.returning();
	await t.db.insert(touristReportCounts).values([
		{ merchantId: paris.id, day: '2026-03-31', paid: 9 }, // before the range
		{ merchantId: paris.id, day: '2026-04-01', paid: 2 },
		{ merchantId: paris.id, day: '2026-05-31', paid: 1, notAccepted: 1 },
		{ merchantId: boulogne.id, day: '2026-06-01', paid: 3, closed: 1 },
		{ merchantId: gone.id, day: '2026-06-02', paid: 4 }
	]);
	await t.db.insert(listingReports).values([
		// Opened in May (Paris), resolved in June: reported at the end of May only.
		{
			merchantId: paris.id,
			openedAt: new Date('2026-05-31T21:30:00Z'), // 31 May, 23:30 in Paris
			resolvedAt: new Date('2026-06-03T09:00:00Z'),
			resolution: 'dismissed'
		},
		// Opened on 1 June in Paris, still open.
		{ merchantId: boulogne.id, openedAt: new Date('2026-05-31T22:30:00Z') }
	]);
});
afterAll(() => t?.close());

describe('reportsTimeline', () => {
	it("counts tourists' reports by Paris day and the reported queue at each bucket's end", async () => {
		expect(await reportsTimeline(t.db, RANGE)).toEqual({
			buckets: ['2026-04-01', '2026-05-01', '2026-06-01'],
			paid: [2, 1, 7],
			problems: [0, 1, 1],
			opened: [0, 1, 1],
			reported: [0, 1, 1]
		});
	});
});

describe('reportsByArea', () => {
	it('gives each area its successes in the range at public listings, and those reported today', async () => {
		const areas = await reportsByArea(t.db, RANGE);
		expect(areas.get('all')).toEqual({ paid: 6, reported: 1 });
		expect(areas.get('75')).toEqual({ paid: 3, reported: 0 });
		expect(areas.get('92')).toEqual({ paid: 3, reported: 1 });
		expect(areas.get('75101')).toEqual({ paid: 3, reported: 0 });
		expect(areas.get('92012')).toEqual({ paid: 3, reported: 1 });
	});
});
