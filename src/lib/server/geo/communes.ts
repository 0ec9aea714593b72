/**
 * Île-de-France communes (and Paris arrondissements) from @etalab/decoupage-administratif:
 * INSEE code, name, postal codes, population. Loaded once, on first use (the national file is
 * 8 MB, so it is read at run time rather than bundled). Their centres, which that package does
 * not carry, come from the reference list in ../reference/commune-centres.ts.
 */
import { createRequire } from 'node:module';
import { departementOfCommune, type Departement } from '../../geo/idf';
import { COMMUNE_CENTRES } from '../reference/commune-centres';

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

let byPostalCode: Map<string, Commune[]> | undefined;

/**
 * The communes (Paris: arrondissements) a postal code serves, largest first; [] when the code
 * serves none in Île-de-France. Several communes often share one code outside Paris.
 */
export function communesByPostalCode(postalCode: string): Commune[] {
	if (!byPostalCode) {
		const map = new Map<string, Commune[]>();
		for (const c of idfCommunes().values())
			for (const pc of c.postalCodes) map.set(pc, [...(map.get(pc) ?? []), c]);
		for (const list of map.values()) list.sort((a, b) => b.population - a.population);
		byPostalCode = map;
	}
	return byPostalCode.get(postalCode.trim()) ?? [];
}

/**
 * Approximate centre (town hall area) of a commune, as WGS84 [lat, lon], when known: the
 * arrondissements and the communes where visitors shop. null for the others.
 */
export function communeCentre(code: string): { lat: number; lon: number } | null {
	const centre = COMMUNE_CENTRES[code];
	return centre ? { lat: centre[0], lon: centre[1] } : null;
}
