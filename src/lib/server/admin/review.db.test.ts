import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { merchantRevisions, merchants, users, type NewMerchant } from '../db/schema';
import { parseSelection, reviewDetail, reviewQueue } from './review';
import { parseQueueFilters } from '../../admin/queue-filters';
import { approve } from '../applications/workflow';
import { makeSiret } from '../../merchants/siret';

let t: TestDatabase;
let official: { id: string; role: 'official' };
const now = new Date('2026-11-28T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const ids: Record<string, number> = {};
const q = (query: string) => reviewQueue(t.db, parseQueueFilters(new URLSearchParams(query)), now);

const shop = (name: string, over: Partial<NewMerchant>): NewMerchant => ({
	legalName: `SAS ${name}`,
	tradeNameFr: name,
	category: 'souvenirs',
	siret: makeSiret(30_000_000 + Object.keys(ids).length),
	address: '1 rue de Rivoli',
	postalCode: '75001',
	communeCode: '75101',
	communeName: 'Paris 1er',
	departement: '75',
	latitude: 48.86,
	longitude: 2.34,
	openingHours: 'Mo-Sa 10:00-19:00',
	paymentMethods: ['alipay'],
	consentToPublish: true,
	...over
});

beforeAll(async () => {
	t = await openTestDatabase();
	const [u] = await t.db
		.insert(users)
		.values({ email: 'rev@region.fr', role: 'official' })
		.returning({ id: users.id });
	official = { id: u.id, role: 'official' };
	const add = async (name: string, over: Partial<NewMerchant>) => {
		const [r] = await t.db
			.insert(merchants)
			.values(shop(name, over))
			.returning({ id: merchants.id });
		ids[name] = r.id;
	};
	await add('Ancien', { status: 'pending', submittedAt: daysAgo(40) });
	await add('Récent', { status: 'pending', submittedAt: daysAgo(1), category: 'hotel' });
	await add('Boulogne', {
		status: 'pending',
		submittedAt: daysAgo(10),
		source: 'import',
		postalCode: '92100',
		communeCode: '92012',
		departement: '92'
	});
	await add('Publié', {
		status: 'approved',
		openingHours: null, // the revision adds them
		acceptedSince: daysAgo(100),
		verifiedAt: daysAgo(100),
		submittedAt: daysAgo(101)
	});
	await add('Brouillon', { status: 'draft' });
	await t.db.insert(merchantRevisions).values({
		merchantId: ids['Publié'],
		changes: { tradeNameFr: 'Publié et renommé', openingHours: 'Mo-Su 10:00-20:00' },
		status: 'pending',
		submittedAt: daysAgo(20)
	});
});
afterAll(() => t?.close());

describe('review queue', () => {
	it('lists pending applications and revisions, oldest first', async () => {
		const all = await q('');
		expect(all.total).toBe(4);
		expect(all.rows.map((r) => `${r.kind}:${r.tradeNameFr}`)).toEqual([
			'application:Ancien',
			'revision:Publié',
			'application:Boulogne',
			'application:Récent'
		]);
	});

	it('filters by kind, département, category, source and age', async () => {
		expect((await q('kind=revision')).rows.map((r) => r.tradeNameFr)).toEqual(['Publié']);
		expect((await q('departement=92')).rows.map((r) => r.tradeNameFr)).toEqual(['Boulogne']);
		expect((await q('category=hotel')).rows.map((r) => r.tradeNameFr)).toEqual(['Récent']);
		expect((await q('source=import')).rows.map((r) => r.tradeNameFr)).toEqual(['Boulogne']);
		expect((await q('age=14')).rows.map((r) => r.tradeNameFr)).toEqual(['Ancien', 'Publié']);
	});

	it('shows a revision as a field-by-field diff against the public listing', async () => {
		const detail = await reviewDetail(t.db, ids['Publié']);
		expect(detail!.revision!.diff).toEqual([
			{ field: 'tradeNameFr', before: 'Publié', after: 'Publié et renommé' },
			{ field: 'openingHours', before: null, after: 'Mo-Su 10:00-20:00' }
		]);
		expect(await reviewDetail(t.db, 999_999)).toBeNull();
	});

	it('a decided application leaves the queue; a stale bulk selection is refused', async () => {
		const [row] = (await q('departement=92')).rows;
		const selection = parseSelection([`${row.merchantId}:${row.version}`, 'junk', '1:x']);
		expect(selection).toEqual([{ merchantId: row.merchantId, expectedVersion: row.version }]);
		expect((await approve(t.db, official, selection[0])).ok).toBe(true);
		expect((await q('')).total).toBe(3);
		// The same decision again, with the version seen before: someone decided meanwhile.
		expect(await approve(t.db, official, selection[0])).toMatchObject({
			ok: false,
			reason: 'stale'
		});
	});
});
