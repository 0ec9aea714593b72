/** Locale-aware formatting shared by server and browser (fr: 1 234,5 · zh: 1,234.5). */
import type { Locale } from '$lib/paraglide/runtime';

const INTL_LOCALE: Record<Locale, string> = { zh: 'zh-CN', fr: 'fr-FR' };

/** The BCP 47 tag for <html lang>: Simplified Chinese or French. */
export function htmlLang(locale: Locale): string {
	return locale === 'zh' ? 'zh-Hans' : 'fr';
}

export function formatNumber(
	value: number,
	locale: Locale,
	options?: Intl.NumberFormatOptions
): string {
	return new Intl.NumberFormat(INTL_LOCALE[locale], options).format(value);
}

export function formatDate(
	value: Date,
	locale: Locale,
	options?: Intl.DateTimeFormatOptions
): string {
	return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
		timeZone: 'Europe/Paris',
		...options
	}).format(value);
}

/** The calendar day in Paris of an instant, as YYYY-MM-DD. */
export function parisIsoDate(instant: Date): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Paris',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(instant);
}
