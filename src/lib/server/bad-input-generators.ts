/**
 * What a visitor may type, generated for the bad-input probe (bad-input.db.test.ts): nasty
 * characters and strings, e-mail addresses, posted forms and CSV text.
 */
import fc from 'fast-check';
import { makeSiret } from '../merchants/siret';

/** Characters that broke sites before: NUL and other controls, RTL marks, BOM, lone surrogates. */
const NASTY_CHARS = [
	'\u0000',
	'\u0007',
	'\u001b',
	'\u007f',
	'\u0085',
	'\u200b',
	'\u200e',
	'\u200f',
	'\u202a',
	'\u202e',
	'\u2066',
	'\u2028',
	'\u3000',
	'\ufeff',
	'\ufffd',
	'\ud800',
	'\udfff',
	'\r',
	'\n',
	'\t',
	'"',
	"'",
	';',
	',',
	'<',
	'>',
	'&',
	'%',
	'\\',
	'/',
	'@',
	'=',
	'+',
	'-',
	'é',
	'中',
	'文',
	'😀',
	'👨‍👩‍👧',
	'🇫🇷',
	'ﷺ',
	'ا',
	'a',
	'0',
	'9',
	' '
];
const nastyChar = fc.constantFrom(...NASTY_CHARS);
/** A string of any kind: nasty characters, any code points, emoji, or huge. */
export const nasty: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.string({ unit: nastyChar, maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.string({ unit: nastyChar, minLength: 1, maxLength: 3 }), fc.nat({ max: 30_000 }))
			.map(([s, n]) => s.repeat(n))
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'',
			' ',
			'null',
			'undefined',
			'NaN',
			'-1',
			'1e309',
			'0x10',
			'[object Object]',
			'<script>alert(1)</script>',
			"' OR 1=1 --",
			'=HYPERLINK("http://evil.example")',
			'../../etc/passwd',
			'%00',
			'\u202egpj.exe'
		)
	}
);
/** An e-mail address, often a nearly right one with something bad inside. */
export const email = fc.oneof(
	nasty,
	fc.tuple(nasty, nasty).map(([a, b]) => `${a}@${b}.fr`),
	fc.tuple(nastyChar, fc.emailAddress()).map(([c, e]) => `${e.slice(0, 3)}${c}${e.slice(3)}`),
	fc.emailAddress()
);

/** A posted form: known names with nasty values, sometimes twice, sometimes a file, plus strays. */
export function formOf(names: readonly string[]) {
	const value = fc.oneof(
		{ weight: 6, arbitrary: nasty.map((s) => s as string | Blob) },
		{ weight: 1, arbitrary: nasty.map((s) => new Blob([s]) as string | Blob) }
	);
	const entry = fc.tuple(fc.oneof(fc.constantFrom(...names), nasty), value);
	return fc.array(entry, { maxLength: 14 }).map((entries) => {
		const form = new FormData();
		for (const [name, v] of entries) {
			if (typeof v === 'string') form.append(name, v);
			else form.append(name, v, 'champ.txt');
		}
		return form;
	});
}

/** CSV text: a header (often right), rows of nasty cells, stray quotes, BOM, mixed line ends. */
const CSV_HEADER = 'siret;raison_sociale;enseigne;categorie;adresse;code_postal;ville';
export const csvText = fc
	.tuple(
		fc.oneof(fc.constant(CSV_HEADER), nasty, fc.constant(CSV_HEADER.replaceAll(';', ','))),
		fc.array(fc.array(fc.oneof(nasty, fc.constant(makeSiret(73_000_001))), { maxLength: 9 }), {
			maxLength: 6
		}),
		fc.constantFrom('\n', '\r\n', '\r'),
		fc.boolean(),
		fc.constantFrom(';', ',', '\t', '"')
	)
	.map(
		([header, rows, eol, bom, sep]) =>
			(bom ? '\ufeff' : '') + [header, ...rows.map((r) => r.join(sep))].join(eol)
	);
