import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { publicMerchant } from '$lib/server/merchants/public-page';
import { audienceCounts } from '$lib/server/merchants/audience';
import { merchantIdFromParam, merchantSlug } from '$lib/merchants/slug';
import { isOpenAt, parisWallClock, todaysIntervals, weeklySummary } from '$lib/hours/open-now';
import { localizeHref } from '$lib/i18n/paths';
import * as m from '$lib/paraglide/messages';
import { cashierCard } from '$lib/merchants/cashier-card';
import { OFFLINE_COPY_HEADER } from '$lib/pwa/policy';
import { publicReportSummary, recordTouristReport } from '$lib/server/reports/tourist';
import { isTouristReportKind } from '$lib/reports/vocabulary';
import { parisIsoDate } from '$lib/i18n/format';
import { isStale } from '$lib/merchants/freshness';
import { mapStateToQuery, parseMapState } from '$lib/merchants/filters';

export const load: PageServerLoad = async ({ params, url, request }) => {
	const id = merchantIdFromParam(params.slug);
	if (id === null) error(404, m.merchant_not_found());
	const db = await getDb();
	const merchant = await publicMerchant(db, id);
	if (!merchant) error(404, m.merchant_not_found());
	const slug = merchantSlug(merchant.tradeNameFr);
	if (params.slug !== `${id}-${slug}`) {
		redirect(301, localizeHref(`/merchants/${id}-${slug}${url.search}`));
	}
	const showCard = cashierCard(url.searchParams, merchant.taxFree);
	// The service worker's offline copies are not visits, nor is the page answering a report.
	// Counted in memory, written in batches.
	if (!request.headers.has(OFFLINE_COPY_HEADER) && request.method === 'GET') {
		audienceCounts.count(id, showCard ? 'cashier_card_open' : 'page_view');
	}
	const now = new Date();
	const hours = merchant.openingHours;
	return {
		merchant,
		openNow: hours ? isOpenAt(hours, now) : null,
		todayHours: hours ? todaysIntervals(hours, now) : [],
		week: hours ? weeklySummary(hours, now) : [],
		today: (parisWallClock(now).getDay() + 6) % 7,
		/** The list's state the back link returns to (see the page). */
		listQuery: mapStateToQuery(parseMapState(url.searchParams)),
		reports: await publicReportSummary(db, id, now),
		stale: merchant.verifiedAt
			? isStale(parisIsoDate(merchant.verifiedAt), parisIsoDate(now))
			: false
	};
};

export const actions: Actions = {
	/**
	 * A tourist's one-tap report. No account, no cookie: the address is only hashed with today's
	 * salt to limit repeats (see server/reports/tourist.ts).
	 */
	report: async ({ params, request, getClientAddress }) => {
		const id = merchantIdFromParam(params.slug);
		if (id === null) error(404, m.merchant_not_found());
		const kind = (await request.formData()).get('kind');
		if (!isTouristReportKind(kind)) return fail(400, { refusal: 'invalid' as const });
		const result = await recordTouristReport(await getDb(), {
			merchantId: id,
			kind,
			address: getClientAddress()
		});
		if (result.ok) return { thanks: kind === 'paid' ? ('paid' as const) : ('problem' as const) };
		if (result.reason === 'not_found') error(404, m.merchant_not_found());
		return fail(result.reason === 'too_many' ? 429 : 409, { refusal: result.reason });
	}
};
