/**
 * Officials resolve a tourist report (confirm, suspend, dismiss) and confirm listings, on both
 * drivers; the set-up is shared with tourist.db.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, listingReports, merchants } from '../db/schema';
import { parisIsoDate } from '../../i18n/format';
import { confirmVerified, resolveReport } from '../applications/workflow';
import { at, ok } from '../applications/testing';
import { publicReportSummary } from './tourist';
import {
	db,
	owner,
	official,
	DAY,
	NOON,
	useTouristFixture,
	listing,
	report,
	openReports
} from './tourist-fixture';

useTouristFixture();

describe('resolving a report', () => {
	async function reported() {
		const shop = await listing();
		await report(shop.id, 'closed', `198.51.100.${shop.id % 200}`);
		const [row] = await db.select().from(merchants).where(eq(merchants.id, shop.id));
		return row;
	}
	const lastAudit = async (merchantId: number) =>
		(
			await db
				.select()
				.from(auditEvents)
				.where(eq(auditEvents.merchantId, merchantId))
				.orderBy(auditEvents.id)
		).at(-1);

	it('confirm: the listing counts as verified now and the caution goes', async () => {
		const shop = await reported();
		const before = Date.now();
		const done = ok(
			await resolveReport(db, official, {
				...at(shop),
				action: 'confirm'
			})
		);
		expect(done).toMatchObject({ status: 'approved', version: shop.version + 1 });
		const [row] = await db.select().from(merchants).where(eq(merchants.id, shop.id));
		expect(row.verifiedAt!.getTime()).toBeGreaterThanOrEqual(before);
		expect(await lastAudit(shop.id)).toMatchObject({
			action: 'report_confirmed',
			actorId: official.id,
			toStatus: 'approved'
		});
		const [closed] = await db
			.select()
			.from(listingReports)
			.where(eq(listingReports.merchantId, shop.id));
		expect(closed).toMatchObject({ resolution: 'confirmed', resolvedBy: official.id });
		expect((await publicReportSummary(db, shop.id, NOON)).underReview).toBe(false);
		// Resolved once: a second resolution finds nothing to resolve.
		expect(
			await resolveReport(db, official, {
				...at(done),
				action: 'dismiss'
			})
		).toEqual({ ok: false, reason: 'no_report' });
	});

	it('suspend: needs a reason, then takes the listing off the map', async () => {
		const shop = await reported();
		const decision = {
			...at(shop),
			action: 'suspend' as const
		};
		expect(await resolveReport(db, official, decision)).toEqual({
			ok: false,
			reason: 'reason_required'
		});
		ok(await resolveReport(db, official, { ...decision, reasonCode: 'not_accepting_alipay' }));
		const [row] = await db.select().from(merchants).where(eq(merchants.id, shop.id));
		expect(row.status).toBe('suspended');
		expect(await lastAudit(shop.id)).toMatchObject({
			action: 'report_suspended',
			fromStatus: 'approved',
			toStatus: 'suspended',
			reasonCode: 'not_accepting_alipay'
		});
		expect(await openReports(shop.id)).toEqual([]);
	});

	it('dismiss: the listing is unchanged, and that day’s reports never reopen it', async () => {
		const shop = await reported();
		ok(
			await resolveReport(db, official, {
				...at(shop),
				action: 'dismiss'
			})
		);
		const [row] = await db.select().from(merchants).where(eq(merchants.id, shop.id));
		expect(row).toMatchObject({ status: 'approved', verifiedAt: shop.verifiedAt });
		expect(await lastAudit(shop.id)).toMatchObject({
			action: 'report_dismissed',
			fromStatus: 'approved',
			toStatus: 'approved'
		});
		// Reports of the day of the resolution (and before) no longer count; new ones do.
		const today = new Date();
		expect(await report(shop.id, 'closed', '192.0.2.80', today)).toEqual({
			ok: true,
			reported: false
		});
		expect(await report(shop.id, 'closed', '192.0.2.81', new Date(today.getTime() + DAY))).toEqual({
			ok: true,
			reported: true
		});
	});

	it('is for officials only, on the version they saw', async () => {
		const shop = await reported();
		const decision = {
			...at(shop),
			action: 'dismiss' as const
		};
		expect(await resolveReport(db, owner, decision)).toEqual({ ok: false, reason: 'forbidden' });
		expect(
			await resolveReport(db, official, { ...decision, expectedVersion: shop.version - 1 })
		).toMatchObject({ ok: false, reason: 'stale' });
		expect(await openReports(shop.id)).toHaveLength(1);
	});
});

describe('an official confirms a listing', () => {
	it('sets its verified date to now, audited', async () => {
		const shop = await listing();
		const before = Date.now();
		ok(await confirmVerified(db, official, at(shop)));
		const [row] = await db.select().from(merchants).where(eq(merchants.id, shop.id));
		expect(row.verifiedAt!.getTime()).toBeGreaterThanOrEqual(before);
		expect(parisIsoDate(row.verifiedAt!)).toBe(parisIsoDate(new Date()));
		const [event] = await db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.merchantId, shop.id), eq(auditEvents.action, 'verify')));
		expect(event).toMatchObject({ actorId: official.id, toStatus: 'approved' });
	});
});
