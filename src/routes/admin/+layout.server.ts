import type { LayoutServerLoad } from './$types';
import { requireStaff } from '$lib/server/admin/access';

/** The frame of the back-office; each page and action below checks the role again itself. */
export const load: LayoutServerLoad = (event) => {
	const user = requireStaff(event);
	return { staff: { email: user.email, displayName: user.displayName, role: user.role } };
};
