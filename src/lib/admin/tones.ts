import type { VerificationState } from '../merchants/freshness';

/** The tone of a status pill (app.css `.pill`): the words say the status, the colour helps. */
export type Tone = 'ok' | 'warn' | 'danger' | 'accent' | 'neutral';

const LISTING_TONES: Record<string, Tone> = {
	approved: 'ok',
	pending: 'accent',
	rejected: 'danger',
	suspended: 'danger'
};

/** A listing's status: public, waiting for a reviewer, or refused or off the map; else neutral. */
export const listingStatusTone = (status: string): Tone => LISTING_TONES[status] ?? 'neutral';

const VERIFICATION_TONES: Record<VerificationState, Tone> = {
	fresh: 'ok',
	soon_stale: 'warn',
	stale: 'warn',
	lapsed: 'danger'
};

/** A listing's verification: recent, due or overdue, or lapsed (off the map). */
export const verificationTone = (state: VerificationState): Tone => VERIFICATION_TONES[state];
