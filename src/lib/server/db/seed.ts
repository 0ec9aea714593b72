/**
 * The demo dataset: deterministic (fixed random seed, dates relative to the seed day),
 * every row flagged `is_demo`. Merchants are spread over the 8 départements, denser around
 * the places Chinese visitors go; communes, postal codes and populations come from
 * @etalab/decoupage-administratif; SIRETs pass Luhn.
 */
import { latLngToCell } from 'h3-js';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password';
import type { Database } from './client';
import { queryRows } from './query';
import {
	demandEvents,
	merchantDailyStats,
	merchants,
	partnershipTargets,
	users,
	DEMAND_CELL_RESOLUTION,
	type NewMerchant
} from './schema';
import {
	ACQUIRERS,
	GENERIC_STREETS,
	HOTSPOTS,
	NAME_PATTERNS,
	NAME_ROOTS,
	OPENING_HOURS
} from './demo/places';
import { ATTRACTIONS } from '../reference/attractions';
import { COMMUNE_CENTRES } from '../reference/commune-centres';
import { CATEGORIES, type Category, type PaymentMethod } from '../../merchants/vocabulary';
import { makeSiret } from '../../merchants/siret';
import { DEPARTEMENTS, type Departement } from '../../geo/idf';
import { idfCommunes, type Commune } from '../geo/communes';

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

const DAY_MS = 86_400_000;
const CHUNK = 1000;

/** mulberry32: small, fast, deterministic. */
export function createRandom(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
	const chance = (p: number) => next() < p;
	function weighted<T>(entries: readonly (readonly [T, number])[]): T {
		const total = entries.reduce((s, [, w]) => s + w, 0);
		let r = next() * total;
		for (const [value, w] of entries) {
			r -= w;
			if (r <= 0) return value;
		}
		return entries[entries.length - 1][0];
	}
	return { next, int, pick, chance, weighted };
}
type Random = ReturnType<typeof createRandom>;

/** A point uniformly inside a disc of `radiusM` metres around (lat, lon). */
function jitter(random: Random, lat: number, lon: number, radiusM: number): [number, number] {
	const r = radiusM * Math.sqrt(random.next());
	const theta = random.next() * 2 * Math.PI;
	const dLat = (r * Math.cos(theta)) / 111_320;
	const dLon = (r * Math.sin(theta)) / (111_320 * Math.cos((lat * Math.PI) / 180));
	return [round6(lat + dLat), round6(lon + dLon)];
}
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

const CATEGORY_BASE_WEIGHTS: Record<Category, number> = {
	department_store: 1,
	luxury_fashion: 12,
	cosmetics_pharmacy: 14,
	food_wine: 12,
	restaurant_cafe: 22,
	hotel: 10,
	museum_attraction: 3,
	kids_baby: 5,
	electronics: 5,
	souvenirs: 8,
	services: 8
};

/** Share of merchants whose adoption date is `x` of the way through the history: growing. */
function adoptionPosition(random: Random): number {
	// density ∝ 1 + 2x on [0, 1]
	return (-1 + Math.sqrt(1 + 8 * random.next())) / 2;
}

interface Place {
	lat: number;
	lon: number;
	commune: Commune;
	streets: readonly string[];
	categories: readonly (readonly [Category, number])[];
	touristy: boolean;
}

function placeFinder(random: Random) {
	const communes = idfCommunes();
	const hotspots = HOTSPOTS.map((h) => {
		const commune = communes.get(h.communeCode);
		if (!commune) throw new Error(`hotspot ${h.slug}: unknown commune ${h.communeCode}`);
		const weights = CATEGORIES.map((c) => [c, h.categories[c] ?? 0.5] as const);
		return { h, commune, weights };
	});
	const centred = Object.entries(COMMUNE_CENTRES).flatMap(([code, [lat, lon]]) => {
		const commune = communes.get(code);
		if (!commune) return [];
		// Paris arrondissements weigh more than their population: that is where visitors are.
		const weight = Math.sqrt(commune.population || 1000) * (code.startsWith('75') ? 2.5 : 1);
		return [[{ code, lat, lon, commune }, weight] as const];
	});
	const baseWeights = CATEGORIES.map((c) => [c, CATEGORY_BASE_WEIGHTS[c]] as const);
	return (): Place => {
		if (random.chance(0.55)) {
			const { h, commune, weights } = random.weighted(
				hotspots.map((x) => [x, x.h.weight] as const)
			);
			const [lat, lon] = jitter(random, h.lat, h.lon, h.radiusM);
			return { lat, lon, commune, streets: h.streets, categories: weights, touristy: true };
		}
		const c = random.weighted(centred);
		const [lat, lon] = jitter(random, c.lat, c.lon, c.code.startsWith('75') ? 700 : 1500);
		return {
			lat,
			lon,
			commune: c.commune,
			streets: GENERIC_STREETS,
			categories: baseWeights,
			touristy: false
		};
	};
}

const LEGAL_FORMS = ['SAS', 'SARL', 'SA', 'EURL', 'SASU'] as const;

function paymentMethodsFor(random: Random, touristy: boolean): PaymentMethod[] {
	const methods: PaymentMethod[] = [];
	if (random.chance(0.96)) methods.push('alipay');
	if (random.chance(touristy ? 0.6 : 0.4)) methods.push('alipay_plus');
	if (random.chance(touristy ? 0.55 : 0.35)) methods.push('wechat_pay');
	if (random.chance(touristy ? 0.5 : 0.3)) methods.push('unionpay');
	return methods.length ? methods : ['alipay'];
}

