import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	columnOf,
	detectDelimiter,
	MAX_IMPORT_ROWS,
	readAcquirerCsv,
	REQUIRED_COLUMNS as REQUIRED
} from './csv';
import { syntheticAcquirerCsv } from './synthetic';

const sample = readFileSync('docs/samples/acquirer-sample.csv', 'utf8');

describe('reading an acquirer CSV', () => {
	it('maps French and English headers, any case, with or without accents', () => {
		expect(columnOf(' Code postal ')).toBe('code_postal');
		expect(columnOf('Catégorie')).toBe('categorie');
		expect(columnOf('Raison sociale')).toBe('raison_sociale');
		expect(columnOf('postal_code')).toBe('code_postal');
		expect(columnOf('Couleur')).toBeNull();
	});

	it('detects the separator from the header line, quotes respected', () => {
		expect(detectDelimiter('siret;enseigne;"a,b,c"\n1;2;3')).toBe(';');
		expect(detectDelimiter('\uFEFFsiret,enseigne,"x;y;z"\n')).toBe(',');
	});

	it('reads the sample file (BOM, semicolons, a quoted cell holding a semicolon)', async () => {
		const r = await readAcquirerCsv(sample);
		if (!r.ok) throw new Error(r.problem);
		expect(r.delimiter).toBe(';');
		expect(r.columns[0]).toBe('siret');
		expect(r.rows).toHaveLength(11);
		expect(r.rows[0].line).toBe(2);
		expect(r.rows[1].cells.adresse).toBe('5 place du Palais-Royal; escalier B');
		expect(r.rows[1].cells.nom_chinois).toBe('卢浮宫药房');
	});

	it('reads commas without a BOM, and counts lines of multi-line cells', async () => {
		const r = await readAcquirerCsv(
			'SIRET,Raison sociale,Enseigne,Categorie,Adresse,Code postal,Couleur\n' +
				'1,A,"Deux\nlignes",hotel,x,75001,bleu\n\n' +
				'2,B,C,hotel,y,75002,rouge\n'
		);
		if (!r.ok) throw new Error(r.problem);
		expect(r.delimiter).toBe(',');
		expect(r.ignored).toEqual(['Couleur']);
		expect(r.rows.map((row) => row.line)).toEqual([2, 5]);
		expect(r.rows[0].cells.enseigne).toBe('Deux\nlignes');
	});

	it('says which required columns are missing, and refuses an empty file', async () => {
		expect(await readAcquirerCsv('siret;enseigne\n1;2')).toEqual({
			ok: false,
			problem: 'missing_columns',
			missing: ['raison_sociale', 'categorie', 'adresse', 'code_postal']
		});
		expect(await readAcquirerCsv('\uFEFF\n')).toEqual({ ok: false, problem: 'empty' });
	});

	it('reads an uploaded file in chunks, characters split across chunks included', async () => {
		const bytes = new TextEncoder().encode(sample);
		// A Blob whose stream hands out 7 bytes at a time: a Chinese character spans chunks.
		const chunked = {
			stream: () =>
				new ReadableStream<Uint8Array>({
					start(controller) {
						for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7));
						controller.close();
					}
				})
		} as unknown as Blob;
		expect(await readAcquirerCsv(chunked)).toEqual(await readAcquirerCsv(sample));
		expect(await readAcquirerCsv(new Blob([sample]))).toEqual(await readAcquirerCsv(sample));
	});

	it(`refuses a file of more than ${MAX_IMPORT_ROWS} rows, with its count`, async () => {
		expect(await readAcquirerCsv(new Blob([syntheticAcquirerCsv(12)]), 10)).toEqual({
			ok: false,
			problem: 'too_many_rows',
			rows: 12
		});
		const exactly = await readAcquirerCsv(syntheticAcquirerCsv(10), 10);
		expect(exactly.ok && exactly.rows.length).toBe(10);
		expect(await readAcquirerCsv(syntheticAcquirerCsv(MAX_IMPORT_ROWS + 1))).toEqual({
			ok: false,
			problem: 'too_many_rows',
			rows: MAX_IMPORT_ROWS + 1
		});
	});

	it('refuses a quote left open as unreadable', async () => {
		expect(await readAcquirerCsv(`${REQUIRED.join(';')}\n"1;A\n`)).toMatchObject({
			ok: false,
			problem: 'unreadable'
		});
	});
});
