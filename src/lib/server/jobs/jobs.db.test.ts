/**
 * The job table and runner on both drivers: transactional enqueue, retries then a visible
 * failure, no job run twice by two runners, daily jobs once per day, a stopping runner giving
 * its job back; and e-mails through the outbox.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../db/testing';
import { jobs } from '../db/schema';
import { backoffSeconds, enqueue, retryFailed } from './queue';
import { JobInterrupted, JobRunner, type JobHandler } from './runner';
import { JOB_HANDLERS } from '.';
import { queueMail } from '../mail/outbox';

const t = await testDatabase();
beforeEach(async () => {
	await t.db.delete(jobs);
});

const runner = (handlers: Record<string, JobHandler>, now?: () => Date, worker?: string) =>
	new JobRunner(t.db, { handlers, now, worker, schedules: [] });

async function jobOf(id: number) {
	const [row] = await t.db.select().from(jobs).where(eq(jobs.id, id));
	return row;
}

describe('job runner', () => {
	it('never runs a job whose transaction rolled back', async () => {
		const ran: unknown[] = [];
		await expect(
			t.db.transaction(async (tx) => {
				await enqueue(tx, { kind: 'note', payload: { n: 1 } });
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		await enqueue(t.db, { kind: 'note', payload: { n: 2 } });
		expect(await runner({ note: { run: async (p) => void ran.push(p.n) } }).runDue()).toBe(1);
		expect(ran).toEqual([2]);
	});

	it('runs one job per idempotency key', async () => {
		expect(await enqueue(t.db, { kind: 'note', key: 'approved:42' })).not.toBeNull();
		expect(await enqueue(t.db, { kind: 'note', key: 'approved:42' })).toBeNull();
		let runs = 0;
		await runner({ note: { run: async () => void runs++ } }).runDue();
		expect(runs).toBe(1);
	});

	it('retries a failing job with growing waits, then marks it failed; an admin can retry it', async () => {
		let clock = new Date('2030-01-01T10:00:00Z');
		const id = (await enqueue(t.db, { kind: 'flaky', maxAttempts: 3, runAt: clock }))!;
		let tries = 0;
		const failing = runner(
			{
				flaky: {
					run: async () => {
						tries++;
						throw new Error(`mail server down (${tries})`);
					}
				}
			},
			() => clock
		);
		expect(await failing.runDue()).toBe(1);
		let row = await jobOf(id);
		expect(row).toMatchObject({
			status: 'pending',
			attempts: 1,
			lastError: 'mail server down (1)'
		});
		expect(row.runAt.getTime() - clock.getTime()).toBe(backoffSeconds(1) * 1000);
		// Not due yet.
		expect(await failing.runDue()).toBe(0);
		clock = new Date(row.runAt.getTime());
		await failing.runDue();
		row = await jobOf(id);
		expect(row).toMatchObject({ status: 'pending', attempts: 2 });
		expect(row.runAt.getTime() - clock.getTime()).toBe(backoffSeconds(2) * 1000);
		clock = new Date(row.runAt.getTime());
		await failing.runDue();
		expect(await jobOf(id)).toMatchObject({
			status: 'failed',
			attempts: 3,
			lastError: 'mail server down (3)'
		});
		expect(await failing.runDue()).toBe(0);
		expect(await retryFailed(t.db, id, clock)).toBe(true);
		await failing.runDue();
		expect(await jobOf(id)).toMatchObject({ status: 'failed', attempts: 4 });
	});

	it('never runs the same job twice with two runners at once', async () => {
		for (let i = 0; i < 40; i++) await enqueue(t.db, { kind: 'count', payload: { i } });
		const runs = new Map<number, string[]>();
		const handler = (name: string): JobHandler => ({
			run: async (_p, _c, job) => {
				runs.set(job.id, [...(runs.get(job.id) ?? []), name]);
				await new Promise((done) => setTimeout(done, 2));
			}
		});
		const [a, b] = await Promise.all([
			runner({ count: handler('a') }, undefined, 'a').runDue(),
			runner({ count: handler('b') }, undefined, 'b').runDue()
		]);
		expect(a + b).toBe(40);
		expect(runs.size).toBe(40);
		expect([...runs.values()].every((who) => who.length === 1)).toBe(true);
		if (t.driver === 'postgres') expect(a > 0 && b > 0).toBe(true);
	});

	it('enqueues a daily job once per Paris day, whatever the number of runners', async () => {
		const ran: string[] = [];
		const schedules = [{ kind: 'daily', at: '03:30', label: 'daily' }];
		const handlers = {
			daily: { run: async (p: Record<string, unknown>) => void ran.push(String(p.day)) }
		};
		const at = (iso: string) => () => new Date(iso);
		const runners = (iso: string) =>
			[1, 2, 3].map(
				(n) => new JobRunner(t.db, { handlers, schedules, now: at(iso), worker: `r${n}` })
			);
		// 03:00 in Paris (02:00 UTC in winter): not yet.
		await Promise.all(runners('2030-01-15T02:00:00Z').map((r) => r.runDue()));
		expect(ran).toEqual([]);
		await Promise.all(runners('2030-01-15T02:31:00Z').map((r) => r.runDue()));
		await Promise.all(runners('2030-01-15T20:00:00Z').map((r) => r.runDue()));
		expect(ran).toEqual(['2030-01-15']);
		// 00:30 in Paris on the 16th is before 03:30; 03:00 UTC on the 17th is 04:00 in Paris.
		await Promise.all(runners('2030-01-15T23:30:00Z').map((r) => r.runDue()));
		await Promise.all(runners('2030-01-17T03:00:00Z').map((r) => r.runDue()));
		expect(ran).toEqual(['2030-01-15', '2030-01-17']);
	});

	it('gives a job back, without counting the attempt, when its runner stops', async () => {
		const id = (await enqueue(t.db, { kind: 'long' }))!;
		const long = runner({
			long: {
				run: (_p, { signal }) =>
					new Promise((_done, fail) =>
						signal.addEventListener('abort', () => fail(new JobInterrupted()))
					)
			}
		});
		long.start();
		for (let i = 0; i < 200 && (await jobOf(id)).status !== 'running'; i++) {
			await new Promise((done) => setTimeout(done, 25));
		}
		await long.stop();
		expect(await jobOf(id)).toMatchObject({ status: 'pending', attempts: 0, lockedBy: null });
	});
});

describe('outbox', () => {
	let outbox: string;
	beforeAll(() => {
		outbox = mkdtempSync(join(tmpdir(), 'cashless-outbox-'));
		process.env.MAIL_OUTBOX_DIR = outbox;
	});
	afterAll(() => {
		delete process.env.MAIL_OUTBOX_DIR;
		rmSync(outbox, { recursive: true, force: true });
	});

	it('sends a queued e-mail with a text and an HTML part, then forgets its body', async () => {
		await queueMail(t.db, {
			kind: 'password_reset',
			to: 'li.wei@example.fr',
			locale: 'zh',
			subject: '无现金巴黎：重置密码',
			text: '您好：\n\n请打开 https://cashless.example.fr/zh/reset-password/abc <b>\n\n无现金巴黎'
		});
		const [queued] = await t.db.select().from(jobs);
		expect(queued.label).toBe('password_reset → l•••@example.fr');
		expect(await new JobRunner(t.db, { handlers: JOB_HANDLERS }).runDue()).toBe(1);
		const [file] = readdirSync(outbox);
		const sent = JSON.parse(readFileSync(join(outbox, file), 'utf8'));
		expect(sent).toMatchObject({ to: 'li.wei@example.fr', subject: '无现金巴黎：重置密码' });
		expect(sent.html).toContain('<html lang="zh-Hans">');
		expect(sent.html).toContain(
			'<a href="https://cashless.example.fr/zh/reset-password/abc" style="color:#1677ff;word-break:break-all">'
		);
		expect(sent.html).toContain('&#60;b&#62;');
		const [done] = await t.db.select().from(jobs);
		expect(done).toMatchObject({ status: 'done', payload: {} });
	});
});
