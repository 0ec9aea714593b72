-- The attractions of src/lib/server/reference/attractions.ts (reference data, in every
-- database), written by `npm run db:reference`: inserted, or updated by slug; others deleted.
INSERT INTO "attractions" ("slug", "name_fr", "name_zh", "kind", "latitude", "longitude") VALUES
	('musee-du-louvre', 'Musée du Louvre', '卢浮宫', 'museum', 48.8606, 2.3376),
	('tour-eiffel', 'Tour Eiffel', '埃菲尔铁塔', 'monument', 48.8584, 2.2945),
	('arc-de-triomphe', 'Arc de Triomphe', '凯旋门', 'monument', 48.8738, 2.295),
	('avenue-des-champs-elysees', 'Avenue des Champs-Élysées', '香榭丽舍大街', 'shopping', 48.8698, 2.3078),
	('galeries-lafayette-haussmann', 'Galeries Lafayette Haussmann', '老佛爷百货', 'shopping', 48.8736, 2.332),
	('printemps-haussmann', 'Printemps Haussmann', '巴黎春天百货', 'shopping', 48.874, 2.3275),
	('opera-garnier', 'Opéra Garnier', '巴黎歌剧院', 'monument', 48.872, 2.3316),
	('place-vendome', 'Place Vendôme', '旺多姆广场', 'shopping', 48.8675, 2.3294),
	('cathedrale-notre-dame', 'Cathédrale Notre-Dame', '巴黎圣母院', 'monument', 48.853, 2.3499),
	('la-samaritaine', 'La Samaritaine', '莎玛丽丹百货', 'shopping', 48.8588, 2.3424),
	('le-bon-marche', 'Le Bon Marché', '乐蓬马歇百货', 'shopping', 48.851, 2.3245),
	('musee-d-orsay', 'Musée d''Orsay', '奥赛博物馆', 'museum', 48.86, 2.3266),
	('centre-pompidou', 'Centre Pompidou', '蓬皮杜艺术中心', 'museum', 48.8606, 2.3522),
	('le-marais', 'Le Marais (place des Vosges)', '玛黑区（孚日广场）', 'district', 48.8556, 2.3655),
	('saint-germain-des-pres', 'Saint-Germain-des-Prés', '圣日耳曼德佩', 'district', 48.854, 2.3339),
	('montmartre', 'Montmartre (place du Tertre)', '蒙马特高地', 'district', 48.8865, 2.3408),
	('basilique-du-sacre-coeur', 'Basilique du Sacré-Cœur', '圣心大教堂', 'monument', 48.8867, 2.3431),
	('place-de-la-concorde', 'Place de la Concorde', '协和广场', 'monument', 48.8656, 2.3212),
	('les-invalides', 'Les Invalides', '荣军院', 'monument', 48.855, 2.3125),
	('pantheon', 'Panthéon', '先贤祠', 'monument', 48.8462, 2.3464),
	('jardin-du-luxembourg', 'Jardin du Luxembourg', '卢森堡公园', 'park', 48.8462, 2.3372),
	('quartier-asiatique', 'Quartier asiatique (avenue de Choisy)', '巴黎十三区中国城', 'district', 48.826, 2.362),
	('la-defense', 'La Défense', '拉德芳斯', 'business_district', 48.8918, 2.2362),
	('stade-de-france', 'Stade de France', '法兰西体育场', 'stadium', 48.9245, 2.3601),
	('chateau-de-versailles', 'Château de Versailles', '凡尔赛宫', 'monument', 48.8049, 2.1204),
	('chateau-de-fontainebleau', 'Château de Fontainebleau', '枫丹白露宫', 'monument', 48.4022, 2.6985),
	('disneyland-paris', 'Disneyland Paris', '巴黎迪士尼乐园', 'theme_park', 48.8722, 2.7758),
	('la-vallee-village', 'La Vallée Village', '河谷购物村', 'shopping', 48.8546, 2.7832),
	('aeroport-paris-charles-de-gaulle', 'Aéroport Paris-Charles-de-Gaulle', '戴高乐机场', 'airport', 49.0097, 2.5479),
	('aeroport-paris-orly', 'Aéroport de Paris-Orly', '奥利机场', 'airport', 48.7262, 2.3652)
ON CONFLICT ("slug") DO UPDATE SET
	"name_fr" = EXCLUDED."name_fr",
	"name_zh" = EXCLUDED."name_zh",
	"kind" = EXCLUDED."kind",
	"latitude" = EXCLUDED."latitude",
	"longitude" = EXCLUDED."longitude";
--> statement-breakpoint
DELETE FROM "attractions" WHERE "slug" NOT IN ('musee-du-louvre', 'tour-eiffel', 'arc-de-triomphe', 'avenue-des-champs-elysees', 'galeries-lafayette-haussmann', 'printemps-haussmann', 'opera-garnier', 'place-vendome', 'cathedrale-notre-dame', 'la-samaritaine', 'le-bon-marche', 'musee-d-orsay', 'centre-pompidou', 'le-marais', 'saint-germain-des-pres', 'montmartre', 'basilique-du-sacre-coeur', 'place-de-la-concorde', 'les-invalides', 'pantheon', 'jardin-du-luxembourg', 'quartier-asiatique', 'la-defense', 'stade-de-france', 'chateau-de-versailles', 'chateau-de-fontainebleau', 'disneyland-paris', 'la-vallee-village', 'aeroport-paris-charles-de-gaulle', 'aeroport-paris-orly');
