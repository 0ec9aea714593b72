/**
 * Outgoing e-mail. With SMTP_URL (e.g. smtp://user:pass@host:587) messages go out through
 * nodemailer from MAIL_FROM; without it they are written to the server log, which is how a
 * development machine reads its password-reset links. With MAIL_OUTBOX_DIR set (the end-to-end
 * tests set it) each message is also written there as one JSON file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

const DEFAULT_FROM = 'Paris sans espèces <no-reply@localhost>';
let transport: Transporter | undefined;

function smtp(url: string): Transporter {
	transport ??= nodemailer.createTransport(url);
	return transport;
}

async function writeToOutbox(dir: string, message: MailMessage & { from: string }): Promise<void> {
	const folder = resolve(dir);
	await mkdir(folder, { recursive: true });
	const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.json`;
	await writeFile(join(folder, name), JSON.stringify(message, null, '\t'));
}

export async function sendMail(
	message: MailMessage,
	env: NodeJS.ProcessEnv = process.env
): Promise<void> {
	const from = env.MAIL_FROM || DEFAULT_FROM;
	if (env.MAIL_OUTBOX_DIR) await writeToOutbox(env.MAIL_OUTBOX_DIR, { ...message, from });
	if (env.SMTP_URL) {
		await smtp(env.SMTP_URL).sendMail({ from, ...message });
		return;
	}
	console.log(
		`[mail] SMTP_URL is not set; this message was not sent:\n` +
			`  To: ${message.to}\n  Subject: ${message.subject}\n\n${message.text}\n[mail] end of message`
	);
}

/**
 * Sends without making the request wait for the mail server (and so without telling, by its
 * timing, whether a message was sent at all); failures are logged.
 */
export function sendMailInBackground(message: MailMessage): void {
	sendMail(message).catch((error: unknown) => {
		console.error(`[mail] could not send "${message.subject}":`, error);
	});
}
