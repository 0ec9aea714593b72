/**
 * The first password of an account, chosen through its e-mailed link: an official's invitation
 * or a merchant's registration. The password policy first, then — in one transaction — the link
 * used up, the password set and the audit record. Of two submissions of one link, only the first
 * one counts.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { recordAudit } from '../audit/record';
import { hashPassword } from './password';
import { newPasswordErrors, type AccountLocale, type Outcome } from './accounts';
import { useUpUserToken, userTokenAccount } from './user-tokens';

/** The audit action of a first password chosen through each kind of link. */
const FIRST_PASSWORD_ACTION = {
	invitation: 'invitation_accepted',
	registration: 'registration_completed'
} as const;

export type FirstPasswordField = 'password' | 'passwordConfirm';

export async function chooseFirstPassword(
	db: Database,
	kind: keyof typeof FIRST_PASSWORD_ACTION,
	input: { token: string; password: string; passwordConfirm: string },
	now: Date
): Promise<Outcome<FirstPasswordField, { userId: string; locale: AccountLocale }>> {
	const account = await userTokenAccount(db, kind, input.token, now);
	if (!account) return { ok: false, errors: { form: 'reset_link_invalid' } };
	const errors = newPasswordErrors(input, account.email);
	if (errors.password || errors.passwordConfirm) return { ok: false, errors };
	const passwordHash = await hashPassword(input.password);
	const done = await db.transaction(async (tx) => {
		if (!(await useUpUserToken(tx, kind, input.token, now))) return false;
		await tx.update(users).set({ passwordHash }).where(eq(users.id, account.userId));
		await recordAudit(tx, {
			actorId: account.userId,
			action: FIRST_PASSWORD_ACTION[kind],
			subjectUserId: account.userId,
			at: now
		});
		return true;
	});
	return done
		? { ok: true, userId: account.userId, locale: account.locale }
		: { ok: false, errors: { form: 'reset_link_invalid' } };
}
