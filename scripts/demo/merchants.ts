/**
 * The demo merchants: spread over the 8 départements, denser around the tourist hotspots and in
 * Paris; communes, postal codes and populations from @etalab/decoupage-administratif, positions
 * around the reference commune centres; SIRETs pass Luhn (made up: no real company).
 */
import type { NewMerchant } from '../../src/lib/server/db/schema';
import { COMMUNE_CENTRES } from '../../src/lib/server/reference/commune-centres';
import {
	CATEGORIES,
	takesAlipay,
	type Category,
	type PaymentMethod
} from '../../src/lib/merchants/vocabulary';
import { makeSiret } from '../../src/lib/merchants/siret';
import { idfCommunes, type Commune } from '../../src/lib/server/geo/communes';
import { HOTSPOTS } from './hotspots';
import { ACQUIRERS, GENERIC_STREETS, NAME_PATTERNS, NAME_ROOTS, OPENING_HOURS } from './words';
import { DAY_MS, adoptionPosition, createRandom, jitter, type Random } from './random';

export const CATEGORY_BASE_WEIGHTS: Record<Category, number> = {
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
	// Every listed shop takes Alipay or Alipay+ (issue 12): those that would not, take Alipay+.
	if (!takesAlipay(methods)) methods.unshift('alipay_plus');
	return methods;
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
			// Last confirmed at the decision, or since by the merchant or an official.
			verifiedAt: decidedAt && acceptedSince ? verifiedSince(random, decidedAt, today) : null,
			createdAt,
			updatedAt: decidedAt ?? submittedAt ?? createdAt
		});
	}
	return rows;
}

/** Makes a demo row an owned shop in a given state, with dates that fit it. */
export function giveToOwner(
	row: NewMerchant,
	ownerId: string,
	status: 'approved' | 'pending' | 'draft',
	today: Date
) {
	row.ownerId = ownerId;
	row.source = 'self_registered';
	row.status = status;
	row.consentToPublish = status !== 'draft';
	row.acceptedSince = status === 'approved' ? new Date(today.getTime() - 400 * DAY_MS) : null;
	row.decidedAt = row.acceptedSince;
	// Verified about 11 months ago: the yearly reconfirmation e-mail goes out on the first run
	// of the daily freshness job (the demo accounts' outbox shows it), the listing not yet stale.
	row.verifiedAt = status === 'approved' ? new Date(today.getTime() - 340 * DAY_MS) : null;
	row.submittedAt =
		status === 'draft'
			? null
			: new Date(today.getTime() - (status === 'approved' ? 410 : 3) * DAY_MS);
	row.createdAt = new Date(today.getTime() - 420 * DAY_MS);
	row.updatedAt = row.decidedAt ?? row.submittedAt ?? row.createdAt;
}

/** A date between the last decision and today, most within the last months. */
function verifiedSince(random: Random, decidedAt: Date, today: Date): Date {
	const age = today.getTime() - decidedAt.getTime();
	return new Date(today.getTime() - Math.min(age, random.next() ** 2 * 420 * DAY_MS));
}
