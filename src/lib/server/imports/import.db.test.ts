import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, imports, merchants, users } from '../db/schema';
import { createDryRun, importById, type ReportRow } from './import';
import { IMPORT_JOB, importJob, startImport } from './run';
import { JobRunner } from '../jobs/runner';
import { makeSiret } from '../../merchants/siret';
import { syntheticAcquirerCsv } from './synthetic';

let t: TestDatabase;
let officialId: string;
const sample = readFileSync('docs/samples/acquirer-sample.csv', 'utf8');

beforeAll(async () => {
	t = await openTestDatabase();
	const [u] = await t.db
		.insert(users)
		.values({ email: 'import@region.fr', role: 'official' })
		.returning({ id: users.id });
	officialId = u.id;
});
afterAll(() => t?.close());

async function dryRun(text: string, filename = 'sample.csv') {
	const result = await createDryRun(t.db, {
		csv: text,
		filename,
		acquirer: 'Acquéreur Démo',
		uploadedBy: officialId
	});
	if (!result.ok) throw new Error(result.problem);
	return (await importById(t.db, result.importId))!;
}

/**
 * The job runner of a server: runs the import's job (and resumes it, when `now` is later); with
 * no pause between batches (no visitor to make room for).
 */
const runner = (now?: () => Date) =>
	new JobRunner(t.db, {
		handlers: { [IMPORT_JOB]: importJob },
		now,
		worker: 'test-runner',
		paceMaxMs: 0
	});

async function run(importId: number) {
	const started = await startImport(t.db, importId, officialId);
	if (!started.ok) throw new Error(started.reason);
	await runner().runDue();
	return (await importById(t.db, importId))!;
}

/** What an import wrote, from its counters. */
const written = (imp: {
	rowsCreated: number;
	rowsUpdated: number;
	rowsUnchanged: number;
	rowsSkipped: number;
}) => ({
	created: imp.rowsCreated,
	updated: imp.rowsUpdated,
	unchanged: imp.rowsUnchanged,
	skipped: imp.rowsSkipped
});

const outcomes = (rows: ReportRow[]) => rows.map((r) => `${r.line}:${r.outcome}`);

