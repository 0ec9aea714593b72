import { oneOf } from '../vocabulary';

/**
 * Tourist reports: what a visitor can say about a listing in one tap, and the rules that turn
 * reports into work for the partnership's officials. Shared by the schema, the server and the
 * browser. The numbers below are the documented policy (see docs/architecture.md, "Tourist
 * reports"); the public page and the back-office state them.
 */

/** What a tourist says: paid with Alipay here; Alipay not accepted; closed or moved. */
export const TOURIST_REPORT_KINDS = ['paid', 'not_accepted', 'closed'] as const;
export type TouristReportKind = (typeof TOURIST_REPORT_KINDS)[number];

export const isTouristReportKind = oneOf(TOURIST_REPORT_KINDS);

/** How an official closes a listing's report: checked and true, suspended, or unfounded. */
export const REPORT_RESOLUTIONS = ['confirmed', 'suspended', 'dismissed'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

export const REPORT_POLICY = {
	/** Reports are counted over this many Paris days, today included. */
	windowDays: 30,
	/** "Not accepted" reports in the window that send a listing to the officials' queue… */
	notAcceptedThreshold: 2,
	/** …or "closed or moved" reports. */
	closedThreshold: 1,
	/** One visitor (one address) may report at most this many times an hour, all listings together. */
	perVisitorPerHour: 10
} as const;

export interface ReportCounts {
	paid: number;
	notAccepted: number;
	closed: number;
}

/** Whether counts of the window send the listing to the officials' "reported" queue. */
export function crossesThreshold(counts: Pick<ReportCounts, 'notAccepted' | 'closed'>): boolean {
	return (
		counts.notAccepted >= REPORT_POLICY.notAcceptedThreshold ||
		counts.closed >= REPORT_POLICY.closedThreshold
	);
}
