/**
 * Bad input, generated (issue 15, "keep the probes" 2): at least 1,000 inputs per form and per
 * public query, straight into the domain functions the routes call — control and RTL characters,
 * NUL, lone surrogates, emoji, huge strings, wrong types and duplicated fields (through FormData
 * where the route reads one), malformed CSV. Two properties each time:
 *   - nothing throws (a throw is what the site answers with a 500);
 *   - a refusal leaves the database exactly as it was (a fingerprint of every table a form can
 *     write, rate-limit counters aside: counting a refused attempt is their job).
 * tests/bad-input.e2e.ts posts a smaller sample through the real server (hooks and routes).
 * Figures are printed at the end (docs/reliability.md, "Probes").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from './db/testing';
import { queryRows } from './db/query';
import { merchants, users } from './db/schema';
import { changePassword, logIn, setLocalePreference } from './auth/accounts';
import { hashPassword } from './auth/password';
import { requestPasswordReset, resetPassword } from './auth/password-reset';
import { completeRegistration, registerMerchant } from './auth/registration';
import { acceptInvitation, inviteOfficial } from './admin/team';
import { supportSearch } from './admin/search';
import { auditLogPage } from './audit/log';
import { wizardAction } from './applications/wizard';
import { reject, requestChanges, saveDraft } from './applications/workflow';
import { createDryRun } from './imports/import';
import { listingCard } from './merchants/listing-cards';
import { mapFeatures } from './merchants/listing-map';
import { listPage } from './merchants/list-page';
import { setTarget } from './metrics/targets';
import { communesByPostalCode } from './geo/communes';
import { APPLICATION_FIELDS, APPLICATION_STEPS } from '../applications/fields';
import { parseTarget } from '../metrics/targets';
import { parseAuditFilters } from '../admin/audit-filters';
import { parseMapState, parseBBox } from '../merchants/filters';
import { csvText, email, formOf, nasty } from './bad-input-generators';
import type { SessionUser } from './auth/session';

/** BAD_INPUT_RUNS=n to try more (or fewer, while working on a form). */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 1000);
const TIMEOUT = 15 * 60_000;
let t: TestDatabase;
let admin: SessionUser;
let merchant: SessionUser;
const PASSWORD = 'lanterne rouge 2026';
let listing: { id: number; version: number };
const tried: Record<string, { inputs: number; refused: number }> = {};

// ---------------------------------------------------------------- the database's fingerprint

/**
 * Every table a form can write (rate_limits aside, see above), as one value: each row's
 * transaction id (xmin) changes on any insert or update, its count on any delete.
 */
const TABLES = [
	'users',
	'user_tokens',
	'sessions',
	'merchants',
	'merchant_revisions',
	'imports',
	'audit_events',
	'jobs',
	'partnership_targets',
	'demand_events'
];
const FINGERPRINT = sql.raw(
	`SELECT ${TABLES.map(
		(table) => `(SELECT count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) FROM ${table})`
	).join(" || ':' || ")} AS digest`
);
async function fingerprint(): Promise<string> {
	const [row] = await queryRows<{ digest: string }>(t.db, FINGERPRINT);
	return row.digest;
}

/**
 * Runs `RUNS` generated inputs through `call`: it must not throw, and when `refused(result)` the
 * database must be unchanged.
 */
async function probe<T, R>(
	name: string,
	input: fc.Arbitrary<T>,
	call: (value: T) => Promise<R>,
	refused: (result: R) => boolean
) {
	const counts = { inputs: 0, refused: 0 };
	tried[name] = counts;
	// The state after one input is the state before the next (nothing else writes meanwhile).
	let before = await fingerprint();
	await fc.assert(
		fc.asyncProperty(input, async (value) => {
			const result = await call(value);
			counts.inputs++;
			const after = await fingerprint();
			if (refused(result)) {
				counts.refused++;
				expect(after).toBe(before);
			}
			before = after;
		}),
		{ numRuns: RUNS, endOnFailure: true }
	);
}
const notOk = (r: { ok: boolean }) => !r.ok;

// ---------------------------------------------------------------- fixtures

