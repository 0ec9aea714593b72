/**
 * The e-mail outbox as administrators see it: how many messages wait, went out or failed, and
 * each message's kind, masked recipient, attempts and last error — never its body, which may hold
 * a link that signs someone in. A failed message can be tried once more.
 */
import type { Executor } from '../db/client';
import { MAIL_JOB } from '../mail/outbox';
import { countJobs, listJobs, retryFailed, type JobStatus } from '../jobs/queue';

export const OUTBOX_STATUSES = ['pending', 'running', 'done', 'failed'] as const;

export function parseOutboxStatus(value: string | null): JobStatus | undefined {
	return OUTBOX_STATUSES.find((s) => s === value);
}

export async function outbox(db: Executor, status?: JobStatus) {
	const [counts, messages] = await Promise.all([
		countJobs(db, [MAIL_JOB]),
		listJobs(db, { kinds: [MAIL_JOB], status, limit: 200 })
	]);
	return {
		counts,
		messages: messages.map((job) => {
			const [kind, recipient] = job.label.split(' → ');
			return { ...job, mailKind: kind, recipient: recipient ?? '' };
		})
	};
}

/** One more attempt for a failed message, now; false when it is not a failed e-mail. */
export function retryMail(db: Executor, id: number, now: Date = new Date()): Promise<boolean> {
	return retryFailed(db, id, now, MAIL_JOB);
}
