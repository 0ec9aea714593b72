/**
 * The keywords of keywords.ts normalised once and looked up in queries: Chinese keywords as
 * substrings of a run of characters (longest first), Latin ones as whole words or phrases,
 * and the pinyin of every Chinese keyword of two characters or more as a Latin word
 * (yaodian → 药店, tuishui → 退税).
 */
import { CATEGORIES, type Category, type PaymentMethod } from '../merchants/vocabulary';
import { isCjk, tokenize } from './text';
import { pinyinWords } from './chinese';
import {
	CATEGORY_KEYWORDS,
	FEATURE_KEYWORDS,
	PAYMENT_KEYWORDS,
	SHOP_KINDS,
	STOPWORDS,
	type ShopKind
} from './keywords';

/** What a keyword stands for once recognised in a query. */
export type Meaning =
	| { kind: 'category'; value: Category }
	| { kind: 'shopKind'; value: ShopKind }
	| { kind: 'payment'; value: PaymentMethod }
	| { kind: 'taxFree' }
	| { kind: 'chineseStaff' }
	| { kind: 'stop' };

/** A keyword split into normalised words (several for a French phrase, one for Chinese). */
export interface Keyword {
	words: string[];
	meanings: Meaning[];
}

/** Folds a French plural ending for keyword comparison only ('musées' ≈ 'musee', 'cadeaux'). */
function singular(word: string): string {
	return word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
}

/** Adds one keyword's meaning to an index keyed by its normalised, plural-folded form. */
function addWords(index: Map<string, Keyword>, words: string[], meaning: Meaning): void {
	if (words.length === 0) return;
	const key = words.join(' ');
	const entry = index.get(key) ?? { words, meanings: [] };
	if (!entry.meanings.some((m) => JSON.stringify(m) === JSON.stringify(meaning))) {
		entry.meanings.push(meaning);
	}
	index.set(key, entry);
}

/** A keyword in its natural spelling and, when Chinese of 2+ characters, its pinyin. */
function addKeyword(index: Map<string, Keyword>, natural: string, meaning: Meaning): void {
	addWords(index, tokenize(natural).map(singular), meaning);
	if (meaning.kind === 'stop' || [...natural].length < 2) return;
	const pinyin = pinyinWords(natural);
	if (pinyin.length === 1 && pinyin[0].length > 3) addWords(index, pinyin, meaning);
}

/** Every keyword, normalised once. */
function buildKeywordIndex(): Map<string, Keyword> {
	const index = new Map<string, Keyword>();
	for (const category of CATEGORIES) {
		for (const k of CATEGORY_KEYWORDS[category]) {
			addKeyword(index, k, { kind: 'category', value: category });
		}
	}
	for (const [kind, { category, query }] of Object.entries(SHOP_KINDS)) {
		for (const k of query) {
			addKeyword(index, k, { kind: 'shopKind', value: kind as ShopKind });
			addKeyword(index, k, { kind: 'category', value: category });
		}
	}
	for (const [method, words] of Object.entries(PAYMENT_KEYWORDS) as [PaymentMethod, string[]][]) {
		for (const k of words) addKeyword(index, k, { kind: 'payment', value: method });
	}
	for (const k of FEATURE_KEYWORDS.taxFree) addKeyword(index, k, { kind: 'taxFree' });
	for (const k of FEATURE_KEYWORDS.chineseStaff) addKeyword(index, k, { kind: 'chineseStaff' });
	for (const k of STOPWORDS) addKeyword(index, k, { kind: 'stop' });
	return index;
}

const KEYWORDS = buildKeywordIndex();
/** Chinese keywords, looked up as substrings of CJK tokens. */
const CJK_KEYWORDS = new Map(
	[...KEYWORDS].filter(([key]) => isCjk(key[0])).map(([key, k]) => [key, k.meanings])
);
const LONGEST_CJK_KEYWORD = Math.max(...[...CJK_KEYWORDS.keys()].map((k) => k.length));
/** Latin keywords (one or more words), longest phrase first. */
const LATIN_KEYWORDS = [...KEYWORDS.values()]
	.filter((k) => !isCjk(k.words[0][0]))
	.sort((a, b) => b.words.length - a.words.length);

/** Splits a CJK token into keyword meanings and the unmatched remainders, longest match first. */
export function scanCjk(token: string): { meanings: Meaning[]; rest: string[] } {
	const meanings: Meaning[] = [];
	const rest: string[] = [];
	let pending = '';
	let i = 0;
	while (i < token.length) {
		let found = 0;
		for (let len = Math.min(LONGEST_CJK_KEYWORD, token.length - i); len > 0; len--) {
			const m = CJK_KEYWORDS.get(token.slice(i, i + len));
			if (m) {
				meanings.push(...m);
				found = len;
				break;
			}
		}
		if (found > 0) {
			if (pending) rest.push(pending);
			pending = '';
			i += found;
		} else {
			pending += token[i];
			i += 1;
		}
	}
	if (pending) rest.push(pending);
	return { meanings, rest };
}

/** The longest Latin keyword phrase starting at tokens[i], if any. */
export function latinKeywordAt(tokens: string[], i: number): Keyword | undefined {
	return LATIN_KEYWORDS.find(
		(k) =>
			i + k.words.length <= tokens.length && k.words.every((w, j) => singular(tokens[i + j]) === w)
	);
}

/** Each kind's name words, normalised. */
const KIND_NAME_WORDS = Object.entries(SHOP_KINDS).map(
	([kind, { name }]) => [kind as ShopKind, name.flatMap(tokenize)] as const
);

/**
 * The kinds a listing's name says it is: a kind's name word at the start of a word of one of
 * its normalised names ('grande pharmacie x' is a pharmacy, 'parapharmacie x' is not); in
 * Chinese anywhere in a name ('x大药房').
 */
export function shopKindsOfNames(names: string[]): ShopKind[] {
	return KIND_NAME_WORDS.filter(([, words]) =>
		words.some((w) => names.some((n) => (isCjk(w[0]) ? n.includes(w) : ` ${n}`.includes(` ${w}`))))
	).map(([kind]) => kind);
}
