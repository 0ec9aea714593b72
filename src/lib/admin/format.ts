/** Formatting for the back-office: ages of applications, dates with times. */
import type { Locale } from '$lib/paraglide/runtime';

const INTL: Record<Locale, string> = { zh: 'zh-CN', fr: 'fr-FR' };
const DAY_MS = 86_400_000;

/** Whole days between two instants (never negative). */
export function ageInDays(since: Date, now: Date = new Date()): number {
	return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}

/** "il y a 3 jours" / "3天前", "aujourd'hui" / "今天". */
export function formatAge(since: Date, locale: Locale, now: Date = new Date()): string {
	return new Intl.RelativeTimeFormat(INTL[locale], { numeric: 'auto' }).format(
		-ageInDays(since, now),
		'day'
	);
}

/** 28/11/2026 14:05 · 2026/11/28 14:05, in Paris time. */
export function formatDateTime(value: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(INTL[locale], {
		timeZone: 'Europe/Paris',
		dateStyle: 'short',
		timeStyle: 'short'
	}).format(value);
}
