/**
 * The demo dataset: deterministic (fixed random seed, dates relative to the seed day), every
 * row flagged `is_demo`: demo accounts, merchants (./merchants.ts) with their review history
 * and audience, a year of anonymous search events, partnership targets. Only the command-line
 * tools load it (`npm run db:seed`, `npm run bench`); the application never imports it.
 */
import { latLngToCell } from 'h3-js';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { Database } from '../../src/lib/server/db/client';
import { queryRows } from '../../src/lib/server/db/query';
import {
	demandEvents,
	merchantDailyStats,
	merchants,
	partnershipTargets,
	users,
	DEMAND_CELL_RESOLUTION
} from '../../src/lib/server/db/schema';
import { HOTSPOTS } from './hotspots';
import { ATTRACTIONS } from '../../src/lib/server/reference/attractions';
import { CATEGORIES } from '../../src/lib/merchants/vocabulary';
import { DEPARTEMENTS, type Departement } from '../../src/lib/geo/idf';
import { rollUpMetrics } from '../../src/lib/server/metrics/rollups';
import { CATEGORY_BASE_WEIGHTS, buildMerchants, giveToOwner } from './merchants';
import { DAY_MS, adoptionPosition, createRandom, isoDay, jitter, type Random } from './random';
import { lapseSome, seedTouristReports } from './trust';

export const DEMO_SEED = 20_240_601;

export const DEMO_ACCOUNTS = [
	{
		email: 'admin@cashless-paris.test',
		password: 'demo-admin-2026',
		role: 'admin',
		locale: 'fr',
		displayName: 'Admin (démo)'
	},
	{
		email: 'officiel@cashless-paris.test',
		password: 'demo-officiel-2026',
		role: 'official',
		locale: 'fr',
		displayName: 'Équipe partenariat (démo)'
	},
	{
		email: 'boutique@cashless-paris.test',
		password: 'demo-boutique-2026',
		role: 'merchant',
		locale: 'fr',
		displayName: 'Boutique (démo)'
	},
	{
		email: 'pharmacie@cashless-paris.test',
		password: 'demo-pharmacie-2026',
		role: 'merchant',
		locale: 'fr',
		displayName: 'Pharmacie (démo)'
	},
	{
		email: 'hotel@cashless-paris.test',
		password: 'demo-hotel-2026',
		role: 'merchant',
		locale: 'zh',
		displayName: 'Hôtel (démo)'
	}
] as const;

export interface SeedOptions {
	merchants?: number;
	seed?: number;
	/** The day the demo history ends (default: today, UTC). */
	today?: Date;
	log?: (line: string) => void;
}

export interface SeedReport {
	merchants: number;
	approved: number;
	demandEvents: number;
	summary: string;
}

const CHUNK = 1000;

export async function isEmpty(db: Database): Promise<boolean> {
	const [row] = await queryRows<{ n: number }>(
		db,
		sql`SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM merchants) AS n`
	);
	return Number(row.n) === 0;
}

const DOMAIN_TABLES = [
	'tourist_report_counts',
	'tourist_report_visitors',
	'tourist_report_salts',
	'listing_reports',
	'reconfirmation_tokens',
	'approval_rollups',
	'demand_rollups',
	'metrics_rollup_state',
	'audit_events',
	'merchant_daily_stats',
	'merchant_revisions',
	'demand_events',
	'partnership_targets',
	'merchants',
	'listing_changes',
	'imports',
	'user_tokens',
	'sessions',
	'rate_limits',
	'users'
];

/**
 * Empties every domain table and loads the demo dataset, in one transaction. Reference data
 * (attractions, loaded by the migrations) is kept.
 */
