/**
 * Tourist reports on both drivers: counts per listing and day only; one report per listing per
 * visitor per day and a cap per visitor per hour, keyed on a hash salted per day that is gone the
 * day after; the threshold that sends a listing to the officials' queue (with an audit row and an
 * e-mail to its owner); what the public page says; and the officials' three resolutions.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import {
	auditEvents,
	jobs,
	merchants,
	touristReportCounts,
	touristReportSalts,
	touristReportVisitors
} from '../db/schema';
import { REPORT_POLICY } from '../../reports/vocabulary';
import { MAIL_JOB } from '../mail/outbox';
import { reconfirmByLink } from '../applications/workflow';
import { ok } from '../applications/testing';
import { reportedQueue } from '../admin/reports';
import { listingCard } from '../merchants/listing-cards';
import { forgetPastVisitors, publicReportSummary } from './tourist';
import { SUMMARY_TTL_MS } from './summary-cache';

import {
	db,
	HOUR,
	DAY,
	NOON,
	at,
	useTouristFixture,
	listing,
	report,
	countsOf,
	openReports
} from './tourist-fixture';

useTouristFixture();

describe('counting tourist reports', () => {
	it('keeps only counts per listing and day', async () => {
		const shop = await listing();
		expect(await report(shop.id, 'paid', '203.0.113.7')).toEqual({ ok: true, reported: false });
		expect(await report(shop.id, 'paid', '203.0.113.8')).toEqual({ ok: true, reported: false });
		expect(await report(shop.id, 'not_accepted', '203.0.113.9')).toEqual({
			ok: true,
			reported: false
		});
		expect(await countsOf(shop.id)).toEqual([
			{ merchantId: shop.id, day: '2030-03-12', paid: 2, notAccepted: 1, closed: 0 }
		]);
	});

	it('takes one report per listing per visitor per day, any kind', async () => {
		const shop = await listing();
		const other = await listing();
		expect((await report(shop.id, 'paid', '198.51.100.1')).ok).toBe(true);
		expect(await report(shop.id, 'paid', '198.51.100.1', at(HOUR))).toEqual({
			ok: false,
			reason: 'already_reported'
		});
		expect(await report(shop.id, 'closed', '198.51.100.1', at(2 * HOUR))).toEqual({
			ok: false,
			reason: 'already_reported'
		});
		// Another listing, or another visitor, is counted.
		expect((await report(other.id, 'paid', '198.51.100.1')).ok).toBe(true);
		expect((await report(shop.id, 'paid', '198.51.100.2')).ok).toBe(true);
		// The next day, the same visitor may report the same listing again.
		expect((await report(shop.id, 'paid', '198.51.100.1', at(DAY))).ok).toBe(true);
		expect((await countsOf(shop.id)).map((c) => [c.day, c.paid])).toEqual([
			['2030-03-12', 2],
			['2030-03-13', 1]
		]);
	});

	it(`caps a visitor at ${REPORT_POLICY.perVisitorPerHour} reports an hour`, async () => {
		const shops = [];
		for (let i = 0; i <= REPORT_POLICY.perVisitorPerHour; i++) shops.push(await listing());
		const cap = REPORT_POLICY.perVisitorPerHour;
		for (let i = 0; i < cap; i++) {
			expect((await report(shops[i].id, 'paid', '192.0.2.50', at(i * 60_000))).ok).toBe(true);
		}
		expect(await report(shops[cap].id, 'paid', '192.0.2.50', at(cap * 60_000))).toEqual({
			ok: false,
			reason: 'too_many'
		});
		expect(await countsOf(shops[cap].id)).toEqual([]);
		// Others are not limited by this visitor; and an hour after its first report, it may again.
		expect((await report(shops[cap].id, 'paid', '192.0.2.51', at(cap * 60_000))).ok).toBe(true);
		expect((await report(shops[cap].id, 'paid', '192.0.2.50', at(HOUR + 60_000))).ok).toBe(true);
	});

	it('keys visitors on a hash salted per day, and forgets salts and hashes after the day', async () => {
		const shop = await listing();
		await report(shop.id, 'paid', '203.0.113.20');
		const [salt] = await db.select().from(touristReportSalts);
		const [visitor] = await db.select().from(touristReportVisitors);
		expect(salt.day).toBe('2030-03-12');
		expect(visitor.visitor).toMatch(/^[0-9a-f]{64}$/);
		const unsalted = encodeHexLowerCase(sha256(new TextEncoder().encode('203.0.113.20')));
		expect(visitor.visitor).not.toBe(unsalted);
		expect(JSON.stringify(visitor)).not.toContain('203.0.113.20');

		// The first report of the next day draws a new salt and deletes yesterday's rows.
		await report(shop.id, 'paid', '203.0.113.21', at(DAY));
		const salts = await db.select().from(touristReportSalts);
		expect(salts.map((s) => s.day)).toEqual(['2030-03-13']);
		expect(salts[0].salt).not.toBe(salt.salt);
		const visitors = await db.select().from(touristReportVisitors);
		expect(visitors.map((v) => v.day)).toEqual(['2030-03-13']);

		// The daily job does the same when nobody reports.
		expect(await forgetPastVisitors(db, '2030-03-14')).toEqual({ visitors: 1, salts: 1 });
		expect(await db.select().from(touristReportVisitors)).toEqual([]);
		expect(await db.select().from(touristReportSalts)).toEqual([]);
	});

	it('refuses reports on a listing that is not public', async () => {
		const shop = await listing('pending');
		expect(await report(shop.id, 'closed', '203.0.113.30')).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await report(999_999, 'paid', '203.0.113.30')).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await countsOf(shop.id)).toEqual([]);
	});
});

describe('the reported queue', () => {
	it('takes a listing at two "not accepted" reports in 30 days, audits it and e-mails its owner', async () => {
		const shop = await listing();
		await db.delete(jobs);
		expect(await report(shop.id, 'not_accepted', '198.51.100.10', at(-29 * DAY))).toEqual({
			ok: true,
			reported: false
		});
		// 29 days later the first one still counts; paid reports never count against a listing.
		expect((await report(shop.id, 'paid', '198.51.100.11')).ok).toBe(true);
		expect(await openReports(shop.id)).toEqual([]);
		expect(await report(shop.id, 'not_accepted', '198.51.100.12')).toEqual({
			ok: true,
			reported: true
		});
		expect(await openReports(shop.id)).toHaveLength(1);
		const audit = await db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.merchantId, shop.id), eq(auditEvents.action, 'report_opened')));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actorId: null, after: { notAccepted: 2, closed: 0 } });
		const mails = (await db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB))).map(
			(j) => j.payload as { to: string; kind: string; text: string }
		);
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({ to: 'chen@boutique.test', kind: 'listing_reported' });
		// The counts, and the yearly reminder's links: confirm in one click, or edit the listing.
		expect(mails[0].text).toContain('不收支付宝 2 次，已关闭或搬走 0 次');
		expect(mails[0].text).toContain(
			`https://cashless.example.fr/zh/merchant/shops/${shop.id}/shop`
		);
		const token = mails[0].text.match(
			/https:\/\/cashless\.example\.fr\/zh\/reconfirm\/([a-z0-9]+)/
		)?.[1];
		expect(token).toBeTruthy();
		// The owner's one click dates the listing; the report waits for an official.
		ok(await reconfirmByLink(db, token!, at(HOUR)));
		const [after] = await db.select().from(merchants).where(eq(merchants.id, shop.id));
		expect(after.verifiedAt).toEqual(at(HOUR));
		expect(await openReports(shop.id)).toHaveLength(1);
		expect((await publicReportSummary(db, shop.id, at(HOUR))).underReview).toBe(true);
		// A third report does not open a second one, nor e-mail again.
		expect(await report(shop.id, 'closed', '198.51.100.13')).toEqual({
			ok: true,
			reported: false
		});
		expect(await openReports(shop.id)).toHaveLength(1);
		expect(await db.select().from(jobs).where(eq(jobs.kind, MAIL_JOB))).toHaveLength(1);
	});

	it('does not count reports older than 30 days', async () => {
		const shop = await listing();
		await report(shop.id, 'not_accepted', '198.51.100.20', at(-30 * DAY));
		expect(await report(shop.id, 'not_accepted', '198.51.100.21')).toEqual({
			ok: true,
			reported: false
		});
	});

	it('takes a listing at one "closed or moved" report', async () => {
		const shop = await listing();
		expect(await report(shop.id, 'closed', '198.51.100.30')).toEqual({ ok: true, reported: true });
		// The map's and the list's card says so too.
		expect((await listingCard(db, shop.id, NOON, null))?.reported).toBe(true);
		const queue = await reportedQueue(db, NOON);
		expect(queue.find((r) => r.merchantId === shop.id)?.counts).toEqual({
			paid: 0,
			notAccepted: 0,
			closed: 1
		});
	});

	it('tells the public page how many paid lately, when last, and whether reports wait', async () => {
		const shop = await listing();
		expect(await publicReportSummary(db, shop.id, NOON)).toEqual({
			paidRecently: 0,
			lastPaidDay: null,
			underReview: false
		});
		await report(shop.id, 'paid', '198.51.100.40', at(-40 * DAY));
		await report(shop.id, 'paid', '198.51.100.41', at(-3 * DAY));
		await report(shop.id, 'paid', '198.51.100.42', at(-3 * DAY));
		await report(shop.id, 'closed', '198.51.100.43');
		expect(await publicReportSummary(db, shop.id, NOON)).toEqual({
			paidRecently: 2,
			lastPaidDay: '2030-03-09',
			underReview: true
		});
	});

	it("keeps a page's summary a while, but a report made here shows at once", async () => {
		const shop = await listing();
		expect((await publicReportSummary(db, shop.id, NOON)).paidRecently).toBe(0);
		// Another process's report (written without this process knowing): seen after the TTL.
		await db.insert(touristReportCounts).values({
			merchantId: shop.id,
			day: '2030-03-11',
			paid: 3,
			notAccepted: 0,
			closed: 0
		});
		expect((await publicReportSummary(db, shop.id, at(SUMMARY_TTL_MS - 1))).paidRecently).toBe(0);
		expect((await publicReportSummary(db, shop.id, at(SUMMARY_TTL_MS))).paidRecently).toBe(3);
		// A report made in this process: at once.
		await report(shop.id, 'paid', '198.51.100.44', at(SUMMARY_TTL_MS + 1));
		expect((await publicReportSummary(db, shop.id, at(SUMMARY_TTL_MS + 2))).paidRecently).toBe(4);
	});
});
