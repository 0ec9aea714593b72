/**
 * Words of the demo dataset: generic street names, patterns and roots to invent plausible
 * bilingual shop names, opening hours by category, acquirers. Pure data, no I/O.
 */
import type { Category } from '../../src/lib/merchants/vocabulary';

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
export const NAME_PATTERNS: Record<Category, { fr: string; zh: string }[]> = {
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
export const OPENING_HOURS: Record<Category, string[]> = {
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
