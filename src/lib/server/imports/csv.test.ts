import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnOf, detectDelimiter, readAcquirerCsv } from './csv';

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

	it('reads the sample file (BOM, semicolons, a quoted cell holding a semicolon)', () => {
		const r = readAcquirerCsv(sample);
		if (!r.ok) throw new Error(r.problem);
		expect(r.delimiter).toBe(';');
		expect(r.columns[0]).toBe('siret');
		expect(r.rows).toHaveLength(11);
		expect(r.rows[0].line).toBe(2);
		expect(r.rows[1].cells.adresse).toBe('5 place du Palais-Royal; escalier B');
		expect(r.rows[1].cells.nom_chinois).toBe('卢浮宫药房');
	});

	it('reads commas without a BOM, and counts lines of multi-line cells', () => {
		const r = readAcquirerCsv(
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

	it('says which required columns are missing, and refuses an empty file', () => {
		expect(readAcquirerCsv('siret;enseigne\n1;2')).toEqual({
			ok: false,
			problem: 'missing_columns',
			missing: ['raison_sociale', 'categorie', 'adresse', 'code_postal']
		});
		expect(readAcquirerCsv('\uFEFF\n')).toEqual({ ok: false, problem: 'empty' });
	});
});
