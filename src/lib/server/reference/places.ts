/**
 * Reference data: the places tourists search for (landmarks, department stores, airports,
 * stations, neighbourhoods, the twenty arrondissements), so that a query naming one lists the
 * merchants around it. Real places, not demo data; kept in code, not in the database, because
 * only the search reads them.
 *
 * Names: French (with its article, as in "Près du Louvre"), simplified and traditional Chinese,
 * English, and the aliases Chinese visitors type (老佛爷, 春天, 北站, 中国城 …). The pinyin of
 * every Chinese name and alias is derived by the search index (src/lib/search/places.ts) with
 * pinyin-pro, and traditional spellings typed by visitors are folded with OpenCC, so neither is
 * written out here.
 *
 * Sources: names and positions of the attractions come from attractions.ts (the metrics'
 * reference list); the others from the project's glossary (docs: /work/shared/design/glossary.md,
 * "More places tourists search for" and the arrondissements' town halls) or were added from
 * OpenStreetMap. Each place's `source` is the OpenStreetMap search where its position can be
 * checked. Positions are WGS84 with 4 decimals (about 10 m), inside IDF_BOUNDS (a test checks).
 */
import type { AttractionKind } from '../../geo/idf';
import { PlaceIndex } from '../../search/places';
import type { PlaceCard } from '../../merchants/cards';
import { ATTRACTION_PLACES } from './places-attractions';
import { LANDMARKS } from './places-landmarks';
import { ARRONDISSEMENTS, NEIGHBOURHOODS, TRANSPORT } from './places-areas';

export type PlaceKind =
	AttractionKind | 'department_store' | 'station' | 'neighbourhood' | 'arrondissement';

export interface Place {
	/** Stable key (kebab-case ASCII), used in URLs and tests. */
	slug: string;
	kind: PlaceKind;
	/** French name as used after "près de", with its article ('le Louvre', 'la tour Eiffel'). */
	fr: string;
	zhHans: string;
	zhHant: string;
	en: string;
	/** Other names visitors type, in any language or script. */
	aliases: readonly string[];
	lat: number;
	lon: number;
	/** Map zoom that shows the place with the shops around it. */
	zoom: number;
	/** Where the name and position can be checked. */
	source: string;
}

export const PLACES: readonly Place[] = [
	...ATTRACTION_PLACES,
	...LANDMARKS,
	...TRANSPORT,
	...NEIGHBOURHOODS,
	...ARRONDISSEMENTS
];

/** Every name of a place, for the search index. */
export function placeNames(p: Place): string[] {
	return [p.zhHans, p.zhHant, p.fr, p.en, ...p.aliases];
}

/** The search index over PLACES, built once per process. */
export const placeIndex = new PlaceIndex(PLACES.map((p) => ({ ...p, names: placeNames(p) })));

/** The place as an answer tells it to the browser. */
export function placeCard(p: Place): PlaceCard {
	const { slug, fr, zhHans, zhHant, en, lat, lon, zoom } = p;
	return { slug, fr, zhHans, zhHant, en, lat, lon, zoom };
}
