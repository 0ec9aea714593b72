/**
 * The daily freshness job on several app processes: it runs longer than its lease with many
 * listings due (100,000 merchants), so it renews the lease after each listing, and another
 * process's runner never takes it over while it works (before, both ran it at once).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../db/testing';
import { jobs, merchants, users } from '../db/schema';
import { makeSiret } from '../../merchants/siret';
import { enqueue } from './queue';
import { JobRunner, type JobHandler } from './runner';
import { freshnessJob } from './freshness';

const t = await testDatabase();

const LEASE_MS = 60_000;
const DUE = 6;

describe('freshness job across processes', () => {
	it('keeps its lease listing after listing: a second runner never takes it over', async () => {
		const [owner] = await t.db
			.insert(users)
			.values({ email: 'lease-owner@shop.test', role: 'merchant', locale: 'fr' })
			.returning();
		const verified = new Date(Date.now() - 400 * 24 * 3600 * 1000);
		await t.db.insert(merchants).values(
			Array.from({ length: DUE }, (_, i) => ({
				ownerId: owner.id,
				legalName: `SAS Bail ${i}`,
				tradeNameFr: `Bail ${i}`,
				category: 'food_wine' as const,
				siret: makeSiret(73_000_000 + i),
				address: '3 rue Vieille-du-Temple',
				postalCode: '75004',
				communeCode: '75104',
				communeName: 'Paris 4e Arrondissement',
				departement: '75' as const,
				latitude: 48.857,
				longitude: 2.358,
				paymentMethods: ['alipay' as const],
				status: 'approved' as const,
				acceptedSince: verified,
				verifiedAt: verified
			}))
		);
		const id = (await enqueue(t.db, { kind: 'freshness', key: 'freshness@lease-test' }))!;

		// Both runners read one clock; each listing the first works on takes 40 s of it, so the
		// whole job takes longer than its 60 s lease.
		let clock = Date.now();
		const now = () => new Date(clock);
		let runByB = 0;
		const second = new JobRunner(t.db, {
			handlers: {
				freshness: { run: async () => void runByB++ },
				mail: { run: async () => {} }
			},
			leaseMs: LEASE_MS,
			now,
			worker: 'b'
		});
		const holders: (string | null)[] = [];
		const first: JobHandler = {
			run: (payload, context, job) =>
				freshnessJob.run(
					payload,
					{
						...context,
						heartbeat: async (progressed) => {
							clock += 40_000;
							await context.heartbeat(progressed);
							// Meanwhile, the other process's runner looks for work.
							while (await second.runOne());
							const [row] = await t.db.select().from(jobs).where(eq(jobs.id, id));
							holders.push(row.lockedBy);
						}
					},
					job
				)
		};
		const runner = new JobRunner(t.db, {
			handlers: { freshness: first },
			leaseMs: LEASE_MS,
			now,
			worker: 'a'
		});
		expect(await runner.runOne()).toBe(true);

		expect(holders.length).toBeGreaterThanOrEqual(DUE);
		expect(new Set(holders)).toEqual(new Set(['a']));
		expect(runByB).toBe(0);
		const [done] = await t.db.select().from(jobs).where(eq(jobs.id, id));
		expect(done).toMatchObject({ status: 'done', attempts: 1 });
		const asked = await t.db.select({ remindedAt: merchants.remindedAt }).from(merchants);
		expect(asked.every((m) => m.remindedAt !== null)).toBe(true);
	});
});
