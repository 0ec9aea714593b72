/**
 * Reference data for the deterministic demo seed of cashless-paris: real places of Île-de-France
 * (attractions, tourist hotspots, commune centres, street names) plus vocabularies used to invent
 * plausible bilingual shop names. Pure data, no I/O; every coordinate is WGS84 inside IDF_BOUNDS.
 * Names and coordinates are approximate and written by hand; merchants built from them are fictional.
 */

/** Listing category keys (same values as CATEGORIES in $lib/merchants/vocabulary). */
export type CategoryKey =
	| 'department_store'
	| 'luxury_fashion'
	| 'cosmetics_pharmacy'
	| 'food_wine'
	| 'restaurant_cafe'
	| 'hotel'
	| 'museum_attraction'
	| 'kids_baby'
	| 'electronics'
	| 'souvenirs'
	| 'services';

/** Kind of attraction (same values as ATTRACTION_KINDS in $lib/geo/idf). */
export type AttractionKind =
	| 'museum'
	| 'monument'
	| 'shopping'
	| 'district'
	| 'park'
	| 'theme_park'
	| 'airport'
	| 'stadium'
	| 'business_district';

/** ~30 real attractions: all 30 rows of the glossary table, exact names and coordinates from it. slug is kebab-case ascii. */
export const ATTRACTIONS: {
	slug: string;
	nameFr: string;
	nameZh: string;
	kind: AttractionKind;
	lat: number;
	lon: number;
}[] = [
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

/** Tourist hotspots where demo merchants are denser: centre, jitter radius, INSEE commune, streets and category mix. */
export const HOTSPOTS: {
	slug: string;
	nameFr: string;
	lat: number;
	lon: number;
	radiusM: number;
	communeCode: string;
	weight: number;
	streets: string[];
	categories: Partial<Record<CategoryKey, number>>;
}[] = [
	{
		slug: 'louvre',
		nameFr: 'Louvre – Rivoli',
		lat: 48.8628,
		lon: 2.3365,
		radiusM: 600,
		communeCode: '75101',
		weight: 12,
		streets: [
			'rue de Rivoli',
			'rue Saint-Honoré',
			"avenue de l'Opéra",
			'rue du Louvre',
			'place du Palais-Royal',
			'rue des Pyramides',
			'rue de Richelieu'
		],
		categories: {
			luxury_fashion: 3,
			cosmetics_pharmacy: 3,
			restaurant_cafe: 4,
			souvenirs: 4,
			hotel: 3,
			food_wine: 2,
			museum_attraction: 2,
			department_store: 1,
			services: 1
		}
	},
	{
		slug: 'opera-grands-magasins',
		nameFr: 'Opéra – Grands Magasins',
		lat: 48.8733,
		lon: 2.3305,
		radiusM: 500,
		communeCode: '75109',
		weight: 20,
		streets: [
			'boulevard Haussmann',
			"rue de la Chaussée-d'Antin",
			'rue Auber',
			'rue Scribe',
			'boulevard des Capucines',
			'rue Halévy',
			'rue du Havre',
			'rue de Provence'
		],
		categories: {
			department_store: 6,
			luxury_fashion: 5,
			cosmetics_pharmacy: 5,
			restaurant_cafe: 3,
			hotel: 3,
			food_wine: 2,
			souvenirs: 2,
			services: 2,
			electronics: 1
		}
	},
	{
		slug: 'champs-elysees',
		nameFr: 'Champs-Élysées',
		lat: 48.87,
		lon: 2.305,
		radiusM: 700,
		communeCode: '75108',
		weight: 18,
		streets: [
			'avenue des Champs-Élysées',
			'avenue Montaigne',
			'avenue George-V',
			'rue du Faubourg-Saint-Honoré',
			'rue de Marignan',
			'rue François-Ier',
			'rue de Berri',
			'rue La Boétie'
		],
		categories: {
			luxury_fashion: 6,
			cosmetics_pharmacy: 4,
			restaurant_cafe: 4,
			hotel: 3,
			food_wine: 2,
			souvenirs: 2,
			department_store: 1,
			electronics: 1
		}
	},
	{
		slug: 'marais',
		nameFr: 'Le Marais',
		lat: 48.856,
		lon: 2.359,
		radiusM: 600,
		communeCode: '75104',
		weight: 8,
		streets: [
			'rue des Francs-Bourgeois',
			'rue des Rosiers',
			'rue Vieille-du-Temple',
			'rue de Turenne',
			'rue Saint-Antoine',
			'place des Vosges',
			'rue des Archives',
			'rue du Roi-de-Sicile'
		],
		categories: {
			luxury_fashion: 4,
			restaurant_cafe: 4,
			food_wine: 3,
			cosmetics_pharmacy: 2,
			souvenirs: 2,
			museum_attraction: 1,
			kids_baby: 1
		}
	},
	{
		slug: 'saint-germain',
		nameFr: 'Saint-Germain-des-Prés',
		lat: 48.8535,
		lon: 2.3325,
		radiusM: 600,
		communeCode: '75106',
		weight: 8,
		streets: [
			'boulevard Saint-Germain',
			'rue de Rennes',
			'rue Bonaparte',
			'rue du Four',
			'rue de Sèvres',
			'rue de Buci',
			'rue du Bac',
			'rue de Grenelle'
		],
		categories: {
			luxury_fashion: 4,
			restaurant_cafe: 4,
			food_wine: 3,
			cosmetics_pharmacy: 3,
			department_store: 2,
			hotel: 2,
			kids_baby: 1
		}
	},
	{
		slug: 'montmartre',
		nameFr: 'Montmartre',
		lat: 48.8855,
		lon: 2.34,
		radiusM: 500,
		communeCode: '75118',
		weight: 5,
		streets: [
			'rue Lepic',
			'rue des Abbesses',
			'rue Norvins',
			'place du Tertre',
			'rue de Steinkerque',
			'boulevard de Clichy',
			'rue Caulaincourt'
		],
		categories: {
			souvenirs: 5,
			restaurant_cafe: 5,
			food_wine: 2,
			hotel: 2,
			museum_attraction: 1,
			cosmetics_pharmacy: 1
		}
	},
	{
		slug: 'tour-eiffel',
		nameFr: 'Tour Eiffel – Champ-de-Mars',
		lat: 48.8565,
		lon: 2.3,
		radiusM: 700,
		communeCode: '75107',
		weight: 6,
		streets: [
			'avenue de la Bourdonnais',
			'rue Saint-Dominique',
			'avenue Rapp',
			'rue Cler',
			'quai Branly',
			'avenue de Suffren',
			'avenue Bosquet'
		],
		categories: {
			souvenirs: 5,
			restaurant_cafe: 4,
			hotel: 3,
			food_wine: 2,
			cosmetics_pharmacy: 2,
			museum_attraction: 1
		}
	},
	{
		slug: 'chinatown-13e',
		nameFr: 'Quartier asiatique (13e)',
		lat: 48.826,
		lon: 2.362,
		radiusM: 600,
		communeCode: '75113',
		weight: 7,
		streets: [
			'avenue de Choisy',
			"avenue d'Ivry",
			'boulevard Masséna',
			'rue de Tolbiac',
			'rue Baudricourt',
			"avenue d'Italie",
			'rue du Château-des-Rentiers'
		],
		categories: {
			restaurant_cafe: 6,
			food_wine: 4,
			services: 4,
			electronics: 3,
			cosmetics_pharmacy: 2,
			kids_baby: 1,
			souvenirs: 1
		}
	},
	{
		slug: 'la-defense',
		nameFr: 'La Défense',
		lat: 48.8918,
		lon: 2.238,
		radiusM: 700,
		communeCode: '92062',
		weight: 3,
		streets: [
			'parvis de la Défense',
			'esplanade du Général-de-Gaulle',
			'place de la Défense',
			'cours Michelet',
			'boulevard Circulaire'
		],
		categories: {
			restaurant_cafe: 4,
			electronics: 3,
			department_store: 2,
			luxury_fashion: 2,
			cosmetics_pharmacy: 2,
			hotel: 2,
			services: 2
		}
	},
	{
		slug: 'la-vallee-village',
		nameFr: 'La Vallée Village',
		lat: 48.8546,
		lon: 2.7832,
		radiusM: 500,
		communeCode: '77449',
		weight: 6,
		streets: [
			'cours de la Garonne',
			'cours du Danube',
			'cours du Rhin',
			'place de Toscane',
			'boulevard Robert-Thiboust'
		],
		categories: {
			luxury_fashion: 8,
			cosmetics_pharmacy: 2,
			kids_baby: 2,
			restaurant_cafe: 2,
			food_wine: 1
		}
	},
	{
		slug: 'disneyland',
		nameFr: 'Disneyland Paris',
		lat: 48.8722,
		lon: 2.7758,
		radiusM: 1200,
		communeCode: '77111',
		weight: 6,
		streets: [
			'boulevard de Parc',
			'boulevard du Grand-Fossé',
			'place des Passagers-du-Vent',
			'avenue Hergé',
			'rue de la Galmy',
			'rue du Bois-de-Paris'
		],
		categories: {
			hotel: 5,
			restaurant_cafe: 5,
			souvenirs: 5,
			kids_baby: 4,
			museum_attraction: 1
		}
	},
	{
		slug: 'versailles',
		nameFr: 'Versailles',
		lat: 48.8045,
		lon: 2.125,
		radiusM: 900,
		communeCode: '78646',
		weight: 4,
		streets: [
			"place d'Armes",
			'avenue de Paris',
			'avenue de Saint-Cloud',
			'rue de la Paroisse',
			'rue Royale',
			'rue de Satory',
			'rue des Réservoirs'
		],
		categories: {
			souvenirs: 4,
			restaurant_cafe: 4,
			hotel: 3,
			museum_attraction: 2,
			food_wine: 2,
			cosmetics_pharmacy: 1
		}
	},
	{
		slug: 'roissy-cdg',
		nameFr: 'Aéroport Paris-Charles-de-Gaulle',
		lat: 49.0097,
		lon: 2.5479,
		radiusM: 1500,
		communeCode: '95527',
		weight: 5,
		streets: ['allée du Verger', 'rue de la Haye', 'rue de Rome', 'rue de France'],
		categories: {
			luxury_fashion: 5,
			cosmetics_pharmacy: 5,
			food_wine: 4,
			restaurant_cafe: 4,
			hotel: 3,
			souvenirs: 2,
			services: 2,
			electronics: 1
		}
	},
	{
		slug: 'orly',
		nameFr: 'Aéroport de Paris-Orly',
		lat: 48.7262,
		lon: 2.3652,
		radiusM: 1200,
		communeCode: '91479',
		weight: 3,
		streets: [
			'avenue de Verdun',
			'rue Maurice-Rigolet',
			'allée du Commandant-Mouchotte',
			'avenue Adrien-Raynal',
			'rue des Hautes-Bornes'
		],
		categories: {
			cosmetics_pharmacy: 4,
			luxury_fashion: 3,
			food_wine: 3,
			restaurant_cafe: 4,
			hotel: 3,
			souvenirs: 2,
			services: 1
		}
	}
];

/** Approximate centre (town hall area) of communes, by INSEE code, as WGS84 [lat, lon]. */
export const COMMUNE_CENTRES: Record<string, [number, number]> = {
	// Paris (75) — arrondissements municipaux, mairie d'arrondissement
	'75101': [48.8597, 2.3414], // Paris 1er Arrondissement
	'75102': [48.868, 2.3411], // Paris 2e Arrondissement
	'75103': [48.8648, 2.3615], // Paris 3e Arrondissement
	'75104': [48.8557, 2.3545], // Paris 4e Arrondissement
	'75105': [48.8467, 2.3448], // Paris 5e Arrondissement
	'75106': [48.8511, 2.3329], // Paris 6e Arrondissement
	'75107': [48.8567, 2.319], // Paris 7e Arrondissement
	'75108': [48.8773, 2.3157], // Paris 8e Arrondissement
	'75109': [48.8724, 2.3405], // Paris 9e Arrondissement
	'75110': [48.8721, 2.3578], // Paris 10e Arrondissement
	'75111': [48.8575, 2.3797], // Paris 11e Arrondissement
	'75112': [48.8404, 2.3879], // Paris 12e Arrondissement
	'75113': [48.8316, 2.3561], // Paris 13e Arrondissement
	'75114': [48.833, 2.3268], // Paris 14e Arrondissement
	'75115': [48.8413, 2.3], // Paris 15e Arrondissement
	'75116': [48.8637, 2.2755], // Paris 16e Arrondissement
	'75117': [48.8843, 2.3215], // Paris 17e Arrondissement
	'75118': [48.8924, 2.3444], // Paris 18e Arrondissement
	'75119': [48.8826, 2.3822], // Paris 19e Arrondissement
	'75120': [48.8651, 2.3986], // Paris 20e Arrondissement

	// Seine-et-Marne (77)
	'77288': [48.5394, 2.66], // Melun
	'77186': [48.4047, 2.7017], // Fontainebleau
	'77014': [48.409, 2.724], // Avon
	'77284': [48.9602, 2.8789], // Meaux
	'77379': [48.5598, 3.2993], // Provins
	'77327': [48.5557, 3.0134], // Nangis
	'77468': [48.8503, 2.6517], // Torcy
	'77111': [48.88, 2.763], // Chessy
	'77449': [48.8458, 2.7858], // Serris
	'77132': [48.892, 2.795], // Coupvray
	'77268': [48.863, 2.814], // Magny-le-Hongre
	'77018': [48.846, 2.818], // Bailly-Romainvilliers
	'77307': [48.874, 2.745], // Montévrain
	'77108': [48.8794, 2.5931], // Chelles
	'77479': [48.874, 2.64], // Vaires-sur-Marne
	'77373': [48.8016, 2.6076], // Pontault-Combault
	'77390': [48.7912, 2.6522], // Roissy-en-Brie
	'77350': [48.763, 2.671], // Ozoir-la-Ferrière
	'77445': [48.5741, 2.5827], // Savigny-le-Temple
	'77514': [48.9422, 2.6144], // Villeparisis
	'77122': [48.6659, 2.5645], // Combs-la-Ville
	'77296': [48.6263, 2.5931], // Moissy-Cramayel
	'77243': [48.8736, 2.7083], // Lagny-sur-Marne
	'77058': [48.8407, 2.7025], // Bussy-Saint-Georges
	'77083': [48.8527, 2.603], // Champs-sur-Marne
	'77337': [48.8478, 2.6285], // Noisiel
	'77258': [48.8405, 2.629], // Lognes
	'77294': [48.979, 2.616], // Mitry-Mory
	'77118': [48.945, 2.687], // Claye-Souilly
	'77305': [48.385, 2.951], // Montereau-Fault-Yonne
	'77333': [48.267, 2.697], // Nemours
	'77131': [48.8142, 3.0837], // Coulommiers
	'77285': [48.532, 2.628], // Le Mée-sur-Seine
	'77152': [48.5163, 2.6401], // Dammarie-les-Lys
	'77487': [48.526, 2.68], // Vaux-le-Pénil

	// Yvelines (78)
	'78646': [48.8014, 2.1301], // Versailles
	'78551': [48.8983, 2.0935], // Saint-Germain-en-Laye
	'78586': [48.9373, 2.1635], // Sartrouville
	'78361': [48.9906, 1.7169], // Mantes-la-Jolie
	'78362': [48.977, 1.715], // Mantes-la-Ville
	'78517': [48.6442, 1.8295], // Rambouillet
	'78498': [48.9293, 2.0452], // Poissy
	'78440': [48.9915, 1.9108], // Les Mureaux
	'78423': [48.7713, 2.033], // Montigny-le-Bretonneux
	'78621': [48.7774, 2.0021], // Trappes
	'78297': [48.7731, 2.0737], // Guyancourt
	'78208': [48.783, 1.956], // Élancourt
	'78490': [48.8228, 1.9476], // Plaisir
	'78358': [48.947, 2.1456], // Maisons-Laffitte
	'78146': [48.8897, 2.1573], // Chatou
	'78311': [48.9262, 2.1893], // Houilles
	'78124': [48.912, 2.178], // Carrières-sur-Seine
	'78418': [48.909, 2.149], // Montesson
	'78650': [48.893, 2.133], // Le Vésinet
	'78481': [48.896, 2.106], // Le Pecq
	'78372': [48.868, 2.094], // Marly-le-Roi
	'78158': [48.822, 2.123], // Le Chesnay-Rocquencourt
	'78686': [48.8, 2.17], // Viroflay
	'78640': [48.7828, 2.1912], // Vélizy-Villacoublay
	'78172': [48.9989, 2.0978], // Conflans-Sainte-Honorine
	'78005': [48.96, 2.069], // Achères

	// Essonne (91)
	'91228': [48.626, 2.433], // Évry-Courcouronnes
	'91174': [48.6138, 2.4823], // Corbeil-Essonnes
	'91377': [48.7308, 2.2714], // Massy
	'91477': [48.7146, 2.2457], // Palaiseau
	'91223': [48.4344, 2.1618], // Étampes
	'91021': [48.59, 2.248], // Arpajon
	'91589': [48.6796, 2.349], // Savigny-sur-Orge
	'91027': [48.7088, 2.3893], // Athis-Mons
	'91479': [48.711, 2.362], // Paray-Vieille-Poste
	'91161': [48.703, 2.313], // Chilly-Mazarin
	'91432': [48.704, 2.337], // Morangis
	'91657': [48.7016, 2.417], // Vigneux-sur-Seine
	'91687': [48.6717, 2.3753], // Viry-Châtillon
	'91549': [48.6462, 2.32], // Sainte-Geneviève-des-Bois
	'91286': [48.6535, 2.3931], // Grigny
	'91201': [48.6844, 2.41], // Draveil
	'91692': [48.6821, 2.1695], // Les Ulis
	'91421': [48.7038, 2.4597], // Montgeron
	'91345': [48.6937, 2.2956], // Longjumeau
	'91471': [48.6985, 2.1878], // Orsay
	'91272': [48.7017, 2.1338], // Gif-sur-Yvette
	'91114': [48.6977, 2.504], // Brunoy
	'91691': [48.7175, 2.4935], // Yerres
	'91215': [48.693, 2.515], // Épinay-sous-Sénart
	'91521': [48.653, 2.414], // Ris-Orangis
	'91326': [48.6897, 2.3777], // Juvisy-sur-Orge
	'91434': [48.66, 2.352], // Morsang-sur-Orge
	'91570': [48.634, 2.308], // Saint-Michel-sur-Orge
	'91103': [48.6078, 2.3058], // Brétigny-sur-Orge
	'91645': [48.746, 2.266], // Verrières-le-Buisson
	'91312': [48.74, 2.227], // Igny

	// Hauts-de-Seine (92)
	'92050': [48.8924, 2.2069], // Nanterre
	'92012': [48.8353, 2.2408], // Boulogne-Billancourt
	'92002': [48.7542, 2.2975], // Antony
	'92004': [48.9113, 2.2853], // Asnières-sur-Seine
	'92026': [48.8972, 2.253], // Courbevoie
	'92025': [48.9229, 2.2522], // Colombes
	'92035': [48.906, 2.245], // La Garenne-Colombes
	'92009': [48.917, 2.269], // Bois-Colombes
	'92044': [48.8949, 2.2869], // Levallois-Perret
	'92051': [48.8847, 2.2696], // Neuilly-sur-Seine
	'92063': [48.8772, 2.1806], // Rueil-Malmaison
	'92040': [48.8237, 2.27], // Issy-les-Moulineaux
	'92024': [48.9036, 2.306], // Clichy
	'92062': [48.8845, 2.2385], // Puteaux
	'92048': [48.8134, 2.2386], // Meudon
	'92064': [48.8436, 2.2184], // Saint-Cloud
	'92073': [48.8714, 2.229], // Suresnes
	'92049': [48.8162, 2.3197], // Montrouge
	'92036': [48.9333, 2.2932], // Gennevilliers
	'92078': [48.937, 2.327], // Villeneuve-la-Garenne
	'92020': [48.803, 2.293], // Châtillon
	'92019': [48.766, 2.264], // Châtenay-Malabry
	'92023': [48.8004, 2.2663], // Clamart
	'92007': [48.796, 2.3082], // Bagneux
	'92046': [48.8163, 2.297], // Malakoff
	'92071': [48.7786, 2.2906], // Sceaux
	'92014': [48.78, 2.316], // Bourg-la-Reine
	'92032': [48.793, 2.292], // Fontenay-aux-Roses
	'92060': [48.781, 2.263], // Le Plessis-Robinson
	'92072': [48.8236, 2.211], // Sèvres
	'92075': [48.822, 2.29], // Vanves
	'92022': [48.808, 2.188], // Chaville
	'92033': [48.846, 2.188], // Garches

	// Seine-Saint-Denis (93)
	'93008': [48.9078, 2.4397], // Bobigny
	'93066': [48.9356, 2.358], // Saint-Denis
	'93048': [48.862, 2.442], // Montreuil
	'93001': [48.9146, 2.3821], // Aubervilliers
	'93005': [48.9385, 2.4968], // Aulnay-sous-Bois
	'93010': [48.9024, 2.483], // Bondy
	'93029': [48.923, 2.446], // Drancy
	'93051': [48.849, 2.5528], // Noisy-le-Grand
	'93055': [48.8945, 2.4094], // Pantin
	'93064': [48.8714, 2.4854], // Rosny-sous-Bois
	'93071': [48.9386, 2.5275], // Sevran
	'93078': [48.962, 2.532], // Villepinte
	'93046': [48.9195, 2.536], // Livry-Gargan
	'93070': [48.912, 2.334], // Saint-Ouen-sur-Seine
	'93007': [48.939, 2.462], // Le Blanc-Mesnil
	'93013': [48.935, 2.426], // Le Bourget
	'93027': [48.9285, 2.396], // La Courneuve
	'93031': [48.9555, 2.309], // Épinay-sur-Seine
	'93079': [48.957, 2.344], // Villetaneuse
	'93072': [48.957, 2.38], // Stains
	'93047': [48.9, 2.57], // Montfermeil
	'93014': [48.91, 2.548], // Clichy-sous-Bois
	'93050': [48.862, 2.532], // Neuilly-sur-Marne
	'93049': [48.863, 2.506], // Neuilly-Plaisance
	'93053': [48.891, 2.46], // Noisy-le-Sec
	'93045': [48.88, 2.416], // Les Lilas
	'93061': [48.885, 2.405], // Le Pré-Saint-Gervais
	'93006': [48.869, 2.417], // Bagnolet
	'93063': [48.885, 2.435], // Romainville
	'93077': [48.884, 2.51], // Villemomble
	'93032': [48.883, 2.534], // Gagny
	'93062': [48.898, 2.516], // Le Raincy
	'93057': [48.906, 2.506], // Les Pavillons-sous-Bois
	'93073': [48.95, 2.569], // Tremblay-en-France

	// Val-de-Marne (94)
	'94028': [48.7904, 2.4556], // Créteil
	'94081': [48.7874, 2.3928], // Vitry-sur-Seine
	'94017': [48.817, 2.515], // Champigny-sur-Marne
	'94068': [48.7995, 2.499], // Saint-Maur-des-Fossés
	'94041': [48.813, 2.385], // Ivry-sur-Seine
	'94080': [48.8474, 2.4393], // Vincennes
	'94067': [48.842, 2.419], // Saint-Mandé
	'94033': [48.851, 2.477], // Fontenay-sous-Bois
	'94046': [48.806, 2.438], // Maisons-Alfort
	'94002': [48.805, 2.42], // Alfortville
	'94018': [48.822, 2.414], // Charenton-le-Pont
	'94076': [48.792, 2.3636], // Villejuif
	'94043': [48.81, 2.36], // Le Kremlin-Bicêtre
	'94037': [48.813, 2.344], // Gentilly
	'94003': [48.806, 2.337], // Arcueil
	'94016': [48.792, 2.334], // Cachan
	'94038': [48.78, 2.338], // L'Haÿ-les-Roses
	'94034': [48.756, 2.322], // Fresnes
	'94021': [48.767, 2.353], // Chevilly-Larue
	'94065': [48.747, 2.35], // Rungis
	'94073': [48.765, 2.393], // Thiais
	'94022': [48.763, 2.409], // Choisy-le-Roi
	'94054': [48.744, 2.394], // Orly
	'94077': [48.733, 2.41], // Villeneuve-le-Roi
	'94078': [48.732, 2.449], // Villeneuve-Saint-Georges
	'94074': [48.745, 2.466], // Valenton
	'94044': [48.746, 2.489], // Limeil-Brévannes
	'94011': [48.77, 2.487], // Bonneuil-sur-Marne
	'94004': [48.751, 2.51], // Boissy-Saint-Léger
	'94071': [48.77, 2.524], // Sucy-en-Brie
	'94019': [48.798, 2.534], // Chennevières-sur-Marne
	'94052': [48.837, 2.483], // Nogent-sur-Marne
	'94058': [48.842, 2.504], // Le Perreux-sur-Marne
	'94042': [48.821, 2.473], // Joinville-le-Pont
	'94015': [48.838, 2.522], // Bry-sur-Marne
	'94079': [48.827, 2.545], // Villiers-sur-Marne
	'94059': [48.811, 2.574], // Le Plessis-Trévise

	// Val-d'Oise (95)
	'95127': [49.0364, 2.0761], // Cergy
	'95500': [49.0505, 2.1008], // Pontoise
	'95476': [49.06, 2.063], // Osny
	'95572': [49.036, 2.121], // Saint-Ouen-l'Aumône
	'95018': [48.9472, 2.2467], // Argenteuil
	'95063': [48.926, 2.218], // Bezons
	'95585': [48.996, 2.38], // Sarcelles
	'95268': [48.973, 2.4], // Garges-lès-Gonesse
	'95019': [48.987, 2.417], // Arnouville
	'95277': [48.987, 2.449], // Gonesse
	'95680': [49.009, 2.391], // Villiers-le-Bel
	'95539': [49.0, 2.356], // Saint-Brice-sous-Forêt
	'95280': [49.032, 2.474], // Goussainville
	'95527': [49.0045, 2.516], // Roissy-en-France
	'95219': [48.989, 2.258], // Ermont
	'95203': [48.992, 2.278], // Eaubonne
	'95252': [48.989, 2.229], // Franconville
	'95582': [48.972, 2.258], // Sannois
	'95555': [48.972, 2.286], // Saint-Gratien
	'95210': [48.97, 2.309], // Enghien-les-Bains
	'95197': [48.968, 2.328], // Deuil-la-Barre
	'95428': [48.99, 2.322], // Montmorency
	'95598': [48.988, 2.3], // Soisy-sous-Montmorency
	'95176': [48.973, 2.2], // Cormeilles-en-Parisis
	'95424': [48.994, 2.195], // Montigny-lès-Cormeilles
	'95306': [48.99, 2.165], // Herblay-sur-Seine
	'95607': [49.027, 2.223], // Taverny
	'95313': [49.11, 2.223] // L'Isle-Adam
};

/** Generic French street names plausible in any Île-de-France town. */
export const GENERIC_STREETS: string[] = [
	'rue de la République',
	'avenue du Général-de-Gaulle',
	'place de la Mairie',
	'rue Victor-Hugo',
	'avenue Jean-Jaurès',
	'rue Jean-Jaurès',
	'boulevard Gambetta',
	'rue Gambetta',
	'rue de Paris',
	'avenue de Paris',
	'rue Pasteur',
	'rue du Général-Leclerc',
	'avenue du Maréchal-Foch',
	'rue de la Gare',
	'avenue de la Gare',
	"place de l'Église",
	"rue de l'Église",
	'Grande Rue',
	'rue Émile-Zola',
	'rue Jules-Ferry',
	'rue Anatole-France',
	'avenue Carnot',
	'boulevard de la République',
	'place du Marché',
	'rue du Marché',
	'rue Voltaire',
	'avenue Gabriel-Péri',
	'rue Paul-Vaillant-Couturier',
	'avenue de Verdun',
	'rue du 8-Mai-1945',
	'rue du 11-Novembre',
	'rue Aristide-Briand',
	'rue Georges-Clemenceau',
	'rue des Écoles',
	'rue du Moulin',
	'rue de la Paix',
	'place de la Libération',
	'avenue de la Libération',
	'rue Henri-Barbusse',
	'rue Jean-Moulin'
];

/** Per category, bilingual patterns for shop names; {fr} / {zh} are replaced by a NAME_ROOTS pair. */
export const NAME_PATTERNS: Record<CategoryKey, { fr: string; zh: string }[]> = {
	department_store: [
		{ fr: 'Galeries {fr}', zh: '{zh}百货' },
		{ fr: 'Grand Magasin {fr}', zh: '{zh}百货商场' },
		{ fr: 'Passage {fr}', zh: '{zh}购物廊' },
		{ fr: 'Comptoirs {fr}', zh: '{zh}商场' },
		{ fr: 'Centre commercial {fr}', zh: '{zh}购物中心' }
	],
	luxury_fashion: [
		{ fr: 'Maison {fr}', zh: '{zh}时装屋' },
		{ fr: 'Boutique {fr}', zh: '{zh}精品店' },
		{ fr: '{fr} Couture', zh: '{zh}高级定制' },
		{ fr: 'Maroquinerie {fr}', zh: '{zh}皮具' },
		{ fr: 'Joaillerie {fr}', zh: '{zh}珠宝' },
		{ fr: '{fr} Luxe', zh: '{zh}奢侈品' }
	],
	cosmetics_pharmacy: [
		{ fr: 'Pharmacie {fr}', zh: '{zh}药房' },
		{ fr: 'Grande Pharmacie {fr}', zh: '{zh}大药房' },
		{ fr: 'Parfumerie {fr}', zh: '{zh}香水店' },
		{ fr: 'Parapharmacie {fr}', zh: '{zh}药妆店' },
		{ fr: 'Beauté {fr}', zh: '{zh}美妆' }
	],
	food_wine: [
		{ fr: 'Cave {fr}', zh: '{zh}红酒坊' },
		{ fr: 'Épicerie fine {fr}', zh: '{zh}精品食品店' },
		{ fr: 'Chocolaterie {fr}', zh: '{zh}巧克力店' },
		{ fr: 'Fromagerie {fr}', zh: '{zh}奶酪店' },
		{ fr: 'Maison du thé {fr}', zh: '{zh}茶叶店' },
		{ fr: 'Macarons {fr}', zh: '{zh}马卡龙' }
	],
	restaurant_cafe: [
		{ fr: 'Café {fr}', zh: '{zh}咖啡馆' },
		{ fr: 'Brasserie {fr}', zh: '{zh}法式餐厅' },
		{ fr: 'Bistrot {fr}', zh: '{zh}小酒馆' },
		{ fr: 'Restaurant {fr}', zh: '{zh}餐厅' },
		{ fr: 'Pâtisserie {fr}', zh: '{zh}甜品店' },
		{ fr: 'Salon de thé {fr}', zh: '{zh}茶室' }
	],
	hotel: [
		{ fr: 'Hôtel {fr}', zh: '{zh}酒店' },
		{ fr: 'Grand Hôtel {fr}', zh: '{zh}大酒店' },
		{ fr: 'Hôtel {fr} Paris', zh: '巴黎{zh}酒店' },
		{ fr: 'Résidence {fr}', zh: '{zh}公寓酒店' },
		{ fr: 'Auberge {fr}', zh: '{zh}旅馆' }
	],
	museum_attraction: [
		{ fr: 'Musée {fr}', zh: '{zh}博物馆' },
		{ fr: "Galerie d'art {fr}", zh: '{zh}美术馆' },
		{ fr: 'Croisières {fr}', zh: '{zh}游船' },
		{ fr: 'Espace {fr}', zh: '{zh}艺术空间' },
		{ fr: 'Boutique du musée {fr}', zh: '{zh}博物馆商店' }
	],
	kids_baby: [
		{ fr: 'Bébé {fr}', zh: '{zh}母婴店' },
		{ fr: 'Jouets {fr}', zh: '{zh}玩具店' },
		{ fr: '{fr} Enfants', zh: '{zh}童装' },
		{ fr: 'Puériculture {fr}', zh: '{zh}母婴用品' },
		{ fr: 'Petit {fr}', zh: '小{zh}儿童用品' }
	],
	electronics: [
		{ fr: 'Électronique {fr}', zh: '{zh}数码' },
		{ fr: 'Hi-Fi {fr}', zh: '{zh}音响' },
		{ fr: 'Photo {fr}', zh: '{zh}摄影器材' },
		{ fr: 'Téléphonie {fr}', zh: '{zh}手机店' },
		{ fr: 'Informatique {fr}', zh: '{zh}电脑' }
	],
	souvenirs: [
		{ fr: 'Souvenirs {fr}', zh: '{zh}纪念品店' },
		{ fr: 'Cadeaux {fr}', zh: '{zh}礼品店' },
		{ fr: 'Bazar {fr}', zh: '{zh}杂货铺' },
		{ fr: 'Paris {fr}', zh: '巴黎{zh}纪念品' },
		{ fr: 'Cartes postales {fr}', zh: '{zh}明信片店' }
	],
	services: [
		{ fr: 'Change {fr}', zh: '{zh}换汇' },
		{ fr: 'Pressing {fr}', zh: '{zh}洗衣店' },
		{ fr: 'Coiffure {fr}', zh: '{zh}理发店' },
		{ fr: 'Voyages {fr}', zh: '{zh}旅行社' },
		{ fr: 'Institut {fr}', zh: '{zh}美容院' },
		{ fr: 'Cordonnerie {fr}', zh: '{zh}修鞋配钥匙' }
	]
};

/** Root pairs [fr, zh]: French words, places, saints and names with their usual Chinese rendering. */
export const NAME_ROOTS: [string, string][] = [
	['Saint-Honoré', '圣奥诺雷'],
	['Rivoli', '里沃利'],
	['Lumière', '光'],
	['Étoile', '星'],
	['Seine', '塞纳'],
	['Madeleine', '玛德莲'],
	['Bonaparte', '波拿巴'],
	['Rose', '玫瑰'],
	['Lys', '百合'],
	['Marais', '玛黑'],
	['Opéra', '歌剧院'],
	['Louvre', '卢浮'],
	['Vendôme', '旺多姆'],
	['Montaigne', '蒙田'],
	['Haussmann', '奥斯曼'],
	['Concorde', '协和'],
	['Trocadéro', '特罗卡德罗'],
	['Montmartre', '蒙马特'],
	['Montparnasse', '蒙帕纳斯'],
	['Bastille', '巴士底'],
	['Luxembourg', '卢森堡'],
	['Tuileries', '杜乐丽'],
	['Saint-Germain', '圣日耳曼'],
	['Saint-Michel', '圣米歇尔'],
	['Saint-Louis', '圣路易'],
	['Sainte-Geneviève', '圣热纳维耶芙'],
	['Élysée', '爱丽舍'],
	['Belleville', '美丽城'],
	['Passy', '帕西'],
	['Alma', '阿尔玛'],
	['Rive Gauche', '左岸'],
	['Rive Droite', '右岸'],
	['Pont-Neuf', '新桥'],
	['Lutèce', '卢泰西亚'],
	['Versailles', '凡尔赛'],
	['Fontainebleau', '枫丹白露'],
	['Bordeaux', '波尔多'],
	['Bourgogne', '勃艮第'],
	['Champagne', '香槟'],
	['Provence', '普罗旺斯'],
	['Normandie', '诺曼底'],
	['Bretagne', '布列塔尼'],
	['Victor Hugo', '雨果'],
	['Voltaire', '伏尔泰'],
	['Molière', '莫里哀'],
	['Balzac', '巴尔扎克'],
	['Monet', '莫奈'],
	['Renoir', '雷诺阿'],
	['Rodin', '罗丹'],
	['Chopin', '肖邦'],
	['Debussy', '德彪西'],
	['Napoléon', '拿破仑'],
	['Joséphine', '约瑟芬'],
	['Amélie', '艾米丽'],
	['Sophie', '苏菲'],
	['Camille', '卡米耶'],
	['Julien', '朱利安'],
	['Louis', '路易'],
	['Lucie', '露西'],
	['Soleil', '太阳'],
	['Lune', '月亮'],
	['Jardin', '花园'],
	['Iris', '鸢尾'],
	['Violette', '紫罗兰'],
	['Lavande', '薰衣草'],
	['Jasmin', '茉莉'],
	['Pivoine', '牡丹'],
	['Orchidée', '兰花'],
	['Camélia', '山茶'],
	['Magnolia', '玉兰'],
	['Cerise', '樱桃'],
	['Papillon', '蝴蝶'],
	['Colombe', '白鸽'],
	['Perle', '珍珠'],
	['Saphir', '蓝宝石'],
	['Azur', '蔚蓝'],
	['Belle Époque', '美好年代']
];

/** Opening-hours templates in OSM opening_hours syntax, per category (realistic for Paris). */
export const OPENING_HOURS: Record<CategoryKey, string[]> = {
	department_store: [
		'Mo-Sa 10:00-20:30; Su 11:00-20:00',
		'Mo-Sa 10:00-20:00; Su 11:00-19:00',
		'Mo-Sa 10:00-21:00; Su 11:00-20:00'
	],
	luxury_fashion: [
		'Mo-Sa 10:00-19:00',
		'Mo-Sa 10:30-19:30; Su 11:00-19:00',
		'Mo-Sa 10:00-20:00; Su 11:00-19:00'
	],
	cosmetics_pharmacy: [
		'Mo-Sa 08:30-20:00',
		'Mo-Fr 08:00-21:00; Sa 09:00-20:00; Su 10:00-19:00',
		'Mo-Sa 09:00-19:30'
	],
	food_wine: [
		'Tu-Sa 10:00-19:30; Su 10:00-13:00',
		'Mo-Sa 10:00-20:00',
		'Tu-Sa 09:30-13:00,15:00-19:30; Su 09:30-13:00'
	],
	restaurant_cafe: [
		'Mo-Su 12:00-14:30,19:00-23:00',
		'Mo-Su 07:30-23:00',
		'Tu-Sa 12:00-14:00,19:30-22:30',
		'Mo-Su 08:00-19:00'
	],
	hotel: ['24/7', 'Mo-Su 00:00-24:00'],
	museum_attraction: [
		'Tu-Su 09:00-18:00',
		'Mo,We-Su 09:00-18:00; Fr 09:00-21:45',
		'Mo-Su 10:00-19:00'
	],
	kids_baby: ['Mo-Sa 10:00-19:00', 'Mo-Sa 09:30-19:30; Su 10:00-13:00'],
	electronics: ['Mo-Sa 10:00-20:00', 'Mo-Sa 10:00-19:30; Su 11:00-19:00'],
	souvenirs: ['Mo-Su 09:00-21:00', 'Mo-Su 10:00-20:00', 'Mo-Su 09:30-22:00'],
	services: ['Mo-Sa 09:00-19:00', 'Mo-Fr 08:00-19:30; Sa 09:00-18:00', 'Mo-Su 09:00-20:00']
};

/** Fictional acquirer names for demo data only (no real commercial relationship implied). */
export const ACQUIRERS: string[] = [
	'Demo Acquiring A',
	'Demo Acquiring B',
	'Banque Démo Paris',
	'Exemple Paiements SAS',
	'Test Merchant Services'
];
