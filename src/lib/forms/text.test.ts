import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	controlCharacterError,
	hasControlCharacter,
	truncate,
	withoutControlCharacters
} from './text';

/** An independent reading, code unit by code unit: what the rule means. */
function oracle(value: string, multiline: boolean): boolean {
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
		if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return true;
		if (c >= 0xd800 && c <= 0xdbff) {
			const next = value.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) i++;
			else return true;
		} else if (c >= 0xdc00 && c <= 0xdfff) return true;
	}
	return false;
}

const forbidden = fc.oneof(
	fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
	fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
	fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
);
/** Text people type: letters of any script, emoji, RTL marks, ideographic space, symbols. */
const typed = fc.string({ unit: 'grapheme', maxLength: 40 });
const mixed = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 80 }),
	fc.string({
		unit: fc.oneof(
			forbidden,
			fc.constantFrom('a', '中', '\u200f', '\u3000', '😀', '\t', '\n', '\r')
		),
		maxLength: 30
	}),
	typed
);

describe('hasControlCharacter', () => {
	it.each([
		['\0', true],
		['nom\u0000@example.fr', true],
		['a\u007fb', true],
		['a\u0085b', true],
		['\ud800', true],
		['\udc00x', true],
		['Tour Eiffel 埃菲尔铁塔 😀', false],
		['Café\u3000de la Paix', false],
		['مرحبا\u200f', false],
		['ligne 1\r\nligne 2\tfin', true]
	])('%j → %s (one-line field)', (value, expected) => {
		expect(hasControlCharacter(value)).toBe(expected);
	});

	it('lets a multi-line field keep tabs and line breaks, nothing else', () => {
		expect(hasControlCharacter('ligne 1\r\nligne 2\tfin', { multiline: true })).toBe(false);
		expect(hasControlCharacter('ligne 1\n\u0000', { multiline: true })).toBe(true);
		expect(controlCharacterError('\u000b', { multiline: true })).toBe('control_character');
		expect(controlCharacterError('ok', { multiline: true })).toBeNull();
	});

	it('agrees with a code-unit reading of the rule (property, 3,000 values each way)', () => {
		for (const multiline of [false, true]) {
			fc.assert(
				fc.property(mixed, (value) => {
					expect(hasControlCharacter(value, { multiline })).toBe(oracle(value, multiline));
				}),
				{ numRuns: 3000 }
			);
		}
	});

	it('accepts any well-formed typed text, and refuses it once a forbidden character is slipped in', () => {
		fc.assert(
			fc.property(typed, forbidden, fc.nat(), (text, bad, at) => {
				const clean = withoutControlCharacters(text);
				expect(hasControlCharacter(clean)).toBe(false);
				const i = at % (clean.length + 1);
				// A lone surrogate slipped between a pair's halves is still refused.
				expect(hasControlCharacter(clean.slice(0, i) + bad + clean.slice(i))).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});

	it('withoutControlCharacters leaves nothing refused, and changes nothing acceptable', () => {
		fc.assert(
			fc.property(mixed, (value) => {
				const cleaned = withoutControlCharacters(value);
				expect(hasControlCharacter(cleaned)).toBe(false);
				if (!oracle(value, false)) expect(cleaned).toBe(value);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('truncate', () => {
	it('counts code points, never cutting a character outside the BMP in half', () => {
		expect(truncate('abc', 5)).toBe('abc');
		expect(truncate('abcdef', 3)).toBe('abc');
		expect(truncate('a😀b', 2)).toBe('a😀');
		const cut = truncate('👨\u200d👩\u200d👧a'.repeat(20), 25);
		expect([...cut]).toHaveLength(25);
		expect(cut).not.toMatch(
			/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
		);
	});
});
