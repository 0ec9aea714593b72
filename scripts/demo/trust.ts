/**
 * The demo's trust states (issue 12), so that a new user meets each of them: listings that
 * lapsed for want of reconfirmation (before insertion, `lapseSome`), and tourists' reports
 * (after insertion, `seedTouristReports`): success counts on about a third of the public
 * listings over the last 90 days, a few reports resolved by an official over the year, and three
 * listings in the officials' reported queue, one of them the demo pharmacy's own shop (its
 * dashboard shows the report). Stale and soon-stale listings come from the merchants' own
 * verification dates (./merchants.ts).
 *
 * The first public listings by id (FIRST_UNTOUCHED) get no reports: the end-to-end tests report
 * on them and expect a clean slate.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/lib/server/db/client';
import { queryRows } from '../../src/lib/server/db/query';
import {
	auditEvents,
	listingReports,
	touristReportCounts,
	type NewMerchant
} from '../../src/lib/server/db/schema';
import { addMonths, REMIND_AFTER_MONTHS } from '../../src/lib/merchants/freshness';
import { DAY_MS, isoDay, type Random } from './random';

const FIRST_UNTOUCHED = 12;

/**
 * About 3 % of the listings approved long ago lapsed 1 to 40 days ago: verified 18 months
 * before, asked a month or two before that, now suspended with `lapsed_at` (their audit row,
 * reason not_reconfirmed, is written with the other suspensions).
 */
export function lapseSome(rows: NewMerchant[], random: Random, today: Date) {
	rows.forEach((row, i) => {
		if (i < FIRST_UNTOUCHED || row.status !== 'approved' || row.ownerId) return;
		if (!row.acceptedSince || row.acceptedSince.getTime() > today.getTime() - 620 * DAY_MS) return;
		if (!random.chance(0.03)) return;
		const lapsedAt = new Date(today.getTime() - random.int(1, 40) * DAY_MS - 6 * 3_600_000);
		row.status = 'suspended';
		row.lapsedAt = lapsedAt;
		row.decidedAt = lapsedAt;
		row.remindedAt = new Date(lapsedAt.getTime() - random.int(30, 60) * DAY_MS);
		row.verifiedAt = new Date(lapsedAt.getTime() - (548 + random.int(0, 20)) * DAY_MS);
		row.updatedAt = lapsedAt;
	});
}

type Counts = { paid: number; notAccepted: number; closed: number };

/** Tourists' report counts, the reported queue and its history; `reportedShopId`: the demo pharmacy's shop. */
export async function seedTouristReports(
	tx: Executor,
	random: Random,
	options: { today: Date; officialId: string; reportedShopId: number }
) {
	const { today, officialId } = options;
	const day = (daysAgo: number) => isoDay(new Date(today.getTime() - daysAgo * DAY_MS));
	const at = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY_MS + 9 * 3_600_000);
	const listed = await queryRows<{ id: number; verified: string }>(
		tx,
		sql`SELECT id, (verified_at AT TIME ZONE 'Europe/Paris')::date::text AS verified
		    FROM merchants WHERE status = 'approved' AND verified_at IS NOT NULL ORDER BY id`
	);
	const counts = new Map<string, Counts & { merchantId: number; day: string }>();
	const add = (merchantId: number, daysAgo: number, kind: keyof Counts, n = 1) => {
		const key = `${merchantId}|${day(daysAgo)}`;
		const row = counts.get(key) ?? {
			merchantId,
			day: day(daysAgo),
			paid: 0,
			notAccepted: 0,
			closed: 0
		};
		row[kind] += n;
		counts.set(key, row);
	};
	const candidates = listed.slice(FIRST_UNTOUCHED).map((r) => ({ ...r, id: Number(r.id) }));

	// Successes: a third of the listings, a few days each over the last 90 days; now and then a
	// lone "not accepted" (below the threshold).
	for (const { id } of candidates) {
		if (!random.chance(0.33)) continue;
		for (let k = random.int(1, 6); k > 0; k--) add(id, random.int(0, 89), 'paid', random.int(1, 3));
		if (random.chance(0.04)) add(id, random.int(31, 89), 'notAccepted');
	}

	// The reported queue: the demo pharmacy's shop (two "not accepted" this week) and two
	// listings verified within 11 months (so their card shows the report, not staleness).
	const todayIso = day(0);
	const fresh = candidates.filter((r) => addMonths(r.verified, REMIND_AFTER_MONTHS) > todayIso);
	const open: { id: number; daysAgo: number; kind: 'notAccepted' | 'closed' }[] = [
		{ id: options.reportedShopId, daysAgo: 2, kind: 'notAccepted' as const },
		...(fresh[3] ? [{ id: fresh[3].id, daysAgo: 5, kind: 'closed' as const }] : []),
		...(fresh[8] ? [{ id: fresh[8].id, daysAgo: 9, kind: 'notAccepted' as const }] : [])
	];
	const reports: (typeof listingReports.$inferInsert)[] = [];
	const audit: (typeof auditEvents.$inferInsert)[] = [];
	const opened = (id: number, daysAgo: number, kind: 'notAccepted' | 'closed') => {
		const n = kind === 'closed' ? 1 : 2;
		add(id, daysAgo, kind);
		if (n === 2) add(id, daysAgo + 1, kind);
		const after = { paid: 0, notAccepted: 0, closed: 0, [kind]: n };
		audit.push({
			actorId: null,
			action: 'report_opened',
			merchantId: id,
			after,
			createdAt: at(daysAgo)
		});
		return at(daysAgo);
	};
	for (const r of open)
		reports.push({ merchantId: r.id, openedAt: opened(r.id, r.daysAgo, r.kind) });

	// Resolved over the year: an official confirmed (a verification) or dismissed them.
	const taken = new Set(open.map((r) => r.id));
	const resolvedPool = candidates.filter((r) => !taken.has(r.id));
	for (let i = 0; i < 14 && resolvedPool.length; i++) {
		const { id } = random.pick(resolvedPool);
		if (taken.has(id)) continue;
		taken.add(id);
		const daysAgo = random.int(40, 330);
		const openedAt = opened(id, daysAgo, random.chance(0.4) ? 'closed' : 'notAccepted');
		const resolvedAt = new Date(openedAt.getTime() + random.int(1, 6) * DAY_MS);
		const resolution = random.chance(0.6) ? 'confirmed' : 'dismissed';
		reports.push({ merchantId: id, openedAt, resolvedAt, resolution, resolvedBy: officialId });
		audit.push({
			actorId: officialId,
			action: resolution === 'confirmed' ? 'report_confirmed' : 'report_dismissed',
			merchantId: id,
			fromStatus: 'approved',
			toStatus: 'approved',
			createdAt: resolvedAt
		});
		if (resolution === 'confirmed') {
			await tx.execute(
				sql`UPDATE merchants SET verified_at = greatest(verified_at, ${resolvedAt.toISOString()}::timestamptz) WHERE id = ${id}`
			);
		}
	}

	const rows = [...counts.values()];
	for (let i = 0; i < rows.length; i += 2000) {
		await tx.insert(touristReportCounts).values(rows.slice(i, i + 2000));
	}
	await tx.insert(listingReports).values(reports);
	await tx.insert(auditEvents).values(audit);
	return { countRows: rows.length, open: open.length, resolved: reports.length - open.length };
}
