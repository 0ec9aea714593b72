/**
 * Search normalisation shared by the server and the browser: folding of French and full-width
 * text, tokenising of Chinese, recognition of category / feature / wallet words in a query, and
 * the score used to rank merchants by name, address and commune.
 */
import { CATEGORIES, type Category, type PaymentMethod } from '../merchants/vocabulary';

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

/**
 * Words people type for each category, in Chinese and French (plus a few English words
 * tourists use). Stored in natural spelling; they are normalised when the index is built.
 * Longer phrases win over shorter ones, so '面包' (bread) is a bakery, not '包' (bag), and
 * 'restaurant chinois' is a restaurant, not a request for Chinese-speaking staff.
 */
export const CATEGORY_KEYWORDS: Record<Category, string[]> = {
	cosmetics_pharmacy: [
		'药店',
		'药房',
		'药妆',
		'药妆店',
		'买药',
		'药品',
		'化妆品',
		'化妆',
		'美妆',
		'护肤',
		'护肤品',
		'彩妆',
		'香水',
		'pharmacie',
		'parapharmacie',
		'parfumerie',
		'parfum',
		'cosmétique',
		'beauté',
		'maquillage',
		'pharmacy',
		'cosmetics',
		'perfume'
	],
	department_store: [
		'百货',
		'百货商场',
		'商场',
		'百货公司',
		'购物中心',
		'奥特莱斯',
		'购物村',
		'grand magasin',
		'galeries',
		'centre commercial',
		'outlet',
		'department store',
		'mall'
	],
	luxury_fashion: [
		'奢侈品',
		'名牌',
		'时装',
		'服装',
		'衣服',
		'包',
		'包包',
		'钱包',
		'手表',
		'珠宝',
		'首饰',
		'luxe',
		'mode',
		'maroquinerie',
		'bijouterie',
		'joaillerie',
		'horlogerie',
		'montres',
		'sac',
		'vêtements',
		'luxury',
		'fashion'
	],
	food_wine: [
		'红酒',
		'葡萄酒',
		'香槟',
		'食品',
		'巧克力',
		'奶酪',
		'超市',
		'零食',
		'épicerie',
		'épicerie fine',
		'vin',
		'cave',
		'caviste',
		'champagne',
		'chocolat',
		'chocolatier',
		'fromage',
		'fromagerie',
		'supermarché',
		'wine',
		'chocolate',
		'supermarket'
	],
	restaurant_cafe: [
		'餐厅',
		'饭店',
		'餐馆',
		'中餐',
		'中餐厅',
		'法餐',
		'吃饭',
		'咖啡',
		'咖啡馆',
		'咖啡厅',
		'美食',
		'面包',
		'面包店',
		'甜品',
		'包子',
		'restaurant',
		'restaurant chinois',
		'traiteur chinois',
		'café',
		'brasserie',
		'bistrot',
		'boulangerie',
		'pâtisserie',
		'salon de thé',
		'coffee',
		'bakery'
	],
	hotel: ['酒店', '宾馆', '住宿', '旅馆', '民宿', 'hôtel', 'hébergement'],
	museum_attraction: [
		'博物馆',
		'美术馆',
		'景点',
		'景区',
		'门票',
		'展览',
		'musée',
		'monument',
		'visite',
		'exposition',
		'museum',
		'tickets'
	],
	kids_baby: [
		'母婴',
		'奶粉',
		'儿童',
		'婴儿',
		'宝宝',
		'童装',
		'玩具',
		'enfant',
		'bébé',
		'jouets',
		'puériculture',
		'kids',
		'baby',
		'toys'
	],
	electronics: [
		'数码',
		'电器',
		'电子产品',
		'手机',
		'相机',
		'电脑',
		'électronique',
		'téléphone',
		'téléphonie',
		'informatique',
		'appareil photo',
		'electronics',
		'phone',
		'camera'
	],
	souvenirs: ['纪念品', '礼品', '礼物', '特产', '伴手礼', 'souvenir', 'cadeaux', 'gifts'],
	services: [
		'换汇',
		'换钱',
		'兑换',
		'货币兑换',
		'洗衣',
		'洗衣店',
		'理发',
		'美发',
		'服务',
		'生活服务',
		'change',
		'bureau de change',
		'laverie',
		'pressing',
		'coiffeur',
		'coiffure',
		'services',
		'laundry'
	]
};

/** Words for the tax-refund and Chinese-speaking-staff filters. */
export const FEATURE_KEYWORDS = {
	taxFree: ['退税', '免税', '可退税', 'détaxe', 'tax free', 'tax-free', 'duty free'],
	chineseStaff: ['中文', '中文服务', '会说中文', '说中文', '讲中文', 'chinois', 'parle chinois']
} as const satisfies Record<string, readonly string[]>;

/** Words for each wallet; 'alipay+' survives normalisation as its own token. */
export const PAYMENT_KEYWORDS: Record<PaymentMethod, string[]> = {
	alipay: ['支付宝', 'alipay'],
	wechat_pay: ['微信', '微信支付', 'wechat', 'wechat pay', 'weixin'],
	unionpay: ['银联', '银联卡', 'unionpay', 'union pay'],
	alipay_plus: ['alipay+', 'alipay plus']
};

/**
 * Filler words that carry no place or name information ('附近的', 'près de moi'): dropped from
 * `rest` so that they do not make every merchant fail to match.
 */
