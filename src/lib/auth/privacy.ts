/** The version of the privacy notice (/privacy) a new account accepts, recorded with the consent. */
export const PRIVACY_NOTICE_DATE = '2026-11-23';

/** Where people write about their personal data, unless PRIVACY_CONTACT says otherwise. */
export const DEFAULT_PRIVACY_CONTACT = 'privacy@cashless-paris.test';
