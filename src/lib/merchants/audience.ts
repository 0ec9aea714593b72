/** A merchant's audience on the tourist side for one week (see $lib/server/merchants/audience). */
export interface AudienceWeek {
	/** First Paris day of the 7-day window, YYYY-MM-DD. */
	from: string;
	pageViews: number;
	directionClicks: number;
	cashierCardOpens: number;
}
