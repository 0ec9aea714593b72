/**
 * Finding the place a query names, whatever the script: the place lists are reference data
 * (src/lib/server/reference/places.ts); this is the pure matching, shared by whoever needs it.
 *
 * Every name and alias of a place is folded like a query (traditional → simplified, accents and
 * case dropped) and, when wholly Chinese, also given as pinyin (卢浮宫 → lufugong). A query
 * names a place when it holds one of these forms, Latin forms as whole words and Chinese ones
 * anywhere in a run of characters (卢浮宫药店); the longest form wins. Failing that, a run of
 * two Chinese characters or more that begins one place's name is taken as that place (卢浮 →
 * 卢浮宫), unless it begins several places' names equally well (巴黎 → 巴黎北站? 巴黎东站?).
 */
import { isCjk, tokenize } from './text';
import { pinyinWords, toSimplified } from './chinese';

/** What the matcher needs of a place. */
export interface NamedPlace {
	slug: string;
	/** Every name and alias, in any language and script, natural spelling. */
	names: readonly string[];
}

export interface PlaceMatch<P extends NamedPlace> {
	place: P;
	/** The folded query without the words that named the place. */
	rest: string;
}

/** Starts of Chinese place names that are common words, never a place on their own. */
const NOT_PLACE_PREFIXES = new Set(['中国', '法国', '巴黎', '美丽', '国际']);

/** A query or a name folded for matching: simplified, normalised, scripts split by spaces. */
export function foldForSearch(text: string): string {
	return tokenize(toSimplified(text)).join(' ');
}

interface Form<P> {
	text: string;
	place: P;
}

export class PlaceIndex<P extends NamedPlace> {
	/** Every folded form of every place, longest first. */
	private readonly forms: Form<P>[] = [];
	/** Proper starts (2+ characters) of Chinese forms → the places they start, shortest form first. */
	private readonly prefixes = new Map<string, { place: P; length: number }[]>();

	constructor(readonly places: readonly P[]) {
		const seen = new Set<string>();
		for (const place of places) {
			for (const name of place.names) {
				const folded = foldForSearch(name);
				const forms = [folded];
				if ([...folded].every(isCjk))
					forms.push(...pinyinWords(folded).filter((p) => p.length >= 5));
				for (const text of forms) {
					if (!text || seen.has(`${place.slug}|${text}`)) continue;
					seen.add(`${place.slug}|${text}`);
					this.forms.push({ text, place });
				}
				if ([...folded].every(isCjk)) this.addPrefixes(folded, place);
			}
		}
		this.forms.sort((a, b) => b.text.length - a.text.length);
	}

	private addPrefixes(form: string, place: P): void {
		for (let len = 2; len < form.length; len++) {
			const prefix = form.slice(0, len);
			const list = this.prefixes.get(prefix) ?? [];
			const known = list.find((c) => c.place === place);
			if (known) known.length = Math.min(known.length, form.length);
			else list.push({ place, length: form.length });
			this.prefixes.set(prefix, list);
		}
	}

	/** The place a folded query (see foldForSearch) names, if any, and what is left of it. */
	find(text: string): PlaceMatch<P> | null {
		return this.findWhole(text) ?? this.findStart(text);
	}

	private findWhole(text: string): PlaceMatch<P> | null {
		for (const form of this.forms) {
			for (let at = text.indexOf(form.text); at !== -1; at = text.indexOf(form.text, at + 1)) {
				const end = at + form.text.length;
				if (bounded(text, at, end, form.text))
					return { place: form.place, rest: cut(text, at, end) };
			}
		}
		return null;
	}

	private findStart(text: string): PlaceMatch<P> | null {
		let best: { place: P; at: number; end: number } | null = null;
		let at = 0;
		for (const word of text.split(' ')) {
			if (isCjk(word[0] ?? '')) {
				for (let i = 0; i < word.length - 1; i++) {
					for (let len = word.length - i; len >= 2; len--) {
						if (best && len <= best.end - best.at) break;
						const prefix = word.slice(i, i + len);
						const place = this.onlyPlaceStartingWith(prefix);
						if (place) {
							best = { place, at: at + i, end: at + i + len };
							break;
						}
					}
				}
			}
			at += word.length + 1;
		}
		return best ? { place: best.place, rest: cut(text, best.at, best.end) } : null;
	}

	/** The place whose shortest name starts with `prefix`, unless another's is as short. */
	private onlyPlaceStartingWith(prefix: string): P | null {
		if (NOT_PLACE_PREFIXES.has(prefix)) return null;
		const candidates = this.prefixes.get(prefix);
		if (!candidates) return null;
		const shortest = Math.min(...candidates.map((c) => c.length));
		const best = candidates.filter((c) => c.length === shortest);
		return best.length === 1 ? best[0].place : null;
	}
}

/** Whether a form found at [at, end) of the text stands as a word (or inside a Chinese run). */
function bounded(text: string, at: number, end: number, form: string): boolean {
	const before = text[at - 1];
	const after = text[end];
	const leftOk = before === undefined || before === ' ' || (isCjk(form[0]) && isCjk(before));
	const rightOk =
		after === undefined || after === ' ' || (isCjk(form[form.length - 1]) && isCjk(after));
	return leftOk && rightOk;
}

/** The text without [at, end), spaces tidied. */
function cut(text: string, at: number, end: number): string {
	return `${text.slice(0, at)} ${text.slice(end)}`.replace(/ {2,}/g, ' ').trim();
}
