/**
 * Which listings pass the filters and the search words: the query is read once per request
 * (readQuery), turned into criteria, and the listings that pass them are computed once per
 * version of the index and kept (a selection), so that the next requests with the same
 * filters only look at their viewport. "Open now" changes with time: it is applied on top,
 * per request for the list, per minute for the map's grids (opening hours change on minutes).
 *
 * The place a query names is not a filter: it only orders the list (see list-page.ts).
 */
import { CATEGORIES, type Category } from '../../merchants/vocabulary';
import type { ListingFilters } from '../../merchants/filters';
import { interpretQuery, type InterpretedQuery } from '../../search/interpret';
import type { NamedPlace } from '../../search/places';
import { prepareQuery } from '../../search/score';
import { placeIndex, type Place } from '../reference/places';
import { FLAG_CHINESE_STAFF, FLAG_TAX_FREE, paymentBits, type ListingIndex } from './listing-index';

export type SearchQuery = InterpretedQuery<Place & NamedPlace>;

/** Reads a search box, with the places of the reference list: once per request. */
export function readQuery(q: string): SearchQuery {
	return interpretQuery(q, placeIndex);
}

/** What a listing must have to pass: the filters and what the query's words ask. */
export interface Criteria {
	/** Stable text of the criteria, the key of their selection. */
	key: string;
	/** Bits of CATEGORIES (0: any). */
	categories: number;
	flags: number;
	payments: number;
	/** The query's remaining words, prepared (prepareQuery). */
	tokens: string[];
	openNow: boolean;
}

export function criteriaOf(filters: ListingFilters, query: SearchQuery): Criteria {
	let categories = 0;
	for (const c of new Set<Category>([...filters.categories, ...query.categories])) {
		categories |= 1 << CATEGORIES.indexOf(c);
	}
	const flags =
		(filters.taxFree || query.taxFree ? FLAG_TAX_FREE : 0) |
		(filters.chineseStaff || query.chineseStaff ? FLAG_CHINESE_STAFF : 0);
	const payments = paymentBits([...filters.paymentMethods, ...query.paymentMethods]);
	const tokens = prepareQuery(query.rest);
	const key = `${categories}|${flags}|${payments}|${tokens.join(' ')}`;
	return { key, categories, flags, payments, tokens, openNow: filters.openNow };
}

/** The listings that pass criteria (open-now aside), in index order. */
export interface Selection {
	key: string;
	positions: Int32Array;
	/** The search score by position (capped at 255); 0 for a listing that does not pass. */
	scores: Uint8Array;
}

const MEMO_MAX = 64;

/** A value kept with this version of the index, under a key (the oldest go first). */
export function remember<T>(index: ListingIndex, key: string, build: () => T): T {
	const memo = index.memo;
	if (memo.has(key)) {
		const value = memo.get(key) as T;
		memo.delete(key);
		memo.set(key, value);
		return value;
	}
	const value = build();
	if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
	memo.set(key, value);
	return value;
}

export function selectionOf(index: ListingIndex, c: Criteria): Selection {
	return remember(index, `selection:${c.key}`, () => {
		// The words first, over all the joined search texts at once; then the filters.
		const scores = index.columns.search.scores(c.tokens);
		const positions: number[] = [];
		for (let i = 0; i < index.size; i++) {
			if (scores[i] === 0) continue;
			if (
				(c.categories && !(c.categories & (1 << index.category[i]))) ||
				(index.flags[i] & c.flags) !== c.flags ||
				(index.payments[i] & c.payments) !== c.payments
			) {
				scores[i] = 0;
			} else positions.push(i);
		}
		return { key: c.key, positions: Int32Array.from(positions), scores };
	});
}

/**
 * The selection's positions, open at `now` when the criteria ask for it: open-now is the same
 * for a whole minute (hours change on minutes), so this is kept per minute.
 */
export function openPositions(
	index: ListingIndex,
	selection: Selection,
	c: Criteria,
	now: Date
): { key: string; positions: Int32Array } {
	if (!c.openNow) return selection;
	const minute = Math.floor(now.getTime() / 60_000);
	const key = `${selection.key}|open@${minute}`;
	const positions = remember(index, `open:${key}`, () => {
		const openNow = index.openAt(new Date(minute * 60_000));
		return selection.positions.filter((i) => openNow(i) === true);
	});
	return { key, positions };
}
