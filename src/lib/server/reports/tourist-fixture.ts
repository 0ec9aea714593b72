/**
 * The shared set-up of the tourist-report db tests: a database with a merchant and an official,
 * listings inserted as the state machine leaves them, and reading what reports left behind.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import {
	listingReports,
	merchants,
	touristReportCounts,
	touristReportSalts,
	touristReportVisitors,
	users
} from '../db/schema';
import type { Database } from '../db/client';
import { makeSiret } from '../../merchants/siret';
import { type TouristReportKind } from '../../reports/vocabulary';
import { type Actor } from '../applications/workflow';
import { recordTouristReport } from './tourist';

let t: TestDatabase;
export let db: Database;
export let owner: Actor;
export let official: Actor;
let stem = 71_000_000;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Noon in Paris on a fixed day, so that no test runs across a Paris midnight by accident. */
export const NOON = new Date('2030-03-12T11:00:00Z');
export const at = (ms: number) => new Date(NOON.getTime() + ms);

/** Opens a database for the file's tests, with a merchant and an official. */
export function useTouristFixture(): void {
	beforeAll(async () => {
		t = await openTestDatabase();
		db = t.db;
		const [o, r] = await db
			.insert(users)
			.values([
				{ email: 'chen@boutique.test', role: 'merchant', locale: 'zh' },
				{ email: 'reports-agent@region.test', role: 'official' }
			])
			.returning();
		owner = { id: o.id, role: o.role };
		official = { id: r.id, role: r.role };
		process.env.ORIGIN = 'https://cashless.example.fr';
	});
	afterAll(() => t?.close());
	beforeEach(async () => {
		await db.delete(touristReportVisitors);
		await db.delete(touristReportSalts);
	});
}

/** An approved listing, as the state machine leaves one (inserted directly: a fixture). */
export async function listing(status: 'approved' | 'pending' = 'approved') {
	const verified = new Date('2029-06-01T10:00:00Z');
	const [row] = await db
		.insert(merchants)
		.values({
			ownerId: owner.id,
			legalName: 'SAS Thé Exemple',
			tradeNameFr: `Maison du Thé ${stem}`,
			tradeNameZh: '茶之家',
			category: 'food_wine',
			siret: makeSiret(stem++),
			address: '3 rue de Rivoli',
			postalCode: '75004',
			communeCode: '75104',
			communeName: 'Paris',
			departement: '75',
			latitude: 48.856,
			longitude: 2.355,
			paymentMethods: ['alipay'],
			status,
			acceptedSince: verified,
			verifiedAt: verified
		})
		.returning();
	return row;
}

export const report = (merchantId: number, kind: TouristReportKind, address: string, now = NOON) =>
	recordTouristReport(db, { merchantId, kind, address, now });

export async function countsOf(merchantId: number) {
	return db
		.select()
		.from(touristReportCounts)
		.where(eq(touristReportCounts.merchantId, merchantId))
		.orderBy(touristReportCounts.day);
}

export async function openReports(merchantId: number) {
	return db
		.select()
		.from(listingReports)
		.where(and(eq(listingReports.merchantId, merchantId), isNull(listingReports.resolvedAt)));
}
