import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { reconfirmByLink, reconfirmationListing } from '$lib/server/applications/workflow';
import { merchantPath } from '$lib/merchants/slug';
import { openReportsOf } from '$lib/server/reports/tourist';

/**
 * The yearly reconfirmation's landing page (issue 12): the e-mailed link shows the listing and
 * one button. Opening the link changes nothing (mail scanners follow links); the POST confirms,
 * without signing in, and uses the link up. No session, no cookie.
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	// The token is in the address: never send it on to another site ('same-origin', not
	// 'no-referrer', which makes browsers post the form with Origin: null, refused as cross-site).
	setHeaders({ 'referrer-policy': 'same-origin', 'x-robots-tag': 'noindex' });
	const listing = await reconfirmationListing(await getDb(), params.token);
	return { listing };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const now = new Date();
		const db = await getDb();
		const listing = await reconfirmationListing(db, params.token, now);
		const result = await reconfirmByLink(db, params.token, now);
		if (!result.ok || !listing) return { done: false as const };
		return {
			done: true as const,
			verifiedAt: now,
			publicPath: merchantPath(listing.id, listing.tradeNameFr),
			wasLapsed: listing.lapsed,
			// Tourists' open report stays for an official: the page says so.
			reported: (await openReportsOf(db, [listing.id], now)).has(listing.id)
		};
	}
};
