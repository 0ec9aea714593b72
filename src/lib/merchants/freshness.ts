/**
 * How fresh a listing's "last verified" date is, in Paris calendar days (shared by the server,
 * its daily jobs and the browser):
 *
 *   verified day + 11 months   the merchant is asked to reconfirm (e-mail, officials' queue)
 *   verified day + 12 months   stale: the map, the list and the page tell tourists to check at the till
 *   verified day + 18 months   the listing leaves the map (never less than LAPSE_NOTICE_DAYS after
 *                              the reminder: see docs/metrics.md, "Freshness")
 *
 * Months are calendar months, clamped at the month's end as PostgreSQL's `date + interval` does
 * (verified 31 March → reminded 28 or 29 February), so the jobs' SQL and this file agree.
 */
import * as m from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';

export const REMIND_AFTER_MONTHS = 11;
export const STALE_AFTER_MONTHS = 12;
export const LAPSE_AFTER_MONTHS = 18;
/** A listing never leaves the map less than this many days after its owner was asked. */
export const LAPSE_NOTICE_DAYS = 30;

/** How a listing's verification reads: fresh, soon stale (reminded), stale. */
export type Freshness = 'fresh' | 'soon_stale' | 'stale';

const DAY_MS = 86_400_000;

function parts(day: string): [number, number, number] {
	const [y, mo, d] = day.split('-').map(Number);
	return [y, mo, d];
}

/** A Paris calendar day (YYYY-MM-DD) plus whole months, clamped at the end of the month. */
export function addMonths(day: string, months: number): string {
	const [y, mo, d] = parts(day);
	const first = new Date(Date.UTC(y, mo - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}

/** Days from one calendar day to another (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
	const utc = (day: string) => {
		const [y, mo, d] = parts(day);
		return Date.UTC(y, mo - 1, d);
	};
	return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** Whole calendar months from `from` to `to` (0 when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
	const [fy, fm] = parts(from);
	const [ty, tm] = parts(to);
	let months = (ty - fy) * 12 + (tm - fm);
	if (months > 0 && addMonths(from, months) > to) months--;
	return Math.max(0, months);
}

/** A verification day's state on `today` (both Paris calendar days). */
export function freshnessOf(verifiedDay: string, today: string): Freshness {
	if (addMonths(verifiedDay, STALE_AFTER_MONTHS) <= today) return 'stale';
	if (addMonths(verifiedDay, REMIND_AFTER_MONTHS) <= today) return 'soon_stale';
	return 'fresh';
}

export const isStale = (verifiedDay: string, today: string) =>
	freshnessOf(verifiedDay, today) === 'stale';

/** The day a listing leaves the map without reconfirmation: 18 months, and 30 days' notice. */
export function lapseDay(verifiedDay: string, remindedDay: string | null): string {
	const due = addMonths(verifiedDay, LAPSE_AFTER_MONTHS);
	if (!remindedDay) return due;
	const [y, mo, d] = parts(remindedDay);
	const notice = new Date(Date.UTC(y, mo - 1, d + LAPSE_NOTICE_DAYS)).toISOString().slice(0, 10);
	return notice > due ? notice : due;
}

/** What the back-office says of a listing's verification (lapsed: off the map for want of it). */
export type VerificationState = Freshness | 'lapsed';

/**
 * The card's short phrase: "今天确认" / "vérifié aujourd'hui", "5 天前确认" / "vérifié il y a
 * 5 jours", "3 个月前确认" / "vérifié il y a 3 mois", "1 年前确认" / "vérifié il y a 1 an".
 */
export function verifiedAgo(verifiedDay: string, today: string, locale?: Locale): string {
	const o = locale ? { locale } : undefined;
	const months = monthsBetween(verifiedDay, today);
	if (months >= 12) {
		const years = Math.floor(months / 12);
		return years === 1 ? m.freshness_ago_year({}, o) : m.freshness_ago_years({ n: years }, o);
	}
	if (months >= 1) return m.freshness_ago_months({ n: months }, o);
	const days = Math.max(0, daysBetween(verifiedDay, today));
	if (days === 0) return m.freshness_ago_today({}, o);
	return days === 1 ? m.freshness_ago_day({}, o) : m.freshness_ago_days({ n: days }, o);
}
