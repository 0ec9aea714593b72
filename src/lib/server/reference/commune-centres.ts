/**
 * Reference data: the approximate centre (town hall area) of Île-de-France communes and of
 * the 20 Paris arrondissements, by INSEE code, as WGS84 [lat, lon]. Where a shop has no
 * position of its own (an acquirer's file without coordinates), the wizard's map and the
 * import start from its commune's centre. Real places, not demo data.
 *
 * Source: the position of each town hall (mairie; mairie d'arrondissement in Paris), written
 * by hand for this project to 3 or 4 decimals (100 m or better). To check or extend it, the
 * official positions are in IGN's ADMIN EXPRESS (chef-lieu de commune), served by Etalab's
 * API Géo: https://geo.api.gouv.fr/communes/{code}?geometry=mairie. Names, postal codes and
 * populations of communes come from @etalab/decoupage-administratif (../geo/communes.ts),
 * which carries no positions. Communes not listed here have no centre (null).
 *
 * Read in memory (the parser and the wizard need it synchronously, row by row); no SQL
 * reads it, so it has no table.
 */
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
