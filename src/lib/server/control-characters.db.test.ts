/**
 * U+0000 and the other control characters in every form that writes (issue 15, defect 6): each
 * domain answers beside the field with 'control_character' and writes nothing, where a NUL used
 * to reach PostgreSQL and answer 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from './db/testing';
import { auditEvents, imports, merchants, rateLimits, userTokens, users } from './db/schema';
import { changePassword, logIn } from './auth/accounts';
import { registerMerchant } from './auth/registration';
import { hashPassword } from './auth/password';
import { requestPasswordReset } from './auth/password-reset';
import { inviteOfficial } from './admin/team';
import { wizardAction } from './applications/wizard';
import { reject, saveDraft } from './applications/workflow';
import { createDryRun, importById } from './imports/import';
import { makeSiret } from '../merchants/siret';

let t: TestDatabase;
let admin: { id: string; role: 'admin' };
let merchant: { id: string; role: 'merchant'; email: string; locale: 'fr'; displayName: null };
const PASSWORD = 'lanterne rouge 2026';
const NUL = '\u0000';
/** Characters no field takes: NUL, other C0, DEL, C1, a lone surrogate. */
const BAD = [NUL, '\u0007', '\u001b', '\u007f', '\u0085', '\ud800'];
/** FormData and CSV files (decoded as UTF-8) turn a lone surrogate into U+FFFD on their way in. */
const cannotBePosted = (c: string) => c === '\ud800';

beforeAll(async () => {
	t = await openTestDatabase();
	const [a] = await t.db
		.insert(users)
		.values({ email: 'admin@region.fr', role: 'admin' })
		.returning({ id: users.id });
	admin = { id: a.id, role: 'admin' };
	const [m] = await t.db
		.insert(users)
		.values({
			email: 'boutique@example.fr',
			role: 'merchant',
			passwordHash: await hashPassword(PASSWORD)
		})
		.returning({ id: users.id });
	merchant = {
		id: m.id,
		role: 'merchant',
		email: 'boutique@example.fr',
		locale: 'fr',
		displayName: null
	};
});
afterAll(() => t?.close());

/** Row counts of every table a refused form could write to. */
async function snapshot() {
	const tables = { users, userTokens, merchants, imports, auditEvents, rateLimits };
	const counts: Record<string, number> = {};
	for (const [name, table] of Object.entries(tables)) {
		counts[name] = (await t.db.select({ n: count() }).from(table))[0].n;
	}
	return counts;
}

/** Runs a refused form and checks that it wrote nothing. */
async function refusedWithoutWriting<T>(post: () => Promise<T>): Promise<T> {
	const before = await snapshot();
	const result = await post();
	expect(await snapshot()).toEqual(before);
	return result;
}

