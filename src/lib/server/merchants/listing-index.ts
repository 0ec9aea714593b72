/**
 * The approved listings, held in memory as the tourist map, the list and the merchant pages
 * read them, so that a request costs what its viewport holds, not what the region holds:
 * - the listings in Morton (Z-order) order of their Web Mercator position, so that every map
 *   grid cell at every zoom is a run of consecutive listings (listing-map.ts);
 * - a static k-d tree of their positions (kdbush) for boxes and nearest listings;
 * - typed arrays of what the filters test (category, tax-free, Chinese staff, wallets) and of
 *   each listing's opening-hours value, compiled once per value and week (hours/compiled.ts).
 *
 * Consistency between processes: every change of a merchant row is logged by the database itself
 * (triggers on `merchants` write `listing_changes` in the same transaction; see schema-listings.ts).
 * Every VERSION_CHECK_MS at most, a request starts a check in the background: it reads the log
 * rows of the transactions not yet seen (the ids at or after the last check's snapshot horizon),
 * so an unchanged database costs one indexed query that reads no row, and a change costs its
 * own rows. The changed merchants are fetched again (approved and placed: in; anything else,
 * deleted included: out); the others, with their prepared search texts, are kept. A decision in
 * one process thus reaches the others within VERSION_CHECK_MS plus a reload; the process that
 * made it calls invalidateListings(), and its next requests wait for that reload.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { listingChanges, merchants } from '../db/schema';
import { describeError } from '../errors';
import { queryRows } from '../db/query';
import { prepareFields } from '../../search/score';
import {
	ListingColumns,
	ListingIndex,
	type IndexedListing,
	type ListingRow
} from './listing-store';

export {
	FLAG_CHINESE_STAFF,
	FLAG_REPORTED,
	FLAG_TAX_FREE,
	ListingIndex,
	MERCATOR_BITS,
	kindBits,
	mercator,
	paymentBits,
	type IndexedListing
} from './listing-store';
/**
 * Half the 5 s within which a decision must reach every process: the check (one indexed read of
 * the change log) plus a reload of the changed rows fit in what is left.
 */
export const VERSION_CHECK_MS = 2_500;
/**
 * What the index reads of a merchant. A column added here must be added to the update trigger's
 * comparison too (drizzle/0014_listing_changes.sql), or its changes outside the state machine
 * (which bumps `version`) would not reach the other processes.
 */
const listingColumns = {
	id: merchants.id,
	lat: merchants.latitude,
	lon: merchants.longitude,
	category: merchants.category,
	nameFr: merchants.tradeNameFr,
	nameZh: merchants.tradeNameZh,
	descriptionFr: merchants.descriptionFr,
	descriptionZh: merchants.descriptionZh,
	address: merchants.address,
	postalCode: merchants.postalCode,
	communeName: merchants.communeName,
	communeCode: merchants.communeCode,
	openingHours: merchants.openingHours,
	paymentMethods: merchants.paymentMethods,
	taxFree: merchants.taxFree,
	chineseStaff: merchants.chineseStaff,
	phone: merchants.phone,
	website: merchants.website,
	verifiedAt: merchants.verifiedAt,
	// Qualified by hand: in a subquery, an unqualified "id" would be the report's. Opening a
	// report touches the listing's row, resolving it goes through the state machine, so either
	// is in the change log.
	reported: sql<boolean>`EXISTS (SELECT 1 FROM listing_reports r WHERE r.merchant_id = "merchants"."id" AND r.resolved_at IS NULL)`
};

const publicRow = and(eq(merchants.status, 'approved'), sql`${merchants.latitude} IS NOT NULL`);

/**
 * One copy of each value of the columns that few values fill (communes, opening hours), shared
 * by every listing that has it, instead of one string per row as the driver gives them: the
 * values are few (hundreds), the listings 100,000.
 */
const sharedStrings = new Map<string, string>();
function sharedString<T extends string | null>(value: T): T {
	if (value === null) return value;
	const found = sharedStrings.get(value);
	if (found !== undefined) return found as T;
	sharedStrings.set(value, value);
	return value;
}

/**
 * The approved and placed listings with these ids, or (ids null) the next `FETCH_CHUNK` of them
 * by id after `after`: a full load reads them in parts, so that the driver's rows of only one
 * part are in memory at a time.
 */
