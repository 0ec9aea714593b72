import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { JobRunner } from '../jobs/runner';
import { JOB_HANDLERS } from '../jobs';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { auditEvents, userTokens } from '../db/schema';
import { logIn } from './accounts';
import { createMerchantAccount } from './testing';
import {
	RESET_TOKEN_LIFETIME_MS,
	createResetToken,
	requestPasswordReset,
	resetPassword,
	resetTokenAccount,
	resetTokenId
} from './password-reset';
import { createSession, generateSessionToken, validateSessionToken } from './session';
import { RESET_REQUESTS } from './rate-limit';

let t: TestDatabase;
let outbox: string;
let userId: string;
const email = 'reset@example.fr';
// E-mailed links come from ORIGIN only (never a request's Host).
process.env.ORIGIN = 'https://cashless.example.fr';

beforeAll(async () => {
	t = await openTestDatabase();
	outbox = mkdtempSync(join(tmpdir(), 'outbox-'));
	vi.stubEnv('MAIL_OUTBOX_DIR', outbox);
	vi.stubEnv('SMTP_URL', '');
	const created = await createMerchantAccount(t.db, {
		email,
		password: 'ancienne phrase secrète',
		locale: 'zh'
	});
	userId = created.user.id;
	// The registration link is not what these tests read.
	await new JobRunner(t.db, { handlers: JOB_HANDLERS }).runDue();
	for (const f of readdirSync(outbox)) rmSync(join(outbox, f));
});
afterEach(() => vi.spyOn(console, 'log').mockRestore());
afterAll(async () => {
	vi.unstubAllEnvs();
	rmSync(outbox, { recursive: true, force: true });
	await t?.close();
});

const newPassword = {
	password: 'nouvelle phrase secrète',
	passwordConfirm: 'nouvelle phrase secrète'
};

/** The e-mails queued in the outbox, sent by a job runner as the server's would. */
async function sendQueuedMail(): Promise<{ to: string; subject: string; text: string }[]> {
	await new JobRunner(t.db, { handlers: JOB_HANDLERS }).runDue();
	return readdirSync(outbox).map((f) => JSON.parse(readFileSync(join(outbox, f), 'utf8')));
}

describe('password reset', () => {
	it('answers the same for a known and an unknown address, and mails only the known one', async () => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const now = new Date();
		const known = await requestPasswordReset(
			t.db,
			{ email: 'RESET@example.fr', ip: '203.0.113.1' },
			now
		);
		const unknown = await requestPasswordReset(
			t.db,
			{ email: 'nobody@example.fr', ip: '203.0.113.1' },
			now
		);
		expect(known).toEqual({ ok: true });
		expect(unknown).toEqual(known);
		const mails = await sendQueuedMail();
		expect(mails).toHaveLength(1);
		expect(mails[0].to).toBe(email);
		// In the account's language (Chinese here), with a link to the Chinese page.
		expect(mails[0].subject).toContain('重置密码');
		const link = mails[0].text.match(/https:\/\/\S+/)![0];
		expect(link).toMatch(/^https:\/\/cashless\.example\.fr\/zh\/reset-password\/[a-z2-7]{32}$/);
		const token = link.split('/').pop()!;
		// Only the digest is stored.
		const stored = await t.db
			.select()
			.from(userTokens)
			.where(and(eq(userTokens.userId, userId), eq(userTokens.kind, 'password_reset')));
		expect(stored.map((s) => s.id)).toEqual([resetTokenId(token)]);
		expect(stored[0].expiresAt.getTime() - now.getTime()).toBe(RESET_TOKEN_LIFETIME_MS);
		expect(await resetTokenAccount(t.db, token)).toEqual({ userId, email });
	});

	it('refuses a malformed address and rate-limits per address', async () => {
		expect(await requestPasswordReset(t.db, { email: 'nope', ip: '203.0.113.2' })).toEqual({
			ok: false,
			errors: { email: 'email_invalid' }
		});
		const at = new Date('2030-01-01T00:00:00Z');
		const results = [];
		for (let i = 0; i <= RESET_REQUESTS.perAccount; i++) {
			results.push(
				await requestPasswordReset(
					t.db,
					{ email: 'flood@example.fr', ip: `203.0.113.${10 + i}` },
					at
				)
			);
		}
		expect(results.slice(0, -1).every((r) => r.ok)).toBe(true);
		expect(results.at(-1)).toEqual({
			ok: false,
			errors: { form: 'rate_limited' },
			retryMinutes: 15
		});
	});

	it('sets the new password once, ends every session and records it', async () => {
		const now = new Date();
		const token = (await createResetToken(t.db, email, now))!.token;
		const other = (await createResetToken(t.db, email, now))!.token;
		const session = generateSessionToken();
		await createSession(t.db, session, userId);

		const weak = await resetPassword(t.db, {
			token,
			password: 'azertyuiop',
			passwordConfirm: 'azertyuiop'
		});
		expect(weak).toEqual({ ok: false, errors: { password: 'password_common' } });
		expect(await resetTokenAccount(t.db, token)).not.toBeNull();

		expect(await resetPassword(t.db, { token, ...newPassword })).toEqual({ ok: true });
		expect((await validateSessionToken(t.db, session)).session).toBeNull();
		const ip = '203.0.113.50';
		expect((await logIn(t.db, { email, password: newPassword.password, ip })).ok).toBe(true);

		// Single use: neither this link nor the other one of the same account works any more.
		expect(await resetPassword(t.db, { token, ...newPassword })).toEqual({
			ok: false,
			errors: { form: 'reset_link_invalid' }
		});
		expect(await resetTokenAccount(t.db, other)).toBeNull();
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(eq(auditEvents.subjectUserId, userId));
		expect(audit.filter((a) => a.action === 'password_reset')).toHaveLength(1);
	});

	it('expires after one hour', async () => {
		const issued = new Date('2030-03-01T12:00:00Z');
		const { token } = (await createResetToken(t.db, email, issued))!;
		const justBefore = new Date(issued.getTime() + RESET_TOKEN_LIFETIME_MS - 1000);
		const atExpiry = new Date(issued.getTime() + RESET_TOKEN_LIFETIME_MS);
		expect(await resetTokenAccount(t.db, token, justBefore)).not.toBeNull();
		expect(await resetTokenAccount(t.db, token, atExpiry)).toBeNull();
		expect(await resetPassword(t.db, { token, ...newPassword }, atExpiry)).toEqual({
			ok: false,
			errors: { form: 'reset_link_invalid' }
		});
	});

	it('refuses unknown and malformed tokens', async () => {
		expect(await resetTokenAccount(t.db, generateSessionToken())).toBeNull();
		expect(await resetPassword(t.db, { token: "'; DROP TABLE users; --", ...newPassword })).toEqual(
			{
				ok: false,
				errors: { form: 'reset_link_invalid' }
			}
		);
	});

	it('is done at most once when the link is submitted twice at the same moment', async () => {
		const { token } = (await createResetToken(t.db, email, new Date()))!;
		const results = await Promise.all([
			resetPassword(t.db, { token, ...newPassword }),
			resetPassword(t.db, { token, ...newPassword })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
	});
});