const STOPWORDS = [
	'附近',
	'周边',
	'周围',
	'最近',
	'哪里',
	'哪儿',
	'哪家',
	'在哪',
	'在哪里',
	'有没有',
	'可以',
	'能用',
	'支持',
	'接受',
	'使用',
	'付款',
	'支付',
	'推荐',
	'商店',
	'店铺',
	'门店',
	'商家',
	'商户',
	'一下',
	'的',
	'了',
	'吗',
	'呢',
	'有',
	'在',
	'我',
	'想',
	'要',
	'找',
	'买',
	'用',
	'能',
	'可',
	'店',
	'和',
	'a',
	'à',
	'au',
	'aux',
	'avec',
	'd',
	'de',
	'des',
	'du',
	'en',
	'et',
	'l',
	'la',
	'le',
	'les',
	'ou',
	'pour',
	'près',
	'proche',
	'autour',
	'moi',
	'accepte',
	'acceptant',
	'payer',
	'paiement',
	'the',
	'near',
	'me',
	'shop',
	'store'
];

/** What a keyword stands for once recognised in a query. */
type Meaning =
	| { kind: 'category'; value: Category }
	| { kind: 'payment'; value: PaymentMethod }
	| { kind: 'taxFree' }
	| { kind: 'chineseStaff' }
	| { kind: 'stop' };

/** A keyword split into normalised words (several for a French phrase, one for Chinese). */
interface Keyword {
	words: string[];
	meanings: Meaning[];
}

/** Folds a French plural ending for keyword comparison only ('musées' ≈ 'musee', 'cadeaux'). */
function singular(word: string): string {
	return word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word;
}

/** Adds one keyword's meaning to an index keyed by its normalised, plural-folded form. */
function addKeyword(index: Map<string, Keyword>, natural: string, meaning: Meaning): void {
	const words = tokenize(natural).map(singular);
	if (words.length === 0) return;
	const key = words.join(' ');
	const entry = index.get(key) ?? { words, meanings: [] };
	entry.meanings.push(meaning);
	index.set(key, entry);
}

/** Every keyword of the module, normalised once. */
function buildKeywordIndex(): Map<string, Keyword> {
	const index = new Map<string, Keyword>();
	for (const category of CATEGORIES) {
		for (const k of CATEGORY_KEYWORDS[category]) {
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

/** The result of reading a search box. */
export interface InterpretedQuery {
	/** The whole query, normalised. */
	text: string;
	/** All its tokens. */
	tokens: string[];
	categories: Category[];
	taxFree: boolean;
	chineseStaff: boolean;
	paymentMethods: PaymentMethod[];
	/** Tokens that are not keywords nor filler: to match against names, addresses, communes. */
	rest: string[];
}

/** Splits a CJK token into keyword meanings and the unmatched remainders, longest match first. */
function scanCjk(token: string): { meanings: Meaning[]; rest: string[] } {
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
function latinKeywordAt(tokens: string[], i: number): Keyword | undefined {
	return LATIN_KEYWORDS.find(
		(k) =>
			i + k.words.length <= tokens.length && k.words.every((w, j) => singular(tokens[i + j]) === w)
	);
}

/** Pushes a value into a list unless it is already there. */
function pushUnique<T>(list: T[], value: T): void {
	if (!list.includes(value)) list.push(value);
}

/**
 * Reads a query: category, tax-refund, Chinese-staff and wallet words anywhere in it (a Chinese
 * keyword may sit inside a longer run, '附近的药店' → 药店), filler words dropped, and the
 * remaining tokens returned in `rest`.
 */
export function interpretQuery(q: string): InterpretedQuery {
	const tokens = tokenize(q);
	const result: InterpretedQuery = {
		text: normalizeText(q),
		tokens,
		categories: [],
		taxFree: false,
		chineseStaff: false,
		paymentMethods: [],
		rest: []
	};
	const meanings: Meaning[] = [];
	let i = 0;
	while (i < tokens.length) {
		const token = tokens[i];
		if (isCjk(token[0])) {
			const scanned = scanCjk(token);
			meanings.push(...scanned.meanings);
			result.rest.push(...scanned.rest);
			i += 1;
			continue;
		}
		const keyword = latinKeywordAt(tokens, i);
		if (keyword) {
			meanings.push(...keyword.meanings);
			i += keyword.words.length;
		} else {
			result.rest.push(token);
			i += 1;
		}
	}
	for (const m of meanings) {
		if (m.kind === 'category') pushUnique(result.categories, m.value);
		else if (m.kind === 'payment') pushUnique(result.paymentMethods, m.value);
		else if (m.kind === 'taxFree') result.taxFree = true;
		else if (m.kind === 'chineseStaff') result.chineseStaff = true;
	}
	return result;
}

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

/** Points one token earns against a merchant's normalised texts. */
function tokenScore(token: string, names: string[], places: string[]): number {
	const inName = Math.max(0, ...names.map((n) => placeOf(token, n)));
	if (inName === 2) return MATCH_POINTS.namePrefix;
	if (inName === 1) return MATCH_POINTS.nameWord;
	if (inName === 0.5) return MATCH_POINTS.nameSubstring;
	const inPlace = Math.max(0, ...places.map((p) => placeOf(token, p)));
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
	names: string[];
	places: string[];
}

export function prepareFields(fields: MatchFields): PreparedFields {
	return {
		names: [fields.nameFr, fields.nameZh ?? ''].map(normalizeText).filter(Boolean),
		places: [fields.commune ?? '', fields.address ?? ''].map(normalizeText).filter(Boolean)
	};
}

/** The query's tokens, split once per search. */
export function prepareQuery(tokens: string[]): string[] {
	return tokens.flatMap(tokenize);
}

/** matchScore on prepared query tokens and fields: what a search over many listings calls. */
export function matchPrepared(queryTokens: string[], fields: PreparedFields): number {
	if (queryTokens.length === 0) return 1;
	let total = 0;
	for (const token of queryTokens) {
		const points = tokenScore(token, fields.names, fields.places);
		if (points === 0) return 0;
		total += points;
	}
	return total;
}
