/**
 * Listings from acquirers' files (see workflow.ts). An import creates them pending (source
 * 'import', consent given by the acquirer's contract) for a reviewer to approve; importing the
 * same SIRET again updates the fields the file changes, on an imported listing only (one its
 * merchant registered is never overwritten: skipped). Every write happens on locked rows, bumps
 * their version and records an audit row, in the import batch's transaction.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { merchants, type Merchant } from '../db/schema';
import { recordAudits, type AuditRecord } from '../audit/record';
import { LISTING_FIELD_NAMES, fieldSpec, type ApplicationValues } from '../../applications/fields';

/**
 * What an import writes to a merchant row: every field but the consent (an imported listing is
 * created with it). Opening hours may be missing; the acquirer is the one who sent the file.
 */
export type ImportValues = Omit<
	ApplicationValues,
	'consentToPublish' | 'openingHours' | 'acquirer'
> & { openingHours: string | null; acquirer: string };
export const IMPORTED_FIELDS = LISTING_FIELD_NAMES.filter(
	(f): f is keyof ImportValues => fieldSpec(f).kind !== 'consent'
);

/** The columns an import compares and writes (every imported field but the SIRET, its key). */
const COMPARED = IMPORTED_FIELDS.filter(
	(f): f is Exclude<(typeof IMPORTED_FIELDS)[number], 'siret'> => f !== 'siret'
);

export type ImportedListing = Pick<Merchant, 'id' | 'siret' | 'source' | 'status' | 'version'> &
	Pick<Merchant, (typeof COMPARED)[number]>;

/** One checked row of a file: its values, and whether its position is the commune's centre. */
export interface ImportRow {
	siret: string;
	values: ImportValues;
	geocoded: boolean;
}

const LOOKUP_CHUNK = 1000;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields of an imported merchant that the row would change. A position the file does not
 * give (the commune centre was used) never replaces one the listing already has.
 */
export function changedColumns(
	existing: ImportedListing,
	row: ImportValues,
	geocoded: boolean
): string[] {
	return COMPARED.filter((c) => {
		if (geocoded && (c === 'latitude' || c === 'longitude') && existing[c] !== null) return false;
		return !same(existing[c], row[c]);
	});
}

/** The listings that have these SIRETs, by SIRET; locked for the transaction with `lock`. */
export async function listingsBySiret(db: Executor, sirets: string[], lock = false) {
	const found = new Map<string, ImportedListing>();
	for (let i = 0; i < sirets.length; i += LOOKUP_CHUNK) {
		const query = db
			.select()
			.from(merchants)
			.where(inArray(merchants.siret, sirets.slice(i, i + LOOKUP_CHUNK)));
		const rows: ImportedListing[] = await (lock ? query.for('update') : query);
		for (const r of rows) found.set(r.siret!, r);
	}
	return found;
}

/**
 * Writes one batch of an import's rows, compared with the database as it is now (rows locked):
 * new SIRETs created pending, imported listings updated where the file changes them, others
 * counted. `actorId`: who started the import. Call it in the batch's transaction.
 */
export async function importListings(
	tx: Executor,
	actorId: string,
	importId: number,
	batch: readonly ImportRow[],
	now: Date = new Date()
) {
	const counts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
	const existing = await listingsBySiret(
		tx,
		batch.map((r) => r.siret),
		true
	);
	const audits: AuditRecord[] = [];
	const fresh: ImportRow[] = [];
	for (const row of batch) {
		const found = existing.get(row.siret);
		if (!found) {
			fresh.push(row);
			continue;
		}
		if (found.source !== 'import') {
			counts.skipped++;
			continue;
		}
		const changed = changedColumns(found, row.values, row.geocoded);
		if (changed.length === 0) {
			counts.unchanged++;
			continue;
		}
		const set = Object.fromEntries(changed.map((c) => [c, row.values[c as keyof ImportValues]]));
		await tx
			.update(merchants)
			.set({ ...set, importId, updatedAt: now, version: found.version + 1 })
			.where(eq(merchants.id, found.id));
		audits.push({
			actorId,
			action: 'import_update',
			merchantId: found.id,
			before: Object.fromEntries(changed.map((c) => [c, found[c as (typeof COMPARED)[number]]])),
			after: { ...set, importId },
			at: now
		});
		counts.updated++;
	}
	if (fresh.length) {
		const inserted = await tx
			.insert(merchants)
			.values(
				fresh.map((r) => ({
					...r.values,
					source: 'import' as const,
					importId,
					status: 'pending' as const,
					consentToPublish: true,
					submittedAt: now,
					createdAt: now,
					updatedAt: now
				}))
			)
			// Another import of the same SIRET at the same moment: the first one keeps it.
			.onConflictDoNothing({ target: merchants.siret })
			.returning({ id: merchants.id, siret: merchants.siret });
		counts.created += inserted.length;
		counts.unchanged += fresh.length - inserted.length;
		for (const m of inserted) {
			audits.push({
				actorId,
				action: 'import_create',
				merchantId: m.id,
				toStatus: 'pending',
				after: { importId, siret: m.siret },
				at: now
			});
		}
	}
	await recordAudits(tx, audits);
	return counts;
}
