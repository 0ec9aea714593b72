/**
 * Text folding shared by the server and the browser: French and full-width text folded for
 * matching, Chinese tokenised by script runs.
 */
/** Han ideographs, kana and hangul: scripts written without spaces between words. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Ligatures and letters that Unicode does not decompose into a base letter plus accent. */
const LATIN_FOLDS: Record<string, string> = {
	œ: 'oe',
	æ: 'ae',
	ß: 'ss',
	ø: 'o',
	đ: 'd',
	ł: 'l',
	ı: 'i'
};

/**
 * Folds text for matching: NFKC (full-width ＡＢＣ１２３ and U+3000 become ASCII), lower case,
 * no Latin diacritics (é→e, ç→c, œ→oe), CJK left as is, and every run of punctuation or
 * whitespace (、，。·・ ' ’ - …) collapsed into one space. A '+' right after a letter or digit
 * is kept, so that 'alipay+' stays distinct from 'alipay'.
 */
export function normalizeText(s: string): string {
	return s
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[œæßøđłı]/g, (c) => LATIN_FOLDS[c] ?? c)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.normalize('NFC')
		.replace(/(?<![\p{L}\p{N}])\+|[^\p{L}\p{N}+]/gu, ' ')
		.replace(/ {2,}/g, ' ')
		.trim();
}

/** Whether a character belongs to a script written without spaces (Chinese, Japanese, Korean). */
export function isCjk(char: string): boolean {
	return CJK_CHAR.test(char);
}

/** Splits a normalised word where it switches between CJK and other characters ('iphone手机'). */
function splitScripts(word: string): string[] {
	const parts: string[] = [];
	let last = 0;
	for (const m of word.matchAll(CJK_RUN)) {
		if (m.index > last) parts.push(word.slice(last, m.index));
		parts.push(m[0]);
		last = m.index + m[0].length;
	}
	if (last < word.length) parts.push(word.slice(last));
	return parts;
}

/** Normalised tokens of a string; a run of CJK characters stays one token. */
export function tokenize(s: string): string[] {
	const text = normalizeText(s);
	return text === '' ? [] : text.split(' ').flatMap(splitScripts);
}