beforeAll(async () => {
	process.env.ORIGIN = 'https://cashless.example.fr';
	t = await openTestDatabase();
	const hash = await hashPassword(PASSWORD);
	const [a, m] = await t.db
		.insert(users)
		.values([
			{ email: 'admin@region.fr', role: 'admin', passwordHash: hash },
			{ email: 'boutique@example.fr', role: 'merchant', passwordHash: hash }
		])
		.returning({ id: users.id });
	admin = { id: a.id, email: 'admin@region.fr', role: 'admin', locale: 'fr', displayName: null };
	merchant = {
		id: m.id,
		email: 'boutique@example.fr',
		role: 'merchant',
		locale: 'fr',
		displayName: null
	};
	const saved = await saveDraft(t.db, merchant, {
		values: { legalName: 'SAS Motif', tradeNameFr: 'Motif', category: 'souvenirs' }
	});
	if (!saved.ok) throw new Error(saved.reason);
	await t.db.update(merchants).set({ status: 'pending' });
	listing = { id: saved.merchant.id, version: saved.merchant.version };
}, TIMEOUT);
afterAll(async () => {
	const lines = Object.entries(tried).map(
		([name, c]) => `${name}: ${c.inputs} inputs, ${c.refused} refused, 0 violations`
	);
	console.log(`[bad input]\n${lines.join('\n')}`);
	await t?.close();
});

let ip = 0;
const nextIp = () => `198.51.${(++ip >> 8) & 255}.${ip & 255}`;

// ---------------------------------------------------------------- the forms

describe('generated bad input never gives a 500, and a refusal writes nothing', () => {
	it('register', { timeout: TIMEOUT }, async () => {
		await probe(
			'register',
			fc.record({
				email,
				locale: fc.oneof(fc.constantFrom('fr', 'zh'), nasty),
				consent: fc.boolean()
			}),
			(v) => registerMerchant(t.db, { ...v, ip: nextIp() }),
			notOk
		);
	});

	it('login', { timeout: TIMEOUT }, async () => {
		// One address: past its limit, the rest are refused before any password is checked.
		await probe(
			'login',
			fc.record({ email, password: nasty }),
			(v) => logIn(t.db, { ...v, ip: '203.0.113.10' }),
			notOk
		);
	});

	it(
		'forgot password, reset link, registration link, invitation link',
		{ timeout: TIMEOUT },
		async () => {
			await probe(
				'forgot password',
				email,
				(e) => requestPasswordReset(t.db, { email: e, ip: nextIp() }),
				notOk
			);
			const link = fc.record({ token: nasty, password: nasty, passwordConfirm: nasty });
			await probe('reset link', link, (v) => resetPassword(t.db, v), notOk);
			await probe('registration link', link, (v) => completeRegistration(t.db, v), notOk);
			await probe('invitation link', link, (v) => acceptInvitation(t.db, v), notOk);
		}
	);

	it('account: password change and language', { timeout: TIMEOUT }, async () => {
		await probe(
			'password change',
			fc.record({ current: nasty, password: nasty, passwordConfirm: nasty }),
			(v) => changePassword(t.db, merchant, { ...v, ip: '203.0.113.11' }),
			notOk
		);
		await probe(
			'language',
			fc.oneof(fc.constantFrom('fr', 'zh'), nasty),
			(l) => setLocalePreference(t.db, merchant.id, l),
			notOk
		);
	});

	it('invitation of an official', { timeout: TIMEOUT }, async () => {
		await probe(
			'invite',
			fc.record({ email, displayName: nasty, locale: nasty }),
			(v) => inviteOfficial(t.db, admin, v),
			notOk
		);
	});

	it('application wizard, every step, new and existing listing', { timeout: TIMEOUT }, async () => {
		const names = [...APPLICATION_FIELDS, 'intent', 'paymentMethods', 'hoursMode', 'hoursRaw'];
		await probe(
			'wizard',
			fc.record({
				step: fc.constantFrom(...APPLICATION_STEPS),
				existing: fc.boolean(),
				form: formOf(names)
			}),
			({ step, existing, form }) =>
				wizardAction(t.db, merchant, existing ? listing.id : null, step, form),
			(answer) => answer.type === 'refused' || answer.type === 'not_found'
		);
	});

	it('review decisions with a reason', { timeout: TIMEOUT }, async () => {
		await probe(
			'review decision',
			fc.record({
				reasonCode: fc.oneof(nasty, fc.constantFrom('other', 'siret_mismatch')),
				reasonText: nasty,
				version: fc.oneof(fc.constant(listing.version), fc.integer()),
				changes: fc.boolean()
			}),
			async ({ reasonCode, reasonText, version, changes }) => {
				const decide = changes ? requestChanges : reject;
				const result = await decide(t.db, admin, {
					merchantId: listing.id,
					expectedVersion: version,
					reasonCode: reasonCode as never,
					reasonText
				});
				if (result.ok) {
					// Decided: the listing goes back to pending for the next input (a fixture, not a form).
					const [row] = await t.db
						.update(merchants)
						.set({ status: 'pending' })
						.returning({ version: merchants.version });
					listing.version = row.version;
				}
				return result;
			},
			notOk
		);
	});

	it('acquirer CSV import (dry run)', { timeout: TIMEOUT }, async () => {
		await probe(
			'csv import',
			fc.record({ csv: csvText, filename: nasty, acquirer: nasty }),
			(v) => createDryRun(t.db, { ...v, uploadedBy: admin.id }),
			notOk
		);
	});

	it('partnership targets', { timeout: TIMEOUT }, async () => {
		await probe(
			'targets',
			fc.record({ scope: nasty, count: nasty, date: nasty }),
			async (values) => {
				const parsed = parseTarget(values, '2030-01-01');
				if (parsed.ok) await setTarget(t.db, parsed.input, admin.id);
				return parsed;
			},
			notOk
		);
	});
});

