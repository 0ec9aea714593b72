import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { publicMerchant } from '$lib/server/merchants/public-page';
import { audienceCounts } from '$lib/server/merchants/audience';
import { merchantIdFromParam, merchantSlug } from '$lib/merchants/slug';
import { isOpenAt, parisWallClock, todaysIntervals, weeklySummary } from '$lib/hours/open-now';
import { localizeHref } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';
import { cashierCard } from '$lib/merchants/cashier-card';
import { OFFLINE_COPY_HEADER } from '$lib/pwa/policy';

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
	// The service worker's offline copies are not visits. Counted in memory, written in batches.
	if (!request.headers.has(OFFLINE_COPY_HEADER)) {
		audienceCounts.count(id, showCard ? 'cashier_card_open' : 'page_view');
	}
	const now = new Date();
	const hours = merchant.openingHours;
	return {
		merchant,
		openNow: hours ? isOpenAt(hours, now) : null,
		todayHours: hours ? todaysIntervals(hours, now) : [],
		week: hours ? weeklySummary(hours, now) : [],
		today: (parisWallClock(now).getDay() + 6) % 7
	};
};
