/** Readable merchant URLs: /{lang}/merchants/{id}-{slug}; the id alone decides which merchant. */
import { parseId } from '../id';

export function merchantSlug(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/œ/gi, 'oe')
		.replace(/æ/gi, 'ae')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'commerce';
}

/** The path of a merchant's page, without the locale prefix. */
export function merchantPath(id: number, name: string): string {
	return `/merchants/${id}-${merchantSlug(name)}`;
}

/** The id in a `{id}-{slug}` (or bare `{id}`) path segment, or null. */
export function merchantIdFromParam(param: string): number | null {
	const match = /^([^-]*)(?:-[a-z0-9-]*)?$/.exec(param);
	return match ? parseId(match[1]) : null;
}
