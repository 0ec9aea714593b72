/**
 * Who may use the back-office. Every admin page load, form action and endpoint calls one of
 * these itself (the layout's check alone would not protect a form action or a data request).
 */
import type { RequestEvent } from '@sveltejs/kit';
import { requireUser, type Role } from '../auth/guard';
import type { SessionUser } from '../auth/session';

/** The partnership team: officials and administrators. */
export const STAFF_ROLES: readonly Role[] = ['official', 'admin'];

export function requireStaff(event: RequestEvent): SessionUser {
	return requireUser(event, STAFF_ROLES);
}

/** Administrators only: the team (invitations, deactivation). */
export function requireAdmin(event: RequestEvent): SessionUser {
	return requireUser(event, ['admin']);
}
