/**
 * The partnership's targets: progress, projection at the current rate, setting and removing
 * them (with audit rows), on the hand-made fixture of metrics-fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, partnershipTargets } from '../db/schema';
import { deleteTarget, setTarget, targetProgress } from './targets';
import { adminId, db, useMetricsFixture } from './metrics-fixture';

useMetricsFixture();

describe('targets', () => {
	const AS_OF = new Date('2025-03-31T12:00:00Z');

	it('shows progress and the date each target is reached at the current rate', async () => {
		await db.insert(partnershipTargets).values([
			{ departement: null, targetCount: 10, targetDate: '2025-12-31' },
			{ departement: '93', targetCount: 5, targetDate: '2026-01-01' },
			{ departement: '75', targetCount: 2, targetDate: '2025-06-30' }
		]);
		const rows = await targetProgress(db, AS_OF);
		const by = Object.fromEntries(rows.map((r) => [r.departement ?? 'region', r]));
		// Region at noon on 31 March: M1, M2, M3, M10 (M7 comes at 20:00Z) = 4; 90 days before
		// (31 December noon): M1, M4 = 2. +2 in 90 days: 6 more take 270 days → 26 December.
		expect(by.region).toMatchObject({
			current: 4,
			recentGrowth: 2,
			projectedDate: '2025-12-26',
			reached: false,
			onTrack: true
		});
		expect(by.region.progress).toBeCloseTo(0.4, 6);
		// 93: nothing approved and no growth: never at this rate.
		expect(by['93']).toMatchObject({
			current: 0,
			projectedDate: null,
			reached: false,
			onTrack: false
		});
		// 75: M1, M2 = 2: reached.
		expect(by['75']).toMatchObject({
			current: 2,
			reached: true,
			onTrack: true,
			projectedDate: null
		});
		expect(rows.map((r) => r.departement)).toEqual(['75', null, '93']);
	});

	it('sets a target once per scope and date, replacing the count, with an audit row', async () => {
		await setTarget(db, { departement: '77', targetCount: 40, targetDate: '2027-06-30' }, adminId);
		await setTarget(db, { departement: '77', targetCount: 60, targetDate: '2027-06-30' }, adminId);
		const rows = await db
			.select()
			.from(partnershipTargets)
			.where(eq(partnershipTargets.departement, '77'));
		expect(rows.map((r) => [r.targetCount, r.targetDate])).toEqual([[60, '2027-06-30']]);
		await setTarget(db, { departement: null, targetCount: 50, targetDate: '2027-06-30' }, adminId);
		await setTarget(db, { departement: null, targetCount: 70, targetDate: '2027-06-30' }, adminId);
		const region = (await db.select().from(partnershipTargets)).filter(
			(r) => r.departement === null && r.targetDate === '2027-06-30'
		);
		expect(region.map((r) => r.targetCount)).toEqual([70]);
		const audit = await db.select().from(auditEvents).where(eq(auditEvents.action, 'target_set'));
		expect(audit).toHaveLength(4);
		expect(audit[1].before).toMatchObject({ targetCount: 40 });
		expect(audit[1].after).toMatchObject({ targetCount: 60, departement: '77' });

		expect(await deleteTarget(db, rows[0].id, adminId)).toBe(true);
		expect(await deleteTarget(db, rows[0].id, adminId)).toBe(false);
		const deleted = await db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.action, 'target_deleted'));
		expect(deleted).toHaveLength(1);
	});
});
