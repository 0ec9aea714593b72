/**
 * Privacy of the demand metrics (issue 15, "keep the probes" 5): a tourist's search, made through
 * the home page's load as the server runs it — with a client address, a session cookie and a
 * precise position — is stored as a day, a category, a ~5 km² H3 cell, a result count and how
 * many such searches, nothing else.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { cellToLatLng, getResolution } from 'h3-js';
import { closeDb, getDb } from '../db';
import { DEMAND_CELL_RESOLUTION, demandEvents } from '../db/schema';
import { load } from '../../../routes/+page.server';
import { searchCounts } from './search-counts';

const IP = '203.0.113.77';
const SESSION = 'sessiontokenofatouristzzzzzzzzz';
/** The Louvre's pyramid, to six decimals (about 10 cm). */
const NEAR = { lat: 48.861033, lon: 2.335788 };

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'demand-privacy-'));
	process.env.PGLITE_DIR = dir;
	process.env.DATABASE_URL = '';
});
afterAll(async () => {
	await closeDb();
	rmSync(dir, { recursive: true, force: true });
});

function homeEvent(query: string): RequestEvent {
	const url = new URL(`http://localhost/zh?${query}`);
	const request = new Request(url, {
		headers: { cookie: `session=${SESSION}`, 'x-forwarded-for': IP, 'user-agent': 'Tourist/1.0' }
	});
	return {
		url,
		request,
		params: {},
		route: { id: '/' },
		locals: { user: null, session: null, locale: 'zh' },
		getClientAddress: () => IP,
		setHeaders: () => {}
	} as unknown as RequestEvent;
}

describe('demand events', () => {
	it('hold a day, a category, a coarse cell and a count: no address, session or position', async () => {
		const near = `${NEAR.lat},${NEAR.lon}`;
		for (const query of [
			`q=%E8%8D%AF%E5%BA%97&near=${near}`,
			`cat=cosmetics_pharmacy&near=${near}`
		]) {
			await (load as unknown as (e: RequestEvent) => Promise<unknown>)(homeEvent(query));
		}
		const db = await getDb();
		// Counted in memory: nothing written until the counts are flushed.
		expect(await db.select().from(demandEvents)).toEqual([]);
		await searchCounts.flush(db);
		// The table's columns (no address, session, user or exact position) are checked in
		// listing-search.db.test.ts; here, what a real request leaves in them.
		const rows = await db.select().from(demandEvents);
		expect(rows.reduce((sum, r) => sum + r.searches, 0)).toBe(2);
		for (const row of rows) {
			const text = JSON.stringify(row);
			expect(text).not.toContain(IP);
			expect(text).not.toContain(SESSION);
			expect(text).not.toContain(String(NEAR.lat));
			expect(text).not.toContain(String(NEAR.lon));
			expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			// The cell, not the point: H3 resolution 7, whose centre is not where the tourist stood.
			expect(getResolution(row.areaCell!)).toBe(DEMAND_CELL_RESOLUTION);
			const [lat, lon] = cellToLatLng(row.areaCell!);
			expect(Math.abs(lat - NEAR.lat) + Math.abs(lon - NEAR.lon)).toBeGreaterThan(0.0001);
		}
	});
});
