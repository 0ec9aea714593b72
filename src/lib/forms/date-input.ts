/**
 * A calendar day typed in the page's language whatever the browser's (DateField.svelte): three
 * numeric inputs named `<name>-day`, `<name>-month` and `<name>-year`, shown day / month / year
 * in French and 年 / 月 / 日 in Chinese. A native date input follows the browser's locale, not
 * the page's. What the server reads is one YYYY-MM-DD value under `<name>`, as before: links
 * and bookmarks may still say `?from=2025-01-31`; typed parts take precedence.
 */
import { isIsoDay } from '../query';

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export type DateParts = Record<DatePart, string>;

export const datePartName = (name: string, part: DatePart) => `${name}-${part}`;

/** The parts of a YYYY-MM-DD day as the inputs show them (no leading zeros); else empty ones. */
export function dateParts(iso: string | null | undefined): DateParts {
	const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
	if (!match) return { day: '', month: '', year: '' };
	return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] };
}

/** The day three typed parts name, YYYY-MM-DD; null when they name no real day. */
export function isoFromParts(parts: DateParts): string | null {
	const day = parts.day.trim();
	const month = parts.month.trim();
	const year = parts.year.trim();
	if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
	const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
	return isIsoDay(iso) ? iso : null;
}

interface Source {
	get(name: string): unknown;
}
const text = (source: Source, name: string) => {
	const value = source.get(name);
	return typeof value === 'string' ? value.slice(0, 20) : '';
};

/**
 * What a day field holds, as one value: the typed parts as YYYY-MM-DD (or as typed, "31/2/2025",
 * when they name no day, for the validation to refuse and the field to show again), else the
 * `<name>` value itself (a link's), else ''.
 */
export function readDate(source: Source, name: string): string {
	const parts = Object.fromEntries(
		DATE_PARTS.map((part) => [part, text(source, datePartName(name, part)).trim()])
	) as DateParts;
	if (!parts.day && !parts.month && !parts.year) return text(source, name).trim();
	return isoFromParts(parts) ?? `${parts.day}/${parts.month}/${parts.year}`;
}

/** The parts to show again for a value readDate returned (a day, or what was typed). */
export function shownParts(value: string | null | undefined): DateParts {
	const typed = value ? /^([^/]*)\/([^/]*)\/([^/]*)$/.exec(value) : null;
	return typed ? { day: typed[1], month: typed[2], year: typed[3] } : dateParts(value);
}

/** URL parameters with each named day field read into its one value (for the filters' schemas). */
export function withDates(params: URLSearchParams, names: readonly string[]): URLSearchParams {
	const out = new URLSearchParams(params);
	for (const name of names) {
		const value = readDate(params, name);
		for (const part of DATE_PARTS) out.delete(datePartName(name, part));
		out.delete(name);
		if (value) out.set(name, value);
	}
	return out;
}
