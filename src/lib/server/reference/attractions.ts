/**
 * Reference data: the places Chinese visitors go in Île-de-France, around which the metrics
 * measure coverage (accepting merchants within 300 m and 1 km). Real places, not demo data:
 * every database has them, demo or not, because a migration loads them (see below).
 *
 * Source: compiled by hand for this project, not imported from a dataset. Positions are the
 * landmark's centre or main entrance, WGS84, 4 decimals (about 10 m), as shown on
 * OpenStreetMap (https://www.openstreetmap.org); names are the official French name and the
 * Chinese name in common use. Every position is inside IDF_BOUNDS (the table checks it).
 *
 * The `attractions` table is loaded from this list by migrations: to change the list, edit it,
 * then write a new migration with `npm run db:reference` (docs/architecture.md, "Reference
 * data"). A database test fails while the migrated table and this list differ.
 */
import type { AttractionKind } from '../../geo/idf';

export interface Attraction {
	/** Stable key (kebab-case ASCII): migrations update an attraction by it. */
	slug: string;
	nameFr: string;
	nameZh: string;
	kind: AttractionKind;
	lat: number;
	lon: number;
}

export const ATTRACTIONS: readonly Attraction[] = [
	{
		slug: 'musee-du-louvre',
		nameFr: 'Musée du Louvre',
		nameZh: '卢浮宫',
		kind: 'museum',
		lat: 48.8606,
		lon: 2.3376
	},
	{
		slug: 'tour-eiffel',
		nameFr: 'Tour Eiffel',
		nameZh: '埃菲尔铁塔',
		kind: 'monument',
		lat: 48.8584,
		lon: 2.2945
	},
	{
		slug: 'arc-de-triomphe',
		nameFr: 'Arc de Triomphe',
		nameZh: '凯旋门',
		kind: 'monument',
		lat: 48.8738,
		lon: 2.295
	},
	{
		slug: 'avenue-des-champs-elysees',
		nameFr: 'Avenue des Champs-Élysées',
		nameZh: '香榭丽舍大街',
		kind: 'shopping',
		lat: 48.8698,
		lon: 2.3078
	},
	{
		slug: 'galeries-lafayette-haussmann',
		nameFr: 'Galeries Lafayette Haussmann',
		nameZh: '老佛爷百货',
		kind: 'shopping',
		lat: 48.8736,
		lon: 2.332
	},
	{
		slug: 'printemps-haussmann',
		nameFr: 'Printemps Haussmann',
		nameZh: '巴黎春天百货',
		kind: 'shopping',
		lat: 48.874,
		lon: 2.3275
	},
	{
		slug: 'opera-garnier',
		nameFr: 'Opéra Garnier',
		nameZh: '巴黎歌剧院',
		kind: 'monument',
		lat: 48.872,
		lon: 2.3316
	},
	{
		slug: 'place-vendome',
		nameFr: 'Place Vendôme',
		nameZh: '旺多姆广场',
		kind: 'shopping',
		lat: 48.8675,
		lon: 2.3294
	},
	{
		slug: 'cathedrale-notre-dame',
		nameFr: 'Cathédrale Notre-Dame',
		nameZh: '巴黎圣母院',
		kind: 'monument',
		lat: 48.853,
		lon: 2.3499
	},
	{
		slug: 'la-samaritaine',
		nameFr: 'La Samaritaine',
		nameZh: '莎玛丽丹百货',
		kind: 'shopping',
		lat: 48.8588,
		lon: 2.3424
	},
	{
		slug: 'le-bon-marche',
		nameFr: 'Le Bon Marché',
		nameZh: '乐蓬马歇百货',
		kind: 'shopping',
		lat: 48.851,
		lon: 2.3245
	},
	{
		slug: 'musee-d-orsay',
		nameFr: "Musée d'Orsay",
		nameZh: '奥赛博物馆',
		kind: 'museum',
		lat: 48.86,
		lon: 2.3266
	},
	{
		slug: 'centre-pompidou',
		nameFr: 'Centre Pompidou',
		nameZh: '蓬皮杜艺术中心',
		kind: 'museum',
		lat: 48.8606,
		lon: 2.3522
	},
	{
		slug: 'le-marais',
		nameFr: 'Le Marais (place des Vosges)',
		nameZh: '玛黑区（孚日广场）',
		kind: 'district',
		lat: 48.8556,
		lon: 2.3655
	},
	{
		slug: 'saint-germain-des-pres',
		nameFr: 'Saint-Germain-des-Prés',
		nameZh: '圣日耳曼德佩',
		kind: 'district',
		lat: 48.854,
		lon: 2.3339
	},
	{
		slug: 'montmartre',
		nameFr: 'Montmartre (place du Tertre)',
		nameZh: '蒙马特高地',
		kind: 'district',
		lat: 48.8865,
		lon: 2.3408
	},
	{
		slug: 'basilique-du-sacre-coeur',
		nameFr: 'Basilique du Sacré-Cœur',
		nameZh: '圣心大教堂',
		kind: 'monument',
		lat: 48.8867,
		lon: 2.3431
	},
	{
		slug: 'place-de-la-concorde',
		nameFr: 'Place de la Concorde',
		nameZh: '协和广场',
		kind: 'monument',
		lat: 48.8656,
		lon: 2.3212
	},
	{
		slug: 'les-invalides',
		nameFr: 'Les Invalides',
		nameZh: '荣军院',
		kind: 'monument',
		lat: 48.855,
		lon: 2.3125
	},
	{
		slug: 'pantheon',
		nameFr: 'Panthéon',
		nameZh: '先贤祠',
		kind: 'monument',
		lat: 48.8462,
		lon: 2.3464
	},
	{
		slug: 'jardin-du-luxembourg',
		nameFr: 'Jardin du Luxembourg',
		nameZh: '卢森堡公园',
		kind: 'park',
		lat: 48.8462,
		lon: 2.3372
	},
	{
		slug: 'quartier-asiatique',
		nameFr: 'Quartier asiatique (avenue de Choisy)',
		nameZh: '巴黎十三区中国城',
		kind: 'district',
		lat: 48.826,
		lon: 2.362
	},
	{
		slug: 'la-defense',
		nameFr: 'La Défense',
		nameZh: '拉德芳斯',
		kind: 'business_district',
		lat: 48.8918,
		lon: 2.2362
	},
	{
		slug: 'stade-de-france',
		nameFr: 'Stade de France',
		nameZh: '法兰西体育场',
		kind: 'stadium',
		lat: 48.9245,
		lon: 2.3601
	},
	{
		slug: 'chateau-de-versailles',
		nameFr: 'Château de Versailles',
		nameZh: '凡尔赛宫',
		kind: 'monument',
		lat: 48.8049,
		lon: 2.1204
	},
	{
		slug: 'chateau-de-fontainebleau',
		nameFr: 'Château de Fontainebleau',
		nameZh: '枫丹白露宫',
		kind: 'monument',
		lat: 48.4022,
		lon: 2.6985
	},
	{
		slug: 'disneyland-paris',
		nameFr: 'Disneyland Paris',
		nameZh: '巴黎迪士尼乐园',
		kind: 'theme_park',
		lat: 48.8722,
		lon: 2.7758
	},
	{
		slug: 'la-vallee-village',
		nameFr: 'La Vallée Village',
		nameZh: '河谷购物村',
		kind: 'shopping',
		lat: 48.8546,
		lon: 2.7832
	},
	{
		slug: 'aeroport-paris-charles-de-gaulle',
		nameFr: 'Aéroport Paris-Charles-de-Gaulle',
		nameZh: '戴高乐机场',
		kind: 'airport',
		lat: 49.0097,
		lon: 2.5479
	},
	{
		slug: 'aeroport-paris-orly',
		nameFr: 'Aéroport de Paris-Orly',
		nameZh: '奥利机场',
		kind: 'airport',
		lat: 48.7262,
		lon: 2.3652
	}
];