describe('acquirer import', () => {
	let firstId: number;

	it('dry run: valid and invalid rows with a reason each, duplicates by SIRET, nothing written', async () => {
		const dry = await dryRun(sample);
		firstId = dry.id;
		expect(dry.status).toBe('dry_run');
		expect(dry.rowsTotal).toBe(11);
		expect(dry.rowsInvalid).toBe(6);
		expect(dry.rowsCreated).toBe(5);
		const rows = dry.report!.rows;
		expect(outcomes(rows)).toEqual([
			'2:create',
			'3:create',
			'4:create',
			'5:create',
			'6:create',
			'7:invalid',
			'8:invalid',
			'9:invalid',
			'10:invalid',
			'11:invalid',
			'12:invalid'
		]);
		expect(rows[8]).toMatchObject({ errors: { siret: 'duplicate_in_file' }, duplicateOf: 2 });
		expect(rows[6].errors).toEqual({ code_postal: 'postal_code_not_idf' });
		const [{ n }] = await t.db.select({ n: count() }).from(merchants);
		expect(n).toBe(0);
	});

	it('imports only the good rows, pending, with their source and import id', async () => {
		const done = await run(firstId);
		expect(done.status).toBe('done');
		expect(done.rowsProcessed).toBe(5);
		expect(written(done)).toEqual({ created: 5, updated: 0, unchanged: 0, skipped: 0 });
		const rows = await t.db.select().from(merchants).orderBy(merchants.siret);
		expect(rows).toHaveLength(5);
		for (const r of rows) {
			expect(r).toMatchObject({ source: 'import', importId: firstId, status: 'pending' });
			expect(r.acquirer).toBe('Acquéreur Démo');
		}
		const [{ n }] = await t.db
			.select({ n: count() })
			.from(auditEvents)
			.where(eq(auditEvents.action, 'import_create'));
		expect(n).toBe(5);
	});

	it('refuses to run the same import twice', async () => {
		expect(await startImport(t.db, firstId, officialId)).toEqual({
			ok: false,
			reason: 'not_ready',
			status: 'done'
		});
	});

	it('importing the same file again changes nothing, and says so', async () => {
		const dry = await dryRun(sample);
		expect(dry.rowsCreated).toBe(0);
		expect(dry.rowsUpdated).toBe(0);
		expect(dry.rowsUnchanged).toBe(5);
		const before = await t.db.select().from(merchants).orderBy(merchants.id);
		const done = await run(dry.id);
		expect(written(done)).toEqual({ created: 0, updated: 0, unchanged: 5, skipped: 0 });
		expect(await t.db.select().from(merchants).orderBy(merchants.id)).toEqual(before);
	});

	it('updates what changed, keeps a pin the file does not give, skips self-registered listings', async () => {
		const [pharmacy] = await t.db
			.select()
			.from(merchants)
			.where(eq(merchants.siret, '81200113900011'));
		// An official moved the pin of an imported merchant placed at its commune centre.
		await t.db
			.update(merchants)
			.set({ latitude: 48.8631, longitude: 2.3372 })
			.where(eq(merchants.id, pharmacy.id));
		const ownSiret = makeSiret(55_555_555);
		await t.db.insert(merchants).values({
			legalName: 'SAS OWN',
			tradeNameFr: 'Inscrit seul',
			category: 'hotel',
			siret: ownSiret,
			source: 'self_registered'
		});
		const edited =
			sample.replace('Maison Lumière;光之家', 'Maison Lumière Paris;光之家') +
			`${ownSiret};SAS OWN;Écrasé;;hotel;1 rue X;75001;Paris;;;;;alipay;non;non;\n`;
		const dry = await dryRun(edited, 'edited.csv');
		const planned = dry.report!.rows.filter((r) => r.outcome !== 'invalid');
		expect(planned.map((r) => r.outcome)).toEqual([
			'update',
			'unchanged',
			'unchanged',
			'unchanged',
			'unchanged',
			'skipped'
		]);
		expect(planned[0].changed).toEqual(['tradeNameFr']);
		const done = await run(dry.id);
		expect(written(done)).toEqual({ created: 0, updated: 1, unchanged: 4, skipped: 1 });
		const [lumiere] = await t.db
			.select()
			.from(merchants)
			.where(eq(merchants.siret, '81200000800019'));
		expect(lumiere.tradeNameFr).toBe('Maison Lumière Paris');
		expect(lumiere.importId).toBe(dry.id);
		const [moved] = await t.db.select().from(merchants).where(eq(merchants.id, pharmacy.id));
		expect([moved.latitude, moved.longitude]).toEqual([48.8631, 2.3372]);
		const [own] = await t.db.select().from(merchants).where(eq(merchants.siret, ownSiret));
		expect(own.tradeNameFr).toBe('Inscrit seul');
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'import_update'), eq(auditEvents.merchantId, lumiere.id)));
		expect(audit.before).toEqual({ tradeNameFr: 'Maison Lumière' });
	});

	it('reads commas without a BOM, and says which columns are missing', async () => {
		const comma =
			'SIRET,Raison sociale,Enseigne,Categorie,Adresse,Code postal,Ville\n' +
			`${makeSiret(66_666_666)},SAS V,Virgule,hotel,"1, rue de Rivoli",75004,Paris\n`;
		const dry = await dryRun(comma, 'virgules.csv');
		expect(dry.report!.delimiter).toBe(',');
		expect(dry.report!.rows[0]).toMatchObject({ outcome: 'create', line: 2 });
		expect(dry.report!.rows[0].values!.address).toBe('1, rue de Rivoli');
		expect(
			await createDryRun(t.db, {
				csv: 'siret;enseigne\n1;2\n',
				filename: 'x.csv',
				acquirer: 'A',
				uploadedBy: officialId
			})
		).toEqual({
			ok: false,
			problem: 'missing_columns',
			missing: ['raison_sociale', 'categorie', 'adresse', 'code_postal']
		});
	});

	it('imports 10,000 rows in batches, counting progress', async () => {
		const dry = await dryRun(syntheticAcquirerCsv(10_000), 'gros.csv');
		expect(dry.rowsCreated).toBe(10_000);
		const started = await startImport(t.db, dry.id, officialId);
		if (!started.ok) throw new Error(started.reason);
		// A second start while it is queued is refused.
		expect(await startImport(t.db, dry.id, officialId)).toMatchObject({ ok: false });
		await runner().runDue();
		const [row] = await t.db.select().from(imports).where(eq(imports.id, dry.id));
		expect(row).toMatchObject({ status: 'done', rowsProcessed: 10_000, rowsCreated: 10_000 });
		const [{ n }] = await t.db
			.select({ n: count() })
			.from(merchants)
			.where(eq(merchants.importId, dry.id));
		expect(n).toBe(10_000);
		// Small batches (each transaction short, for the visitors meanwhile): minutes on a busy machine.
	}, 300_000);
});