/** Builds `count` demo merchants; pure apart from the random source. */
export function buildMerchants(count: number, seed: number, today: Date): NewMerchant[] {
	const random = createRandom(seed);
	const nextPlace = placeFinder(random);
	const historyStart = today.getTime() - 3 * 365 * DAY_MS;
	const span = today.getTime() - historyStart;
	const rows: NewMerchant[] = [];
	for (let i = 0; i < count; i++) {
		const place = nextPlace();
		const category = random.weighted(place.categories);
		const pattern = random.pick(NAME_PATTERNS[category]);
		const [rootFr, rootZh] = random.pick(NAME_ROOTS);
		const tradeNameFr = pattern.fr.replace('{fr}', rootFr);
		const tradeNameZh = pattern.zh.replace('{zh}', rootZh);
		const status = random.weighted([
			['approved', 80],
			['pending', 7],
			['draft', 4],
			['rejected', 4],
			['changes_requested', 2],
			['suspended', 3]
		] as const);
		let submittedAt: Date | null = null;
		let decidedAt: Date | null = null;
		let acceptedSince: Date | null = null;
		if (status === 'approved' || status === 'suspended') {
			acceptedSince = new Date(historyStart + adoptionPosition(random) * span);
			submittedAt = new Date(
				acceptedSince.getTime() - random.int(1, 30) * DAY_MS - random.int(0, 86_399) * 1000
			);
			decidedAt =
				status === 'suspended'
					? new Date(
							acceptedSince.getTime() + random.next() * (today.getTime() - acceptedSince.getTime())
						)
					: acceptedSince;
		} else if (status === 'pending') {
			submittedAt = new Date(today.getTime() - random.next() * 45 * DAY_MS);
		} else if (status === 'rejected' || status === 'changes_requested') {
			decidedAt = new Date(historyStart + random.next() * span);
			submittedAt = new Date(decidedAt.getTime() - random.int(1, 20) * DAY_MS);
		}
		const createdAt = new Date(
			(submittedAt ?? new Date(today.getTime() - random.next() * 30 * DAY_MS)).getTime() -
				random.int(0, 5) * DAY_MS
		);
		const taxFreeChance = ['luxury_fashion', 'department_store', 'cosmetics_pharmacy'].includes(
			category
		)
			? 0.75
			: 0.12;
		const source = random.chance(0.3) ? 'import' : 'self_registered';
		const code = place.commune.code;
		rows.push({
			legalName: `${tradeNameFr.toUpperCase()} ${random.pick(LEGAL_FORMS)}`,
			tradeNameFr,
			tradeNameZh: random.chance(0.9) ? tradeNameZh : null,
			descriptionFr: null,
			descriptionZh: null,
			category,
			siret: makeSiret(40_000_000 + i * 37, random.int(1, 9)),
			address: `${random.int(1, 180)} ${random.pick(place.streets)}`,
			postalCode: random.pick(place.commune.postalCodes),
			communeCode: code,
			communeName: place.commune.name,
			departement: place.commune.departement,
			latitude: place.lat,
			longitude: place.lon,
			// Acquirers' merchant lists often carry no opening hours: a quarter of imports lack them.
			openingHours:
				source === 'import' && random.chance(0.25) ? null : random.pick(OPENING_HOURS[category]),
			paymentMethods: paymentMethodsFor(random, place.touristy),
			taxFree: random.chance(taxFreeChance),
			chineseStaff: random.chance(place.touristy ? 0.4 : 0.12),
			phone: `+33 1 ${random.int(40, 79)} ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`,
			website: null,
			acquirer: source === 'import' || random.chance(0.5) ? random.pick(ACQUIRERS) : null,
			source,
			status,
			consentToPublish: status !== 'draft',
			isDemo: true,
			submittedAt,
			decidedAt,
			acceptedSince,
			createdAt,
			updatedAt: decidedAt ?? submittedAt ?? createdAt
		});
	}
	return rows;
}

export async function isEmpty(db: Database): Promise<boolean> {
	const [row] = await queryRows<{ n: number }>(
		db,
		sql`SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM merchants) AS n`
	);
	return Number(row.n) === 0;
}

const DOMAIN_TABLES = [
	'audit_events',
	'merchant_daily_stats',
	'merchant_revisions',
	'demand_events',
	'partnership_targets',
	'merchants',
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

	return db.transaction(async (tx) => {
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
		await tx.execute(sql`
			INSERT INTO audit_events (actor_id, action, merchant_id, from_status, to_status, reason_code, created_at)
			SELECT ${official.id}::uuid,
			       CASE status WHEN 'rejected' THEN 'reject' WHEN 'suspended' THEN 'suspend' ELSE 'request_changes' END,
			       id, CASE status WHEN 'suspended' THEN 'approved'::listing_status ELSE 'pending'::listing_status END,
			       status, 'demo', decided_at
			FROM merchants WHERE status IN ('rejected', 'changes_requested', 'suspended')`);

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
}

/** Makes a demo row an owned shop in a given state, with dates that fit it. */
function giveToOwner(
	row: NewMerchant,
	ownerId: string,
	status: 'approved' | 'pending' | 'draft',
	today: Date
) {
	row.ownerId = ownerId;
	row.source = 'self_registered';
	row.status = status;
	row.consentToPublish = status !== 'draft';
	row.acceptedSince = status === 'approved' ? new Date(today.getTime() - 200 * DAY_MS) : null;
	row.decidedAt = row.acceptedSince;
	row.submittedAt =
		status === 'draft'
			? null
			: new Date(today.getTime() - (status === 'approved' ? 210 : 3) * DAY_MS);
	row.createdAt = new Date(today.getTime() - 220 * DAY_MS);
	row.updatedAt = row.decidedAt ?? row.submittedAt ?? row.createdAt;
}

function buildDemandEvents(random: Random, today: Date, count: number) {
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

function isoDay(d: Date): string {
	return d.toISOString().slice(0, 10);
}
