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

/** Where a token is found in a text, best first (a text's start, a word's start, inside). */
const AT_START = 3;
const AT_WORD = 2;
const INSIDE = 1;

/**
 * Points one query token earns, from where it was found (AT_START … INSIDE, 0: absent) in the
 * names, the pinyin of the Chinese name and the places; `inPinyin` is only read when
 * `pinyinCounts(token)`.
 */
function tokenPoints(token: string, inName: number, inPinyin: number, inPlace: number): number {
	if (inName === AT_START) return MATCH_POINTS.namePrefix;
	if (inName === AT_WORD) return MATCH_POINTS.nameWord;
	if (inName === INSIDE) return MATCH_POINTS.nameSubstring;
	// Pinyin of the Chinese name: a word start counts as one, inside only for a long token
	// (short Latin tokens occur by chance inside pinyin).
	if (pinyinCounts(token)) {
		if (inPinyin >= AT_WORD) return MATCH_POINTS.nameWord;
		if (inPinyin > 0 && token.length >= 5) return MATCH_POINTS.nameSubstring;
	}
	if (inPlace >= AT_WORD) return MATCH_POINTS.placeWord;
	return inPlace > 0 ? MATCH_POINTS.placeSubstring : 0;
}

const pinyinCounts = (token: string) => token.length >= 3 && !isCjk(token[0]);

/**
 * Ranking score of a merchant for the `rest` tokens of a query: the sum of MATCH_POINTS over the
 * tokens, or 0 as soon as one token matches nothing. With no tokens every merchant scores 1.
 */
export function matchScore(tokens: string[], fields: MatchFields): number {
	return SearchTexts.of([prepareFields(fields)]).scores(prepareQuery(tokens))[0];
}

/** A listing's searchable text, normalised once. */
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

/** Separates the texts in a JoinedTexts (normalised text has no control character). */
const SEP = '\u0000';

/**
 * One field's texts (names, pinyin or places) of many listings in one string, each text after a
 * SEP, and where each listing's texts start: a few strings instead of arrays per listing, and a
 * token is looked for in all of them by one indexOf scan.
 */
class JoinedTexts {
	private constructor(
		readonly text: string,
		/** Listing i's texts are text[starts[i] .. starts[i + 1]). */
		readonly starts: Int32Array
	) {}

	static of(count: number, textsOf: (i: number) => readonly string[]): JoinedTexts {
		const parts: string[] = [];
		const starts = new Int32Array(count + 1);
		let length = 0;
		for (let i = 0; i < count; i++) {
			starts[i] = length;
			for (const t of textsOf(i)) {
				parts.push(SEP, t);
				length += 1 + t.length;
			}
		}
		starts[count] = length;
		// join() gives one flat string (concatenation would keep a rope of 100,000 pieces).
		return new JoinedTexts(parts.join(''), starts);
	}

	/** The listings picked (part partOf[k], position at[k]), in order, from `parts` joined. */
	static gather(parts: readonly JoinedTexts[], partOf: Uint8Array, at: Int32Array): JoinedTexts {
		const n = at.length;
		const pieces = new Array<string>(n);
		const starts = new Int32Array(n + 1);
		let length = 0;
		for (let k = 0; k < n; k++) {
			const { text, starts: from } = parts[partOf[k]];
			pieces[k] = text.slice(from[at[k]], from[at[k] + 1]);
			starts[k] = length;
			length += pieces[k].length;
		}
		starts[n] = length;
		return new JoinedTexts(pieces.join(''), starts);
	}

	/** A copy with the texts of some positions replaced. */
	replaced(textsAt: ReadonlyMap<number, readonly string[]>): JoinedTexts {
		const n = this.count;
		const starts = new Int32Array(n + 1);
		const pieces: string[] = [];
		let copiedTo = 0;
		let shift = 0;
		for (const i of [...textsAt.keys()].sort((a, b) => a - b)) {
			for (let k = copiedTo; k <= i; k++) starts[k] = this.starts[k] + shift;
			pieces.push(this.text.slice(this.starts[copiedTo], this.starts[i]));
			const segment = textsAt
				.get(i)!
				.map((t) => SEP + t)
				.join('');
			pieces.push(segment);
			shift += segment.length - (this.starts[i + 1] - this.starts[i]);
			copiedTo = i + 1;
		}
		for (let k = copiedTo; k <= n; k++) starts[k] = this.starts[k] + shift;
		pieces.push(this.text.slice(this.starts[copiedTo]));
		return new JoinedTexts(pieces.join(''), starts);
	}