export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedReport> {
	const count = options.merchants ?? 2000;
	const seed = options.seed ?? DEMO_SEED;
	const now = options.today ?? new Date();
	const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
	const log = options.log ?? (() => {});
	const random = createRandom(seed + 1);

	const rows = buildMerchants(count, seed, today);
	const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
	log(`built ${rows.length} merchants`);

	const report = await db.transaction(async (tx) => {
		await tx.execute(sql.raw(`TRUNCATE ${DOMAIN_TABLES.join(', ')} RESTART IDENTITY CASCADE`));
		const accounts = await tx
			.insert(users)
			.values(
				DEMO_ACCOUNTS.map((a, i) => ({
					email: a.email,
					passwordHash: hashes[i],
					role: a.role,
					locale: a.locale,
					displayName: a.displayName,
					isDemo: true,
					createdAt: new Date(today.getTime() - 3 * 365 * DAY_MS)
				}))
			)
			.returning({ id: users.id, email: users.email, role: users.role });
		const official = accounts.find((a) => a.role === 'official')!;
		const owners = accounts.filter((a) => a.role === 'merchant');

		// The first merchants of each category-rich hotspot go to the demo merchant accounts:
		// each owns an approved shop, and one also a pending and a draft application.
		owners.forEach((owner, i) => {
			giveToOwner(rows[i], owner.id, 'approved', today);
			if (i === 0) giveToOwner(rows[owners.length], owner.id, 'pending', today);
			if (i === 0) giveToOwner(rows[owners.length + 1], owner.id, 'draft', today);
		});
		lapseSome(rows, createRandom(seed + 2), today);

		for (let i = 0; i < rows.length; i += CHUNK) {
			await tx.insert(merchants).values(rows.slice(i, i + CHUNK));
			if ((i / CHUNK) % 10 === 9) log(`inserted ${i + CHUNK} merchants`);
		}

		// Review history, written by the database from the merchants' own dates.
		await tx.execute(sql`
			INSERT INTO audit_events (actor_id, action, merchant_id, from_status, to_status, created_at)
			SELECT owner_id, 'submit', id, 'draft', 'pending', submitted_at
			FROM merchants WHERE submitted_at IS NOT NULL`);
		await tx.execute(sql`
			INSERT INTO audit_events (actor_id, action, merchant_id, from_status, to_status, created_at)
			SELECT ${official.id}::uuid, 'approve', id, 'pending', 'approved', accepted_since
			FROM merchants WHERE accepted_since IS NOT NULL`);
		// Verified since the approval: by the owner's reconfirmation, or (no owner) an official's check,
		// so that freshness over time (rebuilt from these rows) matches today's dates.
		await tx.execute(sql`
			INSERT INTO audit_events (actor_id, action, merchant_id, from_status, to_status, created_at)
			SELECT COALESCE(owner_id, ${official.id}::uuid), CASE WHEN owner_id IS NULL THEN 'verify' ELSE 'reconfirm' END,
			       id, 'approved', 'approved', verified_at
			FROM merchants WHERE verified_at > accepted_since + interval '1 day'`);
		await tx.execute(sql`
			INSERT INTO audit_events (actor_id, action, merchant_id, from_status, to_status, reason_code, created_at)
			SELECT CASE WHEN lapsed_at IS NULL THEN ${official.id}::uuid END,
			       CASE status WHEN 'rejected' THEN 'reject' WHEN 'suspended' THEN 'suspend' ELSE 'request_changes' END,
			       id, CASE status WHEN 'suspended' THEN 'approved'::listing_status ELSE 'pending'::listing_status END,
			       status, CASE WHEN lapsed_at IS NULL THEN 'demo' ELSE 'not_reconfirmed' END, decided_at
			FROM merchants WHERE status IN ('rejected', 'changes_requested', 'suspended')`);

		// Tourists' reports: success counts, resolved reports, the reported queue (the demo
		// pharmacy's shop among them: its dashboard shows the report).
		const [pharmacyShop] = await queryRows<{ id: number }>(
			tx,
			sql`SELECT id FROM merchants WHERE owner_id = ${owners[1].id}::uuid AND status = 'approved'`
		);
		const reports = await seedTouristReports(tx, createRandom(seed + 3), {
			today,
			officialId: official.id,
			reportedShopId: Number(pharmacyShop.id)
		});
		log(`tourist reports: ${JSON.stringify(reports)}`);

		// Anonymous audience counters for the demo merchants' shops, last 8 weeks.
		const ownedIds = await queryRows<{ id: number }>(
			tx,
			sql`SELECT id FROM merchants WHERE owner_id IS NOT NULL AND status = 'approved' ORDER BY id`
		);
		const stats = ownedIds.flatMap(({ id }) =>
			Array.from({ length: 56 }, (_, d) => {
				const views = random.int(3, 60);
				return {
					merchantId: Number(id),
					day: isoDay(new Date(today.getTime() - (d + 1) * DAY_MS)),
					pageViews: views,
					directionClicks: random.int(0, Math.ceil(views / 3)),
					cashierCardOpens: random.int(0, Math.ceil(views / 4))
				};
			})
		);
		if (stats.length) await tx.insert(merchantDailyStats).values(stats);

		// Anonymous search events over the last year, around the places visitors go.
		const demand = buildDemandEvents(random, today, Math.max(3000, Math.round(count * 6)));
		for (let i = 0; i < demand.length; i += CHUNK * 5) {
			await tx.insert(demandEvents).values(demand.slice(i, i + CHUNK * 5));
		}

		// Targets: about 2.5 times today's approved count by the end of next year.
		const approvedByDep = new Map<Departement, number>();
		for (const r of rows) {
			if (r.status === 'approved')
				approvedByDep.set(r.departement!, (approvedByDep.get(r.departement!) ?? 0) + 1);
		}
		const approved = [...approvedByDep.values()].reduce((a, b) => a + b, 0);
		const targetDate = `${today.getUTCFullYear() + 1}-12-31`;
		await tx.insert(partnershipTargets).values([
			{
				departement: null,
				targetCount: Math.ceil((approved * 2.5) / 100) * 100,
				targetDate,
				createdBy: accounts[0].id
			},
			...DEPARTEMENTS.map((d) => ({
				departement: d,
				targetCount: Math.max(10, Math.ceil(((approvedByDep.get(d) ?? 0) * 2.5) / 10) * 10),
				targetDate,
				createdBy: accounts[0].id
			}))
		]);

		const summary = [
			`[seed] demo dataset (seed ${seed}, history ending ${isoDay(today)}): ${rows.length} merchants (${approved} approved), ${demand.length} search events.`,
			'[seed] demo accounts (development only):',
			...DEMO_ACCOUNTS.map(
				(a) => `         ${a.role.padEnd(8)} ${a.email}  password: ${a.password}`
			)
		].join('\n');
		return {
			merchants: rows.length,
			approved,
			demandEvents: demand.length,
			summary
		};
	});
	// The metrics dashboard reads the days before today from its rollups, as after a nightly run
	// (which ends with ANALYZE of its tables); then the planner learns the new tables' sizes.
	await rollUpMetrics(db, now);
	await db.execute(sql`ANALYZE`);
	return report;
}

