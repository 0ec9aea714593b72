/** The review queue's filters, in the URL. */
import * as v from 'valibot';
import { CATEGORIES, type Category } from '$lib/merchants/vocabulary';
import { DEPARTEMENTS, type Departement } from '$lib/geo/idf';
import { id, integer, param, parseQuery } from '../query';

export const QUEUE_PAGE_SIZE = 50;
export const AGE_CHOICES = [3, 7, 14, 30] as const;

/** `?kind&departement&category&source&age&import&page` */
const queueQuerySchema = v.object({
	kind: param(v.picklist(['all', 'application', 'revision']), 'all'),
	departement: param(v.picklist(DEPARTEMENTS), ''),
	category: param(v.picklist(CATEGORIES), ''),
	source: param(v.picklist(['self_registered', 'import']), ''),
	/** Waiting for at least this many days. */
	age: param(
		v.pipe(
			integer(1, 30),
			v.check((days) => (AGE_CHOICES as readonly number[]).includes(days))
		),
		0
	),
	import: param(id, null),
	page: param(integer(1, 100_000), 1)
});

export interface QueueFilters {
	kind: 'all' | 'application' | 'revision';
	departement: Departement | '';
	category: Category | '';
	source: 'self_registered' | 'import' | '';
	/** Waiting for at least this many days (0: any). */
	minAge: number;
	importId: number | null;
	page: number;
}

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
	const { age, import: importId, ...rest } = parseQuery(queueQuerySchema, params).values;
	return { ...rest, minAge: age, importId };
}

export function queueQuery(f: QueueFilters, page = f.page): string {
	const p = new URLSearchParams();
	if (f.kind !== 'all') p.set('kind', f.kind);
	if (f.departement) p.set('departement', f.departement);
	if (f.category) p.set('category', f.category);
	if (f.source) p.set('source', f.source);
	if (f.minAge) p.set('age', String(f.minAge));
	if (f.importId) p.set('import', String(f.importId));
	if (page > 1) p.set('page', String(page));
	const q = p.toString();
	return q ? `?${q}` : '';
}
