/**
 * How the place lists are written: a place that is one of the attractions takes its position
 * and Chinese name from attractions.ts; any other gives its own. See places.ts for the fields.
 */
import { ATTRACTIONS } from './attractions';
import type { Place, PlaceKind } from './places';

export type Names = Pick<Place, 'fr' | 'zhHant' | 'en' | 'aliases'> & {
	kind?: PlaceKind;
	zoom?: number;
};

/** A place that is one of the attractions: its position and Chinese name come from there. */
export function attraction(slug: string, names: Names): Place {
	const a = ATTRACTIONS.find((x) => x.slug === slug);
	if (!a) throw new Error(`unknown attraction ${slug}`);
	return {
		slug,
		kind: names.kind ?? a.kind,
		fr: names.fr,
		zhHans: a.nameZh.replace(/（.*）$/, ''),
		zhHant: names.zhHant,
		en: names.en,
		aliases: [a.nameFr, a.nameZh, ...names.aliases],
		lat: a.lat,
		lon: a.lon,
		zoom: names.zoom ?? 16,
		source: `https://www.openstreetmap.org/search?query=${encodeURIComponent(a.nameFr)}`
	};
}

/** A place that is not an attraction. */
export function place(
	slug: string,
	kind: PlaceKind,
	zhHans: string,
	[lat, lon]: [number, number],
	names: Names & { osm: string }
): Place {
	const { osm, ...rest } = names;
	return {
		slug,
		kind,
		zhHans,
		lat,
		lon,
		zoom: 16,
		...rest,
		source: `https://www.openstreetmap.org/search?query=${encodeURIComponent(osm)}`
	};
}
