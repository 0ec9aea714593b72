/**
 * The merchant's dashboard: each of their listings with its status, the reviewer's last reason,
 * how fresh its verification is (and when it turns stale or leaves the map), tourists' open
 * report, its history, a preview of its public card, and its audience week by week.
 */
import type { Executor } from '../db/client';
import { toCard } from '../merchants/listing-cards';
import { weeklyAudience } from '../merchants/audience';
import type { AudienceWeek } from '../../merchants/audience';
import { merchantSlug, merchantPath } from '../../merchants/slug';
import type { ListingCard } from '../../merchants/cards';
import type { ListingStatus } from '../../merchants/vocabulary';
import {
	APPLICATION_STEPS,
	STEP_FIELDS,
	type ApplicationPatch,
	type ApplicationStep
} from '../../applications/fields';
import { applicationToForm, parseApplication } from '../../applications/parse';
import { communesByPostalCode } from '../geo/communes';
import { openReportsOf } from '../reports/tourist';
import type { ReportCounts } from '../../reports/vocabulary';
import { parisIsoDate } from '../../i18n/format';
import {
	addMonths,
	freshnessOf,
	lapseDay,
	REMIND_AFTER_MONTHS,
	STALE_AFTER_MONTHS,
	type VerificationState
} from '../../merchants/freshness';
import {
	isEditable,
	ownHistories,
	ownListings,
	workingCopy,
	type HistoryEntry,
	type OpenRevision,
	type OwnListing,
	type ReviewNote
} from './queries';

export interface DashboardShop {
	id: number;
	status: ListingStatus;
	version: number;
	nameFr: string;
	nameZh: string | null;
	submittedAt: Date | null;
	decidedAt: Date | null;
	/** Last verified (approval, reconfirmation, an official's check). */
	verifiedAt: Date | null;
	/** Off the map for want of reconfirmation: reconfirming brings it back. */
	lapsed: boolean;
	/**
	 * A public or lapsed listing's verification: fresh, soon stale (asked to reconfirm), stale
	 * (tourists are told to check at the till), lapsed; with the Paris days it turns stale and
	 * leaves the map without reconfirmation.
	 */
	verification: {
		state: VerificationState;
		remindOn: string;
		staleOn: string;
		lapseOn: string;
	} | null;
	/** Tourists' reports waiting for an official, with the last 30 days' counts. */
	report: { openedAt: Date; counts: ReportCounts } | null;
	/** "Still accepting Alipay" can be confirmed from the dashboard. */
	canReconfirm: boolean;
	/** The open change of the approved listing: a draft, under review, or to be reworked. */
	revision: { status: OpenRevision['status']; submittedAt: Date | null } | null;
	note: ReviewNote | null;
	history: HistoryEntry[];
	/** The card as tourists will see it (with the open revision applied). */
	preview: ListingCard;
	/** The public page, when the listing is approved. */
	publicPath: string | null;
	audience: AudienceWeek[];
	editable: boolean;
	/** The wizard's steps that still lack something before submission. */
	incompleteSteps: ApplicationStep[];
}

/** The wizard's steps whose fields are not all complete and valid yet. */
export function incompleteSteps(values: ApplicationPatch): ApplicationStep[] {
	const form = applicationToForm(values);
	return APPLICATION_STEPS.filter(
		(step) =>
			!parseApplication(form, STEP_FIELDS[step], {
				mode: 'complete',
				communes: communesByPostalCode
			}).ok
	);
}

function preview(
	listing: OwnListing,
	values: ApplicationPatch,
	now: Date,
	reported: boolean
): ListingCard {
	return toCard(
		{
			id: listing.merchant.id,
			slug: merchantSlug(values.tradeNameFr ?? ''),
			lat: values.latitude ?? 0,
			lon: values.longitude ?? 0,
			category: values.category ?? listing.merchant.category,
			nameFr: values.tradeNameFr ?? listing.merchant.tradeNameFr,
			nameZh: values.tradeNameZh ?? null,
			address: values.address ?? null,
			postalCode: values.postalCode ?? null,
			communeName: values.communeName ?? null,
			openingHours: values.openingHours ?? null,
			paymentMethods: values.paymentMethods ?? [],
			taxFree: values.taxFree ?? false,
			chineseStaff: values.chineseStaff ?? false,
			verifiedAt: listing.merchant.verifiedAt ?? null,
			reported
		},
		now,
		null
	);
}

export async function merchantDashboard(
	db: Executor,
	ownerId: string,
	now: Date = new Date()
): Promise<DashboardShop[]> {
	const listings = await ownListings(db, ownerId);
	const ids = listings.map((l) => l.merchant.id);
	const [histories, audience, reports] = await Promise.all([
		ownHistories(db, ownerId),
		weeklyAudience(db, ids, { now }),
		openReportsOf(db, ids, now)
	]);
	const today = parisIsoDate(now);
	return listings.map((listing) => {
		const m = listing.merchant;
		const values = workingCopy(listing);
		const lapsed = m.lapsedAt !== null;
		const verifiedDay = m.verifiedAt ? parisIsoDate(m.verifiedAt) : null;
		const report = reports.get(m.id) ?? null;
		return {
			id: m.id,
			status: m.status,
			version: m.version,
			nameFr: values.tradeNameFr ?? m.tradeNameFr,
			nameZh: values.tradeNameZh ?? null,
			submittedAt: m.submittedAt,
			decidedAt: m.decidedAt,
			verifiedAt: m.verifiedAt,
			lapsed,
			verification:
				verifiedDay && (m.status === 'approved' || lapsed)
					? {
							state: lapsed ? 'lapsed' : freshnessOf(verifiedDay, today),
							remindOn: addMonths(verifiedDay, REMIND_AFTER_MONTHS),
							staleOn: addMonths(verifiedDay, STALE_AFTER_MONTHS),
							lapseOn: lapseDay(verifiedDay, m.remindedAt ? parisIsoDate(m.remindedAt) : null)
						}
					: null,
			report: m.status === 'approved' || m.status === 'suspended' ? report : null,
			canReconfirm: m.status === 'approved' || (m.status === 'suspended' && lapsed),
			revision: listing.revision
				? { status: listing.revision.status, submittedAt: listing.revision.submittedAt }
				: null,
			note: listing.note,
			history: histories.get(m.id) ?? [],
			preview: preview(listing, values, now, report !== null && m.status === 'approved'),
			publicPath: m.status === 'approved' ? merchantPath(m.id, m.tradeNameFr) : null,
			audience: audience.get(m.id) ?? [],
			editable: isEditable(m.status),
			incompleteSteps:
				m.status === 'draft' || m.status === 'changes_requested' ? incompleteSteps(values) : []
		};
	});
}
