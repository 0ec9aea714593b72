/**
 * E-mails go out through the job table (the outbox): queued in the same transaction as the change
 * they announce, sent by the job runner, retried with backoff when the mail server fails, and
 * never making a request wait or fail. Each message has a plain-text and a simple HTML part in the
 * recipient's language. Once sent, the body is removed from the job (it may hold a link that
 * signs in); the back-office shows only its kind and a masked recipient.
 */
import type { Executor } from '../db/client';
import { enqueue } from '../jobs/queue';
import type { JobHandler } from '../jobs/runner';
import { maskAddress, sendMail, type MailMessage } from './mailer';
import { mailHtml } from './html';
import type { DecisionNotice } from '../applications/notices';

export const MAIL_JOB = 'mail';

/** What kind of e-mail a job carries (a reviewer's decision among them): named in the back-office outbox. */
export type MailKind =
	| 'password_reset'
	| 'invitation'
	| 'account_unlock'
	| 'registration'
	| 'registration_attempt'
	| DecisionNotice
	| 'listing_reported'
	| 'reconfirmation_reminder'
	| 'listing_lapsed'
	| 'email_change'
	| 'email_changed';

export interface OutgoingMail {
	kind: MailKind;
	to: string;
	locale: 'zh' | 'fr';
	subject: string;
	text: string;
	/** One e-mail per cause: the same key queued twice is sent once. */
	key?: string;
}

/** Queues an e-mail (call it inside the transaction of the change it tells about). */
export async function queueMail(db: Executor, mail: OutgoingMail): Promise<void> {
	const message: MailMessage = {
		to: mail.to,
		subject: mail.subject,
		text: mail.text,
		html: mailHtml(mail.locale, mail.subject, mail.text)
	};
	await enqueue(db, {
		kind: MAIL_JOB,
		key: mail.key,
		label: `${mail.kind} → ${maskAddress(mail.to)}`,
		payload: { ...message, kind: mail.kind }
	});
}

export const mailJob: JobHandler = {
	scrub: true,
	async run(payload) {
		const { to, subject, text, html } = payload as unknown as MailMessage;
		await sendMail({ to, subject, text, html });
	}
};