async function fetchListings(db: Executor, ids: number[] | null, after = 0): Promise<ListingRow[]> {
	const rows = ids
		? await db
				.select(listingColumns)
				.from(merchants)
				.where(and(publicRow, inArray(merchants.id, ids)))
		: await db
				.select(listingColumns)
				.from(merchants)
				.where(and(publicRow, gt(merchants.id, after)))
				.orderBy(merchants.id)
				.limit(FETCH_CHUNK);
	return rows.map((r) => ({
		...r,
		category: sharedString(r.category),
		postalCode: sharedString(r.postalCode),
		communeName: sharedString(r.communeName),
		communeCode: sharedString(r.communeCode),
		openingHours: sharedString(r.openingHours),
		lat: r.lat!,
		lon: r.lon!,
		search: prepareFields({
			nameFr: r.nameFr,
			nameZh: r.nameZh,
			address: r.address,
			commune: `${r.postalCode ?? ''} ${r.communeName ?? ''}`
		}),
		reported: Boolean(r.reported)
	}));
}

/** Rows read at once (a full load reads parts of this many). */
const FETCH_CHUNK = 5_000;
/** The change log's rows are kept this long (housekeeping removes older ones). */
export const LISTING_CHANGES_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A process that has not read the log for this long reads every listing again. */
const RESYNC_AFTER_MS = LISTING_CHANGES_RETENTION_MS / 4;

/**
 * The horizon of this statement's snapshot: every transaction with a lower id has ended (and is
 * seen by any later statement), so the next read of the log starts there.
 */
const HORIZON = sql<string>`pg_snapshot_xmin(pg_current_snapshot())::text`;

/**
 * The merchants changed by the transactions at or after `since`, each with the newest such
 * transaction, and the next horizon; merchant 0 means the table was emptied. Reads only the log's
 * newest rows (index on xid): with no change since the last check, none.
 */
async function changesSince(
	db: Executor,
	since: bigint
): Promise<{ changes: Map<number, bigint>; horizon: bigint }> {
	const rows = await queryRows<{ horizon: string; merchant_id: number | null; xid: string | null }>(
		db,
		sql`SELECT ${HORIZON} AS horizon, c.merchant_id, c.xid::text AS xid
			FROM (SELECT 1) AS one
			LEFT JOIN (
				SELECT merchant_id, max(${listingChanges.xid}) AS xid FROM ${listingChanges}
				WHERE ${listingChanges.xid} >= ${since.toString()}::bigint GROUP BY merchant_id
			) c ON true`
	);
	const changes = new Map<number, bigint>();
	for (const r of rows)
		if (r.merchant_id !== null) changes.set(Number(r.merchant_id), BigInt(r.xid!));
	return { horizon: BigInt(rows[0].horizon), changes };
}

async function horizonNow(db: Executor): Promise<bigint> {
	const [row] = await queryRows<{ horizon: string }>(db, sql`SELECT ${HORIZON} AS horizon`);
	return BigInt(row.horizon);
}

/** What an index was built from: the log's horizon, and when the log was last read. */
interface Synced {
	index: ListingIndex;
	horizon: bigint;
	/**
	 * The newest logged transaction already applied, by merchant, for the transactions at or
	 * after the horizon: while an older transaction is still open, the horizon stays behind it
	 * and the log's rows after it are read again at each check, but not fetched again.
	 */
	applied: Map<number, bigint>;
	/** Clock time of the last read of the log (a check). */
	checkedAt: number;
}

/** Every approved listing: the first load, or after the log could not say what changed. */
async function fullLoad(db: Executor, checkedAt: number): Promise<Synced> {
	// The horizon first: what commits after it is read again at the next check.
	const horizon = await horizonNow(db);
	const parts: ListingColumns[] = [];
	for (let after = 0; ;) {
		const rows = await fetchListings(db, null, after);
		if (rows.length) parts.push(ListingColumns.fromRows(rows));
		if (rows.length < FETCH_CHUNK) break;
		after = rows[rows.length - 1].id;
	}
	const index = ListingIndex.of(parts, horizon.toString());
	return { index, horizon, applied: new Map(), checkedAt };
}

