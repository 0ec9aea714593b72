/** Locale-aware formatting shared by server and browser (fr: 1 234,5 · zh: 1,234.5). */
import type { Locale } from '$lib/paraglide/runtime';

const INTL_LOCALE: Record<Locale, string> = { zh: 'zh-CN', fr: 'fr-FR' };

/** The BCP 47 tag for <html lang>: Simplified Chinese or French. */
export function htmlLang(locale: Locale): string {
	return locale === 'zh' ? 'zh-Hans' : 'fr';
}

/**
 * Formatters by locale and options, made once: building an Intl formatter costs far more than
 * formatting with it (a server renders many numbers and dates per page).
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatter<F>(
	cache: Map<string, F>,
	locale: string,
	options: object | undefined,
	make: () => F
): F {
	const key = options ? `${locale} ${JSON.stringify(options)}` : locale;
	let found = cache.get(key);
	if (!found) {
		found = make();
		cache.set(key, found);
	}
	return found;
}

export function formatNumber(
	value: number,
	locale: Locale,
	options?: Intl.NumberFormatOptions
): string {
	const intl = INTL_LOCALE[locale];
	return formatter(numberFormats, intl, options, () => new Intl.NumberFormat(intl, options)).format(
		value
	);
}

export function formatDate(
	value: Date,
	locale: Locale,
	options?: Intl.DateTimeFormatOptions
): string {
	const intl = INTL_LOCALE[locale];
	return formatter(
		dateFormats,
		intl,
		options,
		() => new Intl.DateTimeFormat(intl, { timeZone: 'Europe/Paris', ...options })
	).format(value);
}

const parisDay = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Paris',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar day in Paris of an instant, as YYYY-MM-DD. */
export function parisIsoDate(instant: Date): string {
	return parisDay.format(instant);
}
