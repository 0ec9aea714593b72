import { describe, expect, it } from 'vitest';
import { BOM, CSV_DIALECTS, csvCell, toCsv } from './csv';

const fr = CSV_DIALECTS.fr;
const zh = CSV_DIALECTS.zh;

describe('csv', () => {
	it('starts with a BOM and ends lines with CRLF', () => {
		const text = toCsv(['a', 'b'], [[1, 'x']], fr);
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(text).toBe(`${BOM}a;b\r\n1;x\r\n`);
	});

	it('neutralises cells that a spreadsheet would run as formulas', () => {
		for (const bad of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
			expect(csvCell(bad, zh).replace(/^"/, '').startsWith("'")).toBe(true);
		}
		expect(csvCell('=1+1', fr)).toBe("'=1+1");
		expect(csvCell('Café = bon', fr)).toBe('Café = bon');
	});

	it('writes numbers as numbers, negative ones included, with the dialect decimal', () => {
		expect(csvCell(-3, fr)).toBe('-3');
		expect(csvCell(1234.5, fr)).toBe('1234,5');
		expect(csvCell(1234.5, zh)).toBe('1234.5');
		expect(csvCell(Number.NaN, zh)).toBe('');
		expect(csvCell(null, zh)).toBe('');
	});

	it('quotes cells holding the separator, quotes or line breaks', () => {
		expect(csvCell('a;b', fr)).toBe('"a;b"');
		expect(csvCell('a;b', zh)).toBe('a;b');
		expect(csvCell('a,b', zh)).toBe('"a,b"');
		expect(csvCell('say "hi"', zh)).toBe('"say ""hi"""');
		expect(csvCell('two\nlines', fr)).toBe('"two\nlines"');
		// A decimal comma in French is inside a ;-separated file: no quotes needed.
		expect(toCsv(['x'], [[0.5]], fr)).toBe(`${BOM}x\r\n0,5\r\n`);
		expect(toCsv(['名称', 'n'], [['巴黎春天', 2]], zh)).toBe(`${BOM}名称,n\r\n巴黎春天,2\r\n`);
	});
});
