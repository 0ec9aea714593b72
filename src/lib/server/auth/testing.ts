/**
 * For tests: a merchant account with its password, made as registration makes it (the form's
 * step, then the password chosen through the e-mailed link), without reading the e-mail.
 */
import type { Database } from '../db/client';
import { isAccountLocale, normalizeEmail } from './accounts';
import { completeRegistration, startRegistration } from './registration';
import type { SessionUser } from './session';

export async function createMerchantAccount(
	db: Database,
	input: { email: string; password: string; locale?: string },
	now: Date = new Date()
): Promise<{ ok: true; user: SessionUser }> {
	const locale = isAccountLocale(input.locale) ? input.locale : 'fr';
	const start = await startRegistration(db, { email: input.email, locale }, now);
	if (start.outcome !== 'created') throw new Error(`registration: ${start.outcome}`);
	const done = await completeRegistration(
		db,
		{ token: start.token, password: input.password, passwordConfirm: input.password },
		now
	);
	if (!done.ok) throw new Error(`registration: ${JSON.stringify(done.errors)}`);
	const email = normalizeEmail(input.email);
	return {
		ok: true,
		user: { id: done.userId, email, role: 'merchant', locale, displayName: null }
	};
}
