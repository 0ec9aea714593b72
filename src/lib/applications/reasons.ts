import { oneOf } from '../vocabulary';

/**
 * Why a reviewer refuses, asks for changes or suspends: a small fixed list (labels in zh and fr,
 * see $lib/i18n/application-labels), with a free text beside it for the details.
 */
export const REVIEW_REASONS = [
	'siret_mismatch',
	'address_unverified',
	'not_in_idf',
	'incomplete_information',
	'not_accepting_alipay',
	'duplicate',
	'other'
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const isReviewReason = oneOf(REVIEW_REASONS);

/** The reviewer's note beside the reason, at most this long; required with 'other'. */
export const REASON_TEXT_MAX_LENGTH = 1000;
