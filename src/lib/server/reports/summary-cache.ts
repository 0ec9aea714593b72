/**
 * The merchant page is the site's busiest (a tourist opens several per search), and the three
 * queries of its tourists' reports summary were most of its cost; on the embedded database they
 * also run on the server's only thread. So a summary read is kept for SUMMARY_TTL_MS, per
 * merchant (and database: tests open several). What changes it in this process forgets the
 * merchant's summary at once (a tourist's report, an official's resolution); another process's
 * changes show within the TTL.
 */
import type { Executor } from '../db/client';

export const SUMMARY_TTL_MS = 30_000;
/** At most this many merchants' summaries are kept (the oldest read goes first). */
const KEPT = 10_000;

const kept = new Map<number, { db: Executor; day: string; until: number; summary: unknown }>();

/** The summary kept for this merchant and day, or `read()`'s, kept until the TTL. */
export async function keptSummary<T>(
	db: Executor,
	merchantId: number,
	day: string,
	now: Date,
	read: () => Promise<T>
): Promise<T> {
	const hit = kept.get(merchantId);
	if (hit && hit.db === db && hit.day === day && hit.until > now.getTime()) return hit.summary as T;
	const summary = await read();
	kept.delete(merchantId);
	kept.set(merchantId, { db, day, until: now.getTime() + SUMMARY_TTL_MS, summary });
	if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
	return summary;
}

/** This merchant's reports just changed in this process: its next page view reads them. */
export function forgetSummary(merchantId: number): void {
	kept.delete(merchantId);
}