// ---------------------------------------------------------------- the public queries

describe('generated bad queries never give a 500 and write nothing', () => {
	/** A query string: the filters' names with nasty values, repeated, plus strays. */
	const query = fc
		.array(
			fc.tuple(
				fc.oneof(
					fc.constantFrom('q', 'cat', 'open', 'pay', 'tax', 'zh', 'near', 'view', 'page', 'bbox'),
					nasty
				),
				nasty
			),
			{ maxLength: 10 }
		)
		.map((entries) => new URLSearchParams(entries));
	const now = new Date('2030-05-01T10:00:00Z');

	it('list and map', { timeout: TIMEOUT }, async () => {
		await probe(
			'public list',
			query,
			async (params) => {
				const state = parseMapState(params);
				return listPage(t.db, {
					filters: state.filters,
					bbox: parseBBox(params.get('bbox')),
					origin: state.near,
					originIsVisitor: state.near !== null,
					page: state.page,
					pageSize: 20,
					now
				});
			},
			() => true
		);
		await probe(
			'public map',
			fc.tuple(query, fc.oneof(fc.double(), fc.integer())),
			async ([params, zoom]) => {
				const bbox = parseBBox(params.get('bbox')) ?? [2.2, 48.8, 2.5, 48.9];
				const zoomLevel = Number.isFinite(zoom) ? Math.min(22, Math.max(0, zoom)) : 12;
				return mapFeatures(t.db, parseMapState(params).filters, bbox, zoomLevel, now);
			},
			() => true
		);
	});

	it('a listing card, communes, back-office searches', { timeout: TIMEOUT }, async () => {
		await probe(
			'public card',
			fc.tuple(nasty, query),
			([id, params]) => listingCard(t.db, Number(id), now, parseMapState(params).near),
			() => true
		);
		await probe(
			'communes',
			nasty,
			async (code) => communesByPostalCode(code),
			() => true
		);
		await probe(
			'support search',
			nasty,
			(q) => supportSearch(t.db, q.slice(0, 200), null),
			() => true
		);
		const auditQuery = fc
			.array(
				fc.tuple(fc.constantFrom('actor', 'action', 'merchant', 'from', 'to', 'page'), nasty),
				{
					maxLength: 6
				}
			)
			.map((entries) => new URLSearchParams(entries));
		await probe(
			'audit log filters',
			auditQuery,
			(params) => auditLogPage(t.db, parseAuditFilters(params).filters),
			() => true
		);
	});
});