describe.each(BAD.map((c) => [JSON.stringify(c), c]))('%s in a field', (_, bad) => {
	it('register: beside the e-mail', async () => {
		const result = await refusedWithoutWriting(() =>
			registerMerchant(t.db, {
				email: `nouveau${bad}@example.fr`,
				locale: 'fr',
				consent: true,
				ip: '192.0.2.1'
			})
		);
		expect(result).toMatchObject({ ok: false, errors: { email: 'control_character' } });
	});

	it('login: beside the field, before any lookup or counter', async () => {
		const email = await refusedWithoutWriting(() =>
			logIn(t.db, { email: `boutique@example.fr${bad}`, password: PASSWORD, ip: '192.0.2.1' })
		);
		expect(email).toMatchObject({ ok: false, errors: { email: 'control_character' } });
		const password = await refusedWithoutWriting(() =>
			logIn(t.db, { email: 'boutique@example.fr', password: `${bad}x`, ip: '192.0.2.1' })
		);
		expect(password).toMatchObject({ ok: false, errors: { password: 'control_character' } });
	});

	it('forgot password and password change', async () => {
		const forgot = await refusedWithoutWriting(() =>
			requestPasswordReset(t.db, {
				email: `boutique${bad}@example.fr`,
				ip: '192.0.2.1'
			})
		);
		expect(forgot).toMatchObject({ ok: false, errors: { email: 'control_character' } });
		const change = await refusedWithoutWriting(() =>
			changePassword(t.db, merchant, {
				current: `${PASSWORD}${bad}`,
				password: 'quai de seine 4217',
				passwordConfirm: 'quai de seine 4217',
				ip: '192.0.2.1'
			})
		);
		expect(change).toMatchObject({ ok: false, errors: { current: 'control_character' } });
	});

	it('invitation of an official: beside the e-mail and the name', async () => {
		const result = await refusedWithoutWriting(() =>
			inviteOfficial(t.db, admin, {
				email: `agent${bad}@region.fr`,
				displayName: `Agent${bad}`,
				locale: 'fr'
			})
		);
		expect(result).toMatchObject({
			ok: false,
			errors: { email: 'control_character', displayName: 'control_character' }
		});
	});

	it.skipIf(cannotBePosted(bad))(
		'application wizard: beside the field, on "next" and on "save as draft"',
		async () => {
			for (const intent of ['next', 'draft']) {
				const form = new FormData();
				form.set('intent', intent);
				form.set('legalName', `SAS Exemple${bad}`);
				form.set('siret', makeSiret(71_000_001));
				form.set('tradeNameFr', 'Exemple');
				form.set('tradeNameZh', `示例${bad}`);
				form.set('category', 'souvenirs');
				const answer = await refusedWithoutWriting(() =>
					wizardAction(t.db, merchant, null, 'shop', form)
				);
				expect(answer.type).toBe('refused');
				expect((answer as { refusal: { errors: object } }).refusal.errors).toEqual({
					legalName: 'control_character',
					tradeNameZh: 'control_character'
				});
			}
		}
	);

	it.skipIf(cannotBePosted(bad))(
		'acquirer import: the row is refused with its reason; a file name or acquirer is refused',
		async () => {
			const header = 'siret;raison_sociale;enseigne;categorie;adresse;code_postal;ville';
			const good = `${makeSiret(72_000_001)};SAS Bon;Bon;souvenirs;1 rue de Rivoli;75001;Paris`;
			const bad1 = `${makeSiret(72_000_002)};SAS Mal;Mal${bad};souvenirs;2 rue de Rivoli;75001;Paris${bad}`;
			const created = await createDryRun(t.db, {
				csv: [header, good, bad1].join('\n'),
				filename: 'acquereur.csv',
				acquirer: 'Acquéreur',
				uploadedBy: admin.id
			});
			expect(created.ok).toBe(true);
			const report = (await importById(t.db, (created as { importId: number }).importId))!.report!;
			expect(report.rows.map((r) => r.outcome)).toEqual(['create', 'invalid']);
			expect(report.rows[1].errors).toEqual({
				enseigne: 'control_character',
				ville: 'control_character'
			});
			expect(report.rows[1].name).toBe('Mal\ufffd');

			for (const [problem, input] of [
				['file_name_invalid', { filename: `acquereur${bad}.csv`, acquirer: 'Acquéreur' }],
				['acquirer_invalid', { filename: 'acquereur.csv', acquirer: `Acquéreur${bad}` }]
			] as const) {
				const refused = await refusedWithoutWriting(() =>
					createDryRun(t.db, { csv: [header, good].join('\n'), uploadedBy: admin.id, ...input })
				);
				expect(refused).toEqual({ ok: false, problem });
			}
		}
	);
});

describe('a multi-line field', () => {
	let listing: { id: number; version: number };

	beforeAll(async () => {
		const saved = await saveDraft(t.db, merchant, {
			values: { legalName: 'SAS Motif', tradeNameFr: 'Motif', category: 'souvenirs' }
		});
		if (!saved.ok) throw new Error(saved.reason);
		await t.db.update(merchants).set({ status: 'pending' });
		listing = { id: saved.merchant.id, version: saved.merchant.version };
	});

	it('a review reason keeps its line breaks and tabs, and refuses a NUL', async () => {
		const refused = await refusedWithoutWriting(() =>
			reject(t.db, admin, {
				merchantId: listing.id,
				expectedVersion: listing.version,
				reasonCode: 'other',
				reasonText: `SIRET inconnu.\r\nVoir${NUL}`
			})
		);
		expect(refused).toEqual({ ok: false, reason: 'reason_invalid' });
		const done = await reject(t.db, admin, {
			merchantId: listing.id,
			expectedVersion: listing.version,
			reasonCode: 'other',
			reasonText: 'SIRET inconnu.\r\n\tVoir le registre.'
		});
		expect(done.ok).toBe(true);
	});
});
