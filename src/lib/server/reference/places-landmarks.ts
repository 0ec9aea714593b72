/** Places, part 2: other landmarks, department stores and shopping streets (see places.ts). */
import type { Place } from './places';
import { place } from './place-builders';

export const LANDMARKS: Place[] = [
	place(
		'galeries-lafayette-champs-elysees',
		'department_store',
		'老佛爷香榭丽舍店',
		[48.8715, 2.303],
		{
			fr: 'les Galeries Lafayette Champs-Élysées',
			zhHant: '老佛爺香榭麗舍店',
			en: 'Galeries Lafayette Champs-Élysées',
			aliases: ['Galeries Lafayette Champs-Élysées', '老佛爷香街店', '香榭丽舍老佛爷'],
			osm: 'Galeries Lafayette Champs-Élysées'
		}
	),
	place('bhv-marais', 'department_store', '巴黎市政厅百货', [48.8575, 2.3538], {
		fr: 'le BHV Marais',
		zhHant: '巴黎市政廳百貨',
		en: 'BHV Marais',
		aliases: [
			'BHV',
			'Bazar de l’Hôtel de Ville',
			'Hôtel de Ville',
			'市政厅百货',
			'市政厅',
			'巴黎市政厅'
		],
		osm: 'BHV Marais'
	}),
	place('avenue-montaigne', 'shopping', '蒙田大道', [48.8665, 2.3048], {
		fr: "l'avenue Montaigne",
		zhHant: '蒙田大道',
		en: 'Avenue Montaigne',
		aliases: ['Montaigne', 'Avenue Montaigne'],
		osm: 'Avenue Montaigne, Paris'
	}),
	place('faubourg-saint-honore', 'shopping', '圣奥诺雷街', [48.87, 2.316], {
		fr: 'la rue du Faubourg-Saint-Honoré',
		zhHant: '聖奧諾雷街',
		en: 'Rue du Faubourg Saint-Honoré',
		aliases: ['Faubourg Saint-Honoré', 'Saint-Honoré', '圣奥诺雷', '圣奥诺黑街', '福宝大道'],
		osm: 'Rue du Faubourg Saint-Honoré'
	}),
	place('jardin-des-tuileries', 'park', '杜乐丽花园', [48.8635, 2.3275], {
		fr: 'le jardin des Tuileries',
		zhHant: '杜樂麗花園',
		en: 'Tuileries Garden',
		aliases: ['Tuileries', 'Jardin des Tuileries', '杜伊勒里花园', '杜乐丽'],
		osm: 'Jardin des Tuileries'
	}),
	place('trocadero', 'monument', '特罗卡德罗广场', [48.8616, 2.2893], {
		fr: 'le Trocadéro',
		zhHant: '特羅卡德羅廣場',
		en: 'Trocadéro',
		aliases: ['Trocadéro', 'Trocadero', 'Palais de Chaillot', '夏乐宫', '特罗卡德罗'],
		osm: 'Place du Trocadéro'
	}),
	place('place-de-la-bastille', 'monument', '巴士底广场', [48.8532, 2.3692], {
		fr: 'la place de la Bastille',
		zhHant: '巴士底廣場',
		en: 'Place de la Bastille',
		aliases: ['Bastille', '巴士底', '巴士底狱'],
		osm: 'Place de la Bastille'
	}),
	place('moulin-rouge', 'monument', '红磨坊', [48.8841, 2.3322], {
		fr: 'le Moulin Rouge',
		zhHant: '紅磨坊',
		en: 'Moulin Rouge',
		aliases: ['Moulin Rouge', 'Pigalle', '皮加勒'],
		osm: 'Moulin Rouge, Paris'
	}),
	place('tour-montparnasse', 'monument', '蒙帕纳斯大楼', [48.8421, 2.3219], {
		fr: 'la tour Montparnasse',
		zhHant: '蒙帕納斯大樓',
		en: 'Montparnasse Tower',
		aliases: ['Tour Montparnasse', '蒙帕纳斯大厦', '蒙帕纳斯'],
		osm: 'Tour Montparnasse'
	}),
	place('musee-rodin', 'museum', '罗丹博物馆', [48.8553, 2.3159], {
		fr: 'le musée Rodin',
		zhHant: '羅丹美術館',
		en: 'Rodin Museum',
		aliases: ['Musée Rodin', 'Rodin', '罗丹美术馆', '罗丹'],
		osm: 'Musée Rodin'
	}),
	place('bateaux-mouches', 'monument', '塞纳河游船', [48.8638, 2.302], {
		fr: "le pont de l'Alma (bateaux-mouches)",
		zhHant: '塞納河遊船',
		en: 'Seine river cruises (Pont de l’Alma)',
		aliases: [
			'Bateaux-Mouches',
			'Bateaux Mouches',
			"Pont de l'Alma",
			'Alma',
			'游船',
			'塞纳河',
			'阿尔玛桥',
			'苍蝇船'
		],
		osm: "Pont de l'Alma"
	}),
	place('bercy-village', 'shopping', '贝西村', [48.8327, 2.3866], {
		fr: 'Bercy Village',
		zhHant: '貝西村',
		en: 'Bercy Village',
		aliases: ['Bercy Village', 'Cour Saint-Émilion', '贝尔西村'],
		osm: 'Bercy Village'
	}),
	place('basilique-de-saint-denis', 'monument', '圣但尼圣殿', [48.9356, 2.3595], {
		fr: 'la basilique de Saint-Denis',
		zhHant: '聖但尼聖殿',
		en: 'Basilica of Saint-Denis',
		aliases: ['Basilique de Saint-Denis', '圣但尼大教堂', '圣德尼圣殿'],
		osm: 'Basilique de Saint-Denis'
	}),
	place('parc-des-princes', 'stadium', '王子公园球场', [48.8414, 2.253], {
		fr: 'le Parc des Princes',
		zhHant: '王子公園球場',
		en: 'Parc des Princes',
		aliases: ['Parc des Princes', '王子公园', '王子公园体育场'],
		osm: 'Parc des Princes'
	}),
	place('vaux-le-vicomte', 'monument', '沃子爵城堡', [48.5656, 2.7139], {
		fr: 'le château de Vaux-le-Vicomte',
		zhHant: '沃子爵城堡',
		en: 'Vaux-le-Vicomte',
		aliases: ['Vaux-le-Vicomte', '子爵城堡'],
		osm: 'Château de Vaux-le-Vicomte'
	}),
	place('provins', 'monument', '普罗万', [48.5603, 3.299], {
		fr: 'Provins',
		zhHant: '普羅萬',
		en: 'Provins',
		aliases: ['Provins', '普罗万中世纪古城', '普罗旺'],
		osm: 'Provins'
	}),
	place('auvers-sur-oise', 'monument', '瓦兹河畔奥维尔', [49.0714, 2.1697], {
		fr: 'Auvers-sur-Oise',
		zhHant: '瓦茲河畔奧維爾',
		en: 'Auvers-sur-Oise',
		aliases: ['Auvers-sur-Oise', 'Auvers', '奥维尔', '梵高小镇', '梵高墓'],
		osm: 'Auvers-sur-Oise'
	}),
	place('sainte-chapelle', 'monument', '圣礼拜堂', [48.8554, 2.345], {
		fr: 'la Sainte-Chapelle',
		zhHant: '聖禮拜堂',
		en: 'Sainte-Chapelle',
		aliases: ['Sainte-Chapelle', 'Sainte Chapelle', 'Conciergerie', '巴黎古监狱'],
		osm: 'Sainte-Chapelle'
	}),
	place('beaugrenelle', 'department_store', '博格勒内尔购物中心', [48.8486, 2.283], {
		fr: 'Beaugrenelle',
		zhHant: '博格勒內爾購物中心',
		en: 'Beaugrenelle shopping centre',
		aliases: ['Beaugrenelle', '博格勒内尔'],
		osm: 'Beaugrenelle Paris'
	}),
	place('parc-de-la-villette', 'park', '拉维莱特公园', [48.8938, 2.3906], {
		fr: 'la Villette',
		zhHant: '拉維萊特公園',
		en: 'Parc de la Villette',
		aliases: [
			'Villette',
			'Parc de la Villette',
			'Cité des sciences',
			'Philharmonie',
			'科学城',
			'拉维莱特'
		],
		osm: 'Parc de la Villette'
	})
];
