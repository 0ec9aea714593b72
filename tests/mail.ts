import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where the test server writes the e-mails it sends (MAIL_OUTBOX_DIR), relative to the repository. */
export const mailDirFor = (port: number) => `data/e2e-${port}-mail`;

const root = fileURLToPath(new URL('..', import.meta.url));
const outbox = join(root, mailDirFor(Number(process.env.E2E_PORT ?? 4173)));

interface SentMail {
	to: string;
	subject: string;
	text: string;
}

/** Every e-mail sent so far to this address, oldest first (file names start with the time). */
export async function mailsTo(address: string): Promise<SentMail[]> {
	let names: string[];
	try {
		names = (await readdir(outbox)).filter((n) => n.endsWith('.json')).sort();
	} catch {
		return [];
	}
	const mails = await Promise.all(
		names.map(async (n) => {
			try {
				return JSON.parse(await readFile(join(outbox, n), 'utf8')) as SentMail;
			} catch {
				return null; // still being written (tests run in parallel): read on the next poll
			}
		})
	);
	return mails.filter((m): m is SentMail => m?.to === address);
}

/** The password-reset link in the latest e-mail to this address, or null. */
export async function resetLinkFor(address: string): Promise<string | null> {
	const last = (await mailsTo(address)).at(-1);
	return last?.text.match(/https?:\/\/\S+\/reset-password\/\S+/)?.[0] ?? null;
}

/** The registration link (choose your password) in the latest e-mail to this address, or null. */
export async function registrationLinkFor(address: string): Promise<string | null> {
	const last = (await mailsTo(address)).at(-1);
	return last?.text.match(/https?:\/\/\S+\/register\/\S+/)?.[0] ?? null;
}