	get count(): number {
		return this.starts.length - 1;
	}

	texts(i: number): string[] {
		return this.text
			.slice(this.starts[i] + 1, this.starts[i + 1])
			.split(SEP)
			.filter(Boolean);
	}

	/** For each listing, where `token` is found best in its texts (max into `best`). */
	find(token: string, best: Uint8Array): void {
		const { text, starts } = this;
		const cjk = isCjk(token[0]);
		for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
			const before = text[at - 1];
			const where =
				before === SEP ? AT_START : before === ' ' || isCjk(before) !== cjk ? AT_WORD : INSIDE;
			let lo = 0;
			let hi = this.count - 1;
			while (lo < hi) {
				const mid = (lo + hi + 1) >> 1;
				if (starts[mid] <= at) lo = mid;
				else hi = mid - 1;
			}
			if (where > best[lo]) best[lo] = where;
		}
	}
}

/** The prepared search texts of many listings, by position, and their scores for a query. */
export class SearchTexts {
	private constructor(
		readonly names: JoinedTexts,
		readonly pinyin: JoinedTexts,
		readonly places: JoinedTexts
	) {}

	static of(fields: readonly PreparedFields[]): SearchTexts {
		return SearchTexts.from(fields.length, (i) => fields[i]);
	}

	/** From each position's prepared fields (read once per field, in order). */
	static from(count: number, fieldsOf: (i: number) => PreparedFields): SearchTexts {
		return new SearchTexts(
			JoinedTexts.of(count, (i) => fieldsOf(i).names),
			JoinedTexts.of(count, (i) => fieldsOf(i).pinyin),
			JoinedTexts.of(count, (i) => fieldsOf(i).places)
		);
	}

	static gather(parts: readonly SearchTexts[], partOf: Uint8Array, at: Int32Array): SearchTexts {
		const field = (f: 'names' | 'pinyin' | 'places') =>
			JoinedTexts.gather(
				parts.map((p) => p[f]),
				partOf,
				at
			);
		return new SearchTexts(field('names'), field('pinyin'), field('places'));
	}

	/** A copy with the prepared fields of some positions replaced. */
	replaced(fieldsAt: ReadonlyMap<number, PreparedFields>): SearchTexts {
		const field = (f: 'names' | 'pinyin' | 'places') =>
			this[f].replaced(new Map([...fieldsAt].map(([i, fields]) => [i, fields[f]])));
		return new SearchTexts(field('names'), field('pinyin'), field('places'));
	}

	get count(): number {
		return this.names.count;
	}

	/** The prepared fields of one position. */
	fields(i: number): PreparedFields {
		return {
			names: this.names.texts(i),
			pinyin: this.pinyin.texts(i),
			places: this.places.texts(i)
		};
	}

	/**
	 * matchScore of every position for prepared query tokens (capped at 255): 0 for a position
	 * where a token matches nothing, 1 for all when there is no token.
	 */
	scores(tokens: readonly string[]): Uint8Array {
		const n = this.count;
		const result = new Uint8Array(n).fill(1);
		if (!tokens.length) return result;
		const total = new Uint16Array(n);
		for (const token of tokens) {
			const inName = new Uint8Array(n);
			const inPinyin = new Uint8Array(n);
			const inPlace = new Uint8Array(n);
			this.names.find(token, inName);
			if (pinyinCounts(token)) this.pinyin.find(token, inPinyin);
			this.places.find(token, inPlace);
			for (let i = 0; i < n; i++) {
				if (result[i] === 0) continue;
				const points = tokenPoints(token, inName[i], inPinyin[i], inPlace[i]);
				if (points === 0) result[i] = 0;
				else total[i] += points;
			}
		}
		for (let i = 0; i < n; i++) if (result[i]) result[i] = Math.min(255, total[i]);
		return result;
	}
}
