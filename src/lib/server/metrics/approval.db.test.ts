/**
 * Approving an application through the listing state machine moves the metrics: the headline
 * count, the new-this-period count, the queue, and the row of the merchant's département.
 * tests/metrics.e2e.ts does the same through the review page; this runs on both drivers, after
 * the nightly rollup (so the approval is one of today's changes, read live).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { merchants, users, type NewMerchant } from '../db/schema';
import { makeSiret } from '../../merchants/siret';
import { parisIsoDate } from '../../i18n/format';
import { addDays, type MetricsRange } from '../../metrics/range';
import { approve } from '../applications/workflow';
import { headline } from './headline';
import { departementTable } from './geography';
import { timeline } from './timeline';
import { rollUpMetrics } from './rollups';

const DAY = 86_400_000;
let t: TestDatabase;
let officialId: string;
let pendingId: number;
const now = Date.now();
const today = parisIsoDate(new Date(now));
const range: MetricsRange = { from: addDays(today, -29), to: today, step: 'week', minNearby: 1 };

const shop = (n: number, status: 'approved' | 'pending', daysAgo: number): NewMerchant => ({
	legalName: `Boutique ${n} SAS`,
	tradeNameFr: `Boutique ${n}`,
	category: 'souvenirs',
	siret: makeSiret(61_000_000 + n, 1),
	address: `${n} rue de Paris`,
	postalCode: '93200',
	communeCode: '93066',
	communeName: 'Saint-Denis',
	departement: '93',
	latitude: 48.9245,
	longitude: 2.3601,
	openingHours: 'Mo-Sa 10:00-19:00',
	paymentMethods: ['alipay'],
	consentToPublish: true,
	status,
	submittedAt: new Date(now - (daysAgo + 3) * DAY),
	acceptedSince: status === 'approved' ? new Date(now - daysAgo * DAY) : null,
	verifiedAt: status === 'approved' ? new Date(now - daysAgo * DAY) : null,
	decidedAt: status === 'approved' ? new Date(now - daysAgo * DAY) : null
});

beforeAll(async () => {
	t = await openTestDatabase();
	const [official] = await t.db
		.insert(users)
		.values({ email: 'officiel@metrics.test', role: 'official' })
		.returning({ id: users.id });
	officialId = official.id;
	// Two approved before the range, one waiting since two days.
	const rows = await t.db
		.insert(merchants)
		.values([shop(1, 'approved', 100), shop(2, 'approved', 60), shop(3, 'pending', 0)])
		.returning({ id: merchants.id, status: merchants.status });
	pendingId = rows.find((r) => r.status === 'pending')!.id;
});

afterAll(async () => {
	await t?.close();
});

it('approving a merchant raises the headline count and its département’s row', async () => {
	const before = await headline(t.db, range, []);
	const rowBefore = (await departementTable(t.db, range)).find((r) => r.code === '93')!;
	expect(before.approved.current).toBe(2);
	expect(before.newApproved.current).toBe(0);
	expect(before.pending.current).toBe(1);
	expect(rowBefore.approved).toBe(2);
	// The nightly rollup covers the days before today; today's approval below is read live.
	await rollUpMetrics(t.db, new Date(now));
	expect(await headline(t.db, range, [])).toEqual(before);
	expect((await departementTable(t.db, range)).find((r) => r.code === '93')).toEqual(rowBefore);

	const result = await approve(
		t.db,
		{ id: officialId, role: 'official' },
		{ merchantId: pendingId, expectedVersion: 1 }
	);
	expect(result.ok).toBe(true);

	const after = await headline(t.db, range, []);
	const rowAfter = (await departementTable(t.db, range)).find((r) => r.code === '93')!;
	expect(after.approved.current).toBe(3);
	expect(after.newApproved.current).toBe(1);
	expect(after.pending.current).toBe(0);
	// Decided 3 days after submission.
	expect(after.medianDecisionDays.current).toBeCloseTo(3, 1);
	expect(rowAfter).toMatchObject({ approved: 3, approvedAtStart: 2, growth: 1 });
	const [all] = (await timeline(t.db, range, 'all')).series;
	expect(all.cumulative.at(-1)).toBe(3);
	expect(all.added.reduce((a, b) => a + b, 0)).toBe(1);
});
