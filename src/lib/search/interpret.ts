/**
 * Reading a search box: which place it names, which category / kind / feature / wallet words it
 * holds, and what is left to match against names, addresses and communes. Traditional
 * characters are read as simplified, and pinyin keywords as their Chinese (see chinese.ts).
 */
import type { Category, PaymentMethod } from '../merchants/vocabulary';
import { isCjk } from './text';
import type { ShopKind } from './keywords';
import { latinKeywordAt, scanCjk, type Meaning } from './keyword-index';
import { foldForSearch, type NamedPlace, type PlaceIndex } from './places';

/** The result of reading a search box. */
export interface InterpretedQuery<P extends NamedPlace = NamedPlace> {
	/** The whole query, folded (simplified, normalised). */
	text: string;
	/** All its tokens. */
	tokens: string[];
	/** The place it names, if a place index was given and one matched. */
	place: P | null;
	/** The folded query without the place's words ('' when it was only the place). */
	withoutPlace: string;
	categories: Category[];
	/** Kinds of shop asked for ('药店' → pharmacy): they rank first within their category. */
	shopKinds: ShopKind[];
	taxFree: boolean;
	chineseStaff: boolean;
	paymentMethods: PaymentMethod[];
	/** Tokens that are not keywords nor filler: to match against names, addresses, communes. */
	rest: string[];
}

/** Pushes a value into a list unless it is already there. */
function pushUnique<T>(list: T[], value: T): void {
	if (!list.includes(value)) list.push(value);
}

/**
 * Reads a query: first the place it names (when `places` is given), then category, kind,
 * tax-refund, Chinese-staff and wallet words anywhere in the rest (a Chinese keyword may sit
 * inside a longer run, '附近的药店' → 药店), filler words dropped, and the remaining tokens
 * returned in `rest`.
 */
export function interpretQuery<P extends NamedPlace>(
	q: string,
	places?: PlaceIndex<P>
): InterpretedQuery<P> {
	const text = foldForSearch(q);
	const match = places?.find(text) ?? null;
	const withoutPlace = match ? match.rest : text;
	const tokens = withoutPlace === '' ? [] : withoutPlace.split(' ');
	const result: InterpretedQuery<P> = {
		text,
		tokens: text === '' ? [] : text.split(' '),
		place: match?.place ?? null,
		withoutPlace,
		categories: [],
		shopKinds: [],
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
		else if (m.kind === 'shopKind') pushUnique(result.shopKinds, m.value);
		else if (m.kind === 'payment') pushUnique(result.paymentMethods, m.value);
		else if (m.kind === 'taxFree') result.taxFree = true;
		else if (m.kind === 'chineseStaff') result.chineseStaff = true;
	}
	return result;
}
