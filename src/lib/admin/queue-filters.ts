/** The review queue's filters, in the URL. */
import { CATEGORIES, type Category } from '$lib/merchants/vocabulary';
import { DEPARTEMENTS, type Departement } from '$lib/geo/idf';

export const QUEUE_PAGE_SIZE = 50;
export const AGE_CHOICES = [3, 7, 14, 30] as const;

export interface QueueFilters {
	kind: 'all' | 'application' | 'revision';
	departement: Departement | '';
	category: Category | '';
	source: 'self_registered' | 'import' | '';
	/** Waiting for at least this many days. */
	minAge: number;
	importId: number | null;
	page: number;
}

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
	const get = (name: string) => (params.get(name) ?? '').trim();
	const kind = get('kind');
	const departement = get('departement');
	const category = get('category');
	const source = get('source');
	const minAge = Number(get('age'));
	const importId = Number(get('import'));
	const page = Number(get('page'));
	return {
		kind: kind === 'application' || kind === 'revision' ? kind : 'all',
		departement: (DEPARTEMENTS as readonly string[]).includes(departement)
			? (departement as Departement)
			: '',
		category: (CATEGORIES as readonly string[]).includes(category) ? (category as Category) : '',
		source: source === 'self_registered' || source === 'import' ? source : '',
		minAge: (AGE_CHOICES as readonly number[]).includes(minAge) ? minAge : 0,
		importId: Number.isSafeInteger(importId) && importId > 0 ? importId : null,
		page: Number.isSafeInteger(page) && page > 0 ? page : 1
	};
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
