/**
 * The wizard's pages and posts answer with results (the routes turn them into HTTP): a page,
 * a refusal beside the fields, a path to go to, or not found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../db/testing';
import { merchants } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { makeSiret } from '../../merchants/siret';
import { wizardAction, wizardPage } from './wizard';
import { createAccounts } from './testing';

let t: TestDatabase;
let owner: SessionUser;
let other: SessionUser;

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
};
const shop = (siret: string) => ({
	legalName: 'SAS Thé du Marais',
	siret,
	tradeNameFr: 'Thé du Marais',
	category: 'food_wine'
});

beforeAll(async () => {
	t = await openTestDatabase();
	[owner, other] = await createAccounts(t.db, [
		{ email: 'owner@shop.test', role: 'merchant' },
		{ email: 'other@shop.test', role: 'merchant' }
	]);
});
afterAll(() => t?.close());

describe('wizard results', () => {
	let id: number;

	it('saves the first step of a new shop and goes to the next step', async () => {
		const blank = await wizardPage(t.db, owner, null, 'shop');
		expect(blank).toMatchObject({ type: 'page', page: { merchantId: null, status: 'draft' } });
		const result = await wizardAction(t.db, owner, null, 'shop', form(shop(makeSiret(61_000_001))));
		expect(result.type).toBe('go');
		const path = result.type === 'go' ? result.path : '';
		const match = /^\/merchant\/shops\/(\d+)\/address$/.exec(path);
		expect(match, path).not.toBeNull();
		id = Number(match![1]);
		expect(await wizardPage(t.db, owner, id, 'address')).toMatchObject({
			type: 'page',
			page: { merchantId: id, step: 'address' }
		});
	});

	it('refuses a step with errors beside the fields and everything typed', async () => {
		const typed = { ...shop(''), siret: '123' };
		const result = await wizardAction(t.db, owner, id, 'shop', form(typed));
		expect(result).toMatchObject({
			type: 'refused',
			refusal: { step: 'shop', values: { siret: '123' }, stepsWithErrors: ['shop'] }
		});
		expect(result.type === 'refused' && result.refusal.errors.siret).toBeTruthy();
	});

	it('goes back, or to the dashboard for a draft', async () => {
		const data = form({ intent: 'back' });
		expect(await wizardAction(t.db, owner, id, 'address', data)).toEqual({
			type: 'go',
			path: `/merchant/shops/${id}/shop`
		});
		expect(await wizardAction(t.db, owner, id, 'address', form({ intent: 'draft' }))).toEqual({
			type: 'go',
			path: '/merchant?done=saved'
		});
	});

	it('answers not found for another merchant’s listing, an unknown one, or a later step of none', async () => {
		expect(await wizardPage(t.db, other, id, 'shop')).toEqual({ type: 'not_found' });
		expect(await wizardPage(t.db, owner, 2_147_483_647, 'shop')).toEqual({ type: 'not_found' });
		expect(await wizardAction(t.db, other, id, 'shop', form(shop('')))).toEqual({
			type: 'not_found'
		});
		expect(await wizardAction(t.db, owner, null, 'address', form({}))).toEqual({
			type: 'not_found'
		});
	});

	it('sends a rejected or suspended listing back to the dashboard', async () => {
		await t.db.update(merchants).set({ status: 'suspended' }).where(eq(merchants.id, id));
		expect(await wizardPage(t.db, owner, id, 'shop')).toEqual({ type: 'go', path: '/merchant' });
	});
});
