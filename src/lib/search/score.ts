/**
 * The score used to rank merchants by name, address and commune against a query's remaining
 * words.
 */
import { isCjk, normalizeText, tokenize } from './text';
import { pinyinWords, toSimplified } from './chinese';

/** The searchable text of a merchant. */
export interface MatchFields {
	nameFr: string;
	nameZh: string | null;
	address: string | null;
	commune: string | null;
}

/**
 * Points per query token, by where it is found (the best place counts):
 * - 12: at the very start of a name ('phar' in 'Pharmacie Monge');
 * - 10: at the start of a word of a name ('opera' in 'Pharmacie de l'Opéra');
 * - 6: elsewhere inside a name ('pharma' in 'Parapharmacie');
 * - 3: at the start of a word of the commune or address;
 * - 1: elsewhere inside the commune or address.
 * CJK has no spaces, so a CJK token counts as a word start only after a space or a Latin part.
 */
export const MATCH_POINTS = {
	namePrefix: 12,
	nameWord: 10,
	nameSubstring: 6,
	placeWord: 3,
	placeSubstring: 1
} as const;

/** Whether position `at` of a normalised text starts a word. */
function isWordStart(text: string, at: number): boolean {
	if (at === 0) return true;
	const before = text[at - 1];
	return before === ' ' || isCjk(before) !== isCjk(text[at]);
}

/** 2 at the start of the text, 1 at another word start, 0.5 inside a word, 0 when absent. */
function placeOf(token: string, text: string): number {
	let best = 0;
	for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
		best = Math.max(best, at === 0 ? 2 : isWordStart(text, at) ? 1 : 0.5);
		if (best === 2) break;
	}
	return best;
}

/** Points one token earns against a merchant's prepared texts. */
function tokenScore(token: string, fields: PreparedFields): number {
	const inName = Math.max(0, ...fields.names.map((n) => placeOf(token, n)));
	if (inName === 2) return MATCH_POINTS.namePrefix;
	if (inName === 1) return MATCH_POINTS.nameWord;
	if (inName === 0.5) return MATCH_POINTS.nameSubstring;
	// Pinyin of the Chinese name: a word start counts as one, inside only for a long token
	// (short Latin tokens occur by chance inside pinyin).
	if (token.length >= 3 && !isCjk(token[0])) {
		const inPinyin = Math.max(0, ...fields.pinyin.map((p) => placeOf(token, p)));
		if (inPinyin >= 1) return MATCH_POINTS.nameWord;
		if (inPinyin > 0 && token.length >= 5) return MATCH_POINTS.nameSubstring;
	}
	const inPlace = Math.max(0, ...fields.places.map((p) => placeOf(token, p)));
	if (inPlace >= 1) return MATCH_POINTS.placeWord;
	return inPlace > 0 ? MATCH_POINTS.placeSubstring : 0;
}

/**
 * Ranking score of a merchant for the `rest` tokens of a query: the sum of MATCH_POINTS over the
 * tokens, or 0 as soon as one token matches nothing. With no tokens every merchant scores 1.
 */
export function matchScore(tokens: string[], fields: MatchFields): number {
	return matchPrepared(prepareQuery(tokens), prepareFields(fields));
}

/** A listing's searchable text, normalised once (an index keeps these). */
export interface PreparedFields {
	/** The French name and the Chinese name in simplified characters, normalised. */
	names: string[];
	/** The Chinese name's pinyin, one word per run of characters (药房 → yaofang). */
	pinyin: string[];
	places: string[];
}

export function prepareFields(fields: MatchFields): PreparedFields {
	return {
		names: [fields.nameFr, toSimplified(fields.nameZh ?? '')].map(normalizeText).filter(Boolean),
		pinyin: fields.nameZh ? pinyinWords(fields.nameZh) : [],
		places: [fields.commune ?? '', fields.address ?? ''].map(normalizeText).filter(Boolean)
	};
}

/** The query's tokens, split once per search (traditional characters made simplified). */
export function prepareQuery(tokens: string[]): string[] {
	return tokens.flatMap((t) => tokenize(toSimplified(t)));
}

/** matchScore on prepared query tokens and fields: what a search over many listings calls. */
export function matchPrepared(queryTokens: string[], fields: PreparedFields): number {
	if (queryTokens.length === 0) return 1;
	let total = 0;
	for (const token of queryTokens) {
		const points = tokenScore(token, fields);
		if (points === 0) return 0;
		total += points;
	}
	return total;
}
