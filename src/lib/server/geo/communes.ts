/**
 * Île-de-France communes (and Paris arrondissements) from @etalab/decoupage-administratif:
 * INSEE code, name, postal codes, population. Loaded once, on first use (the national file is
 * 8 MB, so it is read at run time rather than bundled).
 */
import { createRequire } from 'node:module';
import { departementOfCommune, type Departement } from '../../geo/idf';

export interface Commune {
	code: string;
	name: string;
	departement: Departement;
	postalCodes: string[];
	population: number;
	/** Paris as a whole is not a place for a shop: its arrondissements are. */
	kind: 'commune' | 'arrondissement';
}

interface RawCommune {
	code: string;
	nom: string;
	departement: string;
	type: string;
	codesPostaux?: string[];
	population?: number;
}

let cache: Map<string, Commune> | undefined;

/** Every commune of the region where a merchant can be, by INSEE code (Paris by arrondissement). */
export function idfCommunes(): Map<string, Commune> {
	if (cache) return cache;
	const require = createRequire(import.meta.url);
	const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
	const map = new Map<string, Commune>();
	for (const c of raw) {
		const departement = departementOfCommune(c.code);
		if (!departement || c.departement !== departement) continue;
		if (c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal') continue;
		if (c.code === '75056') continue;
		map.set(c.code, {
			code: c.code,
			name: c.nom,
			departement,
			postalCodes: c.codesPostaux ?? [],
			population: c.population ?? 0,
			kind: c.type === 'arrondissement-municipal' ? 'arrondissement' : 'commune'
		});
	}
	cache = map;
	return map;
}
