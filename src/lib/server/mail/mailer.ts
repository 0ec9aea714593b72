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
	html?: string;
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
	// The log never holds the address; outside production it shows the text (a developer's
	// machine reads its password-reset links there).
	const body = env.NODE_ENV === 'production' ? '' : `\n${message.text}\n[mail] end of message`;
	console.log(
		`[mail] SMTP_URL is not set; "${message.subject}" to ${maskAddress(message.to)} was not sent.${body}`
	);
}

/** "li.wei@example.fr" → "l•••@example.fr": enough to tell messages apart, not to read an address. */
export function maskAddress(address: string): string {
	const at = address.lastIndexOf('@');
	if (at < 1) return '•••';
	return `${address[0]}•••${address.slice(at)}`;
}