/**
 * The index after the changes logged since `previous`: the changed merchants' rows are fetched
 * again (an approved and placed one enters or is replaced, any other leaves), the others are
 * kept with their prepared search texts. The same index when nothing changed.
 */
async function applyChanges(db: Executor, previous: Synced, checkedAt: number): Promise<Synced> {
	if (checkedAt - previous.checkedAt > RESYNC_AFTER_MS) return fullLoad(db, checkedAt);
	const { changes, horizon } = await changesSince(db, previous.horizon);
	if (changes.has(0)) return fullLoad(db, checkedAt);
	const ids: number[] = [];
	const applied = new Map<number, bigint>();
	for (const [id, xid] of previous.applied) if (xid >= horizon) applied.set(id, xid);
	for (const [id, xid] of changes) {
		if (xid > (previous.applied.get(id) ?? -1n)) ids.push(id);
		if (xid >= horizon) applied.set(id, xid);
	}
	if (ids.length === 0) return { ...previous, horizon, applied, checkedAt };
	const fresh: ListingRow[] = [];
	for (let i = 0; i < ids.length; i += FETCH_CHUNK) {
		fresh.push(...(await fetchListings(db, ids.slice(i, i + FETCH_CHUNK))));
	}
	const index = previous.index.withChanges(new Set(ids), fresh, horizon.toString());
	return { index, horizon, applied, checkedAt };
}

/**
 * The in-memory index of approved listings of one database, following its change log.
 * A server has one (below); tests make others to play several processes.
 *
 * Requests never wait for a reload: while one runs (one at a time), they are answered from the
 * previous index. Only a process's first load is waited for, and, after invalidate() (a decision
 * made by this process), the next check, so the person who decided sees it at once: the reload
 * then reads only the changed rows.
 */
export class ListingCache {
	private current: (Synced & { generation: number }) | undefined;
	private reloading: Promise<Synced> | undefined;
	/** Counts invalidate() calls: an index older than the last one is not served. */
	private wanted = 0;

	/** `clock`: milliseconds now (tests move it on instead of waiting). */
	constructor(private readonly clock: () => number = Date.now) {}

	async index(db: Executor): Promise<ListingIndex> {
		const current = this.current;
		if (!current || current.generation < this.wanted) return (await this.upTo(db)).index;
		if (this.clock() - current.checkedAt >= VERSION_CHECK_MS && !this.reloading) {
			this.reload(db).catch((error: unknown) =>
				console.error(
					`[listings] check failed, the previous index is served: ${describeError(error)}`
				)
			);
		}
		return current.index;
	}

	/** The index once the check under way (if any) is over: for tests and benchmarks. */
	async settled(db: Executor): Promise<ListingIndex> {
		await this.reloading?.catch(() => {});
		return this.index(db);
	}

	/** An index that includes every invalidate() made so far, waiting for a check if needed. */
	private async upTo(db: Executor): Promise<Synced> {
		const generation = this.wanted;
		for (;;) {
			const current = this.current;
			if (current && current.generation >= generation) return current;
			if (!this.reloading) return this.reload(db);
			await this.reloading.catch(() => {});
		}
	}

	/** A check (and reload): one at a time. */
	private reload(db: Executor): Promise<Synced> {
		const reloading: Promise<Synced> = this.check(db).finally(() => {
			if (this.reloading === reloading) this.reloading = undefined;
		});
		this.reloading = reloading;
		return reloading;
	}

	private async check(db: Executor): Promise<Synced> {
		const generation = this.wanted;
		const checkedAt = this.clock();
		const next = this.current
			? await applyChanges(db, this.current, checkedAt)
			: await fullLoad(db, checkedAt);
		this.current = { ...next, generation };
		return next;
	}

	/** The next requests wait for a check (after a decision in this process). */
	invalidate(): void {
		this.wanted++;
	}
}

const shared = new ListingCache();

/** This process's index of approved listings. */
export function listingIndex(db: Executor): Promise<ListingIndex> {
	return shared.index(db);
}

/** Call after a listing was approved, changed or removed, so the next request checks. */
export function invalidateListings(): void {
	shared.invalidate();
}

/** Every approved listing as an object (made for the call: for tests and tools, not requests). */
export async function approvedListings(db: Executor): Promise<IndexedListing[]> {
	return (await listingIndex(db)).all();
}
