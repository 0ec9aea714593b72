import type { PageServerLoad } from './$types';
import { env } from '$env/dynamic/private';
import { DEFAULT_PRIVACY_CONTACT, PRIVACY_NOTICE_DATE } from '$lib/auth/privacy';

/** The privacy notice: its date (the version new accounts accept) and where to write. */
export const load: PageServerLoad = () => {
	return {
		noticeDate: PRIVACY_NOTICE_DATE,
		contact: env.PRIVACY_CONTACT || DEFAULT_PRIVACY_CONTACT
	};
};
