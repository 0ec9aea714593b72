/**
 * A merchant's registration, in two steps so that it never tells whether an address has an
 * account. The form asks for the address, the language and the consent, and answers "we sent
 * you an e-mail" for every valid address, after the same work whatever the address: the rate
 * limits, then one background job queued (REGISTRATION_JOB). The job, run after the answer, looks
 * the address up:
 *   - an address without an account gets one (merchant, no password yet, consent recorded) and a
 *     single-use link, valid 24 hours, to choose its password (/register/<token>);
 *   - an account still waiting for its first password gets a fresh link (the old one dies);
 *   - a live account gets "someone tried to register with your address", in its language, with
 *     links to log in and to reset the password; nothing else changes;
 *   - a deactivated or erased account gets nothing.
 * The password is chosen only through the link, by whoever reads the mailbox: registering
 * someone else's address first gives no way into the account. Asking is rate-limited per
 * address and per IP (REGISTRATIONS); e-mails go through the outbox, in the job's transaction.
 * The job's payload (the address) is emptied once it has run.
 */
import * as m from '$lib/paraglide/messages';
import type { Database, Executor } from '../db/client';
import { isUniqueViolation } from '../db/query';
import { users } from '../db/schema';
import { recordAudit } from '../audit/record';
import { enqueue } from '../jobs/queue';
import type { JobHandler } from '../jobs/runner';
import { maskAddress } from '../mail/mailer';
import { queueMail } from '../mail/outbox';
import { siteLink } from '../mail/links';
import {
	accountByEmail,
	emailError,
	isAccountLocale,
	normalizeEmail,
	type AccountLocale,
	type Outcome
} from './accounts';
import { chooseFirstPassword } from './first-password';
import { REGISTRATIONS, attempt } from './rate-limit';
import { issueUserToken, userTokenAccount } from './user-tokens';
import { PRIVACY_NOTICE_DATE } from '../../auth/privacy';
import type { FieldErrors } from '../../auth/form-errors';

export const REGISTRATION_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface Registration {
	email: string;
	locale: string;
	consent: boolean;
	ip: string;
}
export type RegistrationField = 'email' | 'locale' | 'consent';

/**
 * The form's step: checks the fields and the rate limits, then registers (see above). The answer
 * is the same for every valid address.
 */
export async function registerMerchant(
	db: Database,
	input: Registration,
	now: Date = new Date()
): Promise<Outcome<RegistrationField, { email: string }>> {
	const email = normalizeEmail(input.email);
	const errors: FieldErrors<RegistrationField> = {
		email: emailError(email) ?? undefined,
		locale: isAccountLocale(input.locale) ? undefined : 'locale_invalid',
		consent: input.consent ? undefined : 'consent_required'
	};
	if (errors.email || errors.locale || errors.consent || !isAccountLocale(input.locale)) {
		return { ok: false, errors };
	}
	const verdict = await attempt(db, REGISTRATIONS, { email, ip: input.ip }, now);
	if (!verdict.allowed) {
		return { ok: false, errors: { form: 'rate_limited' }, retryMinutes: verdict.retryMinutes };
	}
	await enqueue(db, {
		kind: REGISTRATION_JOB,
		label: `registration → ${maskAddress(email)}`,
		payload: { email, locale: input.locale }
	});
	return { ok: true, email };
}

export const REGISTRATION_JOB = 'registration';

/** The registration's work, after the answer (see above). */
export const registrationJob: JobHandler = {
	scrub: true,
	async run(payload, { db }) {
		const { email, locale } = payload as { email: string; locale: AccountLocale };
		await startRegistration(db, { email, locale }, new Date());
	}
};

export type RegistrationStart =
	| { outcome: 'created' | 'link_renewed'; token: string }
	| { outcome: 'already_registered' | 'nothing' };

/**
 * What a valid registration does to the database and which e-mail it queues, in one transaction
 * (the job's work; exported for tests).
 */
export async function startRegistration(
	db: Database,
	input: { email: string; locale: AccountLocale },
	now: Date
): Promise<RegistrationStart> {
	const email = normalizeEmail(input.email);
	for (let tries = 0; ; tries++) {
		try {
			return await db.transaction((tx) => registerOnce(tx, email, input.locale, now));
		} catch (error) {
			// Two registrations of one new address at the same moment: the database keeps one
			// account, and the second one, tried again, finds it.
			if (tries === 0 && isUniqueViolation(error)) continue;
			throw error;
		}
	}
}

async function registerOnce(
	tx: Executor,
	email: string,
	locale: AccountLocale,
	now: Date
): Promise<RegistrationStart> {
	const account = await accountByEmail(tx, email);
	if (!account) {
		const [created] = await tx
			.insert(users)
			.values({ email, role: 'merchant', locale, createdAt: now })
			.returning({ id: users.id });
		await recordAudit(tx, {
			actorId: created.id,
			subjectUserId: created.id,
			action: 'account_created',
			after: { role: 'merchant', locale, privacyNoticeAccepted: PRIVACY_NOTICE_DATE },
			at: now
		});
		const token = await mailRegistrationLink(tx, { id: created.id, email, locale }, now);
		return { outcome: 'created', token };
	}
	if (!account.active || account.deletedAt) return { outcome: 'nothing' };
	if (account.role === 'merchant' && !account.passwordHash) {
		return { outcome: 'link_renewed', token: await mailRegistrationLink(tx, account, now) };
	}
	const owner = account.locale;
	await queueMail(tx, {
		kind: 'registration_attempt',
		to: account.email,
		locale: owner,
		subject: m.account_register_taken_email_subject({}, { locale: owner }),
		text: m.account_register_taken_email_body(
			{ login: siteLink('/login', owner), reset: siteLink('/forgot-password', owner) },
			{ locale: owner }
		)
	});
	return { outcome: 'already_registered' };
}

/** A new 24-hour link to choose the password (earlier ones die), queued for the address. */
async function mailRegistrationLink(
	tx: Executor,
	account: { id: string; email: string; locale: AccountLocale },
	now: Date
): Promise<string> {
	const { locale } = account;
	const token = await issueUserToken(
		tx,
		'registration',
		account.id,
		REGISTRATION_LINK_LIFETIME_MS,
		now
	);
	await queueMail(tx, {
		kind: 'registration',
		to: account.email,
		locale,
		subject: m.account_register_email_subject({}, { locale }),
		text: m.account_register_email_body(
			{ link: siteLink(`/register/${token}`, locale) },
			{ locale }
		)
	});
	return token;
}

/** Whom a registration link is for, while it is unused and under 24 hours old. */
export function registrationAccount(db: Executor, token: string, now: Date = new Date()) {
	return userTokenAccount(db, 'registration', token, now);
}

/** The second step: the password chosen through the link; the caller then signs the account in. */
export function completeRegistration(
	db: Database,
	input: { token: string; password: string; passwordConfirm: string },
	now: Date = new Date()
) {
	return chooseFirstPassword(db, 'registration', input, now);
}