export function buildDemandEvents(random: Random, today: Date, count: number) {
	type Centre = { lat: number; lon: number; radius: number; busy: boolean };
	const centres: [Centre, number][] = [
		...HOTSPOTS.map((h): [Centre, number] => [
			{ lat: h.lat, lon: h.lon, radius: 900, busy: true },
			h.weight * 3
		]),
		...ATTRACTIONS.map((a): [Centre, number] => [
			{ lat: a.lat, lon: a.lon, radius: 700, busy: false },
			1
		])
	];
	const categories = CATEGORIES.map((c) => [c, CATEGORY_BASE_WEIGHTS[c] + 2] as const);
	return Array.from({ length: count }, () => {
		const { lat, lon, radius, busy } = random.weighted(centres);
		const [pLat, pLon] = jitter(random, lat, lon, radius);
		const category = random.chance(0.6) ? random.weighted(categories) : null;
		const age = Math.floor(365 * (1 - adoptionPosition(random)));
		return {
			day: isoDay(new Date(today.getTime() - age * DAY_MS)),
			category,
			areaCell: latLngToCell(pLat, pLon, DEMAND_CELL_RESOLUTION),
			resultCount: busy && random.chance(0.85) ? random.int(1, 40) : random.int(0, 3),
			isDemo: true
		};
	});
}
