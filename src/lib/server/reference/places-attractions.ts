/** Places, part 1: the attractions (see places.ts). */
import type { Place } from './places';
import { attraction } from './place-builders';

export const ATTRACTION_PLACES: Place[] = [
	attraction('musee-du-louvre', {
		fr: 'le Louvre',
		zhHant: '羅浮宮',
		en: 'Louvre Museum',
		aliases: ['Louvre', 'Musée du Louvre', 'Louvre Museum', '卢浮宫博物馆', '盧浮宮', '罗浮宫']
	}),
	attraction('tour-eiffel', {
		fr: 'la tour Eiffel',
		zhHant: '艾菲爾鐵塔',
		en: 'Eiffel Tower',
		aliases: ['Eiffel', 'Tour Eiffel', 'Eiffel Tower', '铁塔', '艾菲尔铁塔', '埃菲尔']
	}),
	attraction('arc-de-triomphe', {
		fr: "l'Arc de Triomphe",
		zhHant: '凱旋門',
		en: 'Arc de Triomphe',
		aliases: ['Arc de Triomphe', 'Charles de Gaulle Étoile', '巴黎凯旋门', '星形广场']
	}),
	attraction('avenue-des-champs-elysees', {
		fr: 'les Champs-Élysées',
		zhHant: '香榭麗舍大道',
		en: 'Champs-Élysées',
		aliases: [
			'Champs-Élysées',
			'Champs Elysées',
			'香榭丽舍',
			'香街',
			'香榭丽舍大道',
			'香榭麗舍大街'
		],
		zoom: 15
	}),
	attraction('galeries-lafayette-haussmann', {
		fr: 'les Galeries Lafayette Haussmann',
		zhHant: '老佛爺百貨',
		en: 'Galeries Lafayette Haussmann',
		aliases: [
			'Galeries Lafayette',
			'Lafayette',
			'老佛爷',
			'老佛爷百货公司',
			'老佛爷奥斯曼店',
			'拉法叶百货',
			'拉法葉百貨'
		],
		kind: 'department_store'
	}),
	attraction('printemps-haussmann', {
		fr: 'le Printemps Haussmann',
		zhHant: '巴黎春天百貨',
		en: 'Printemps Haussmann',
		aliases: ['Printemps', '春天', '春天百货', '巴黎春天', '巴黎春天百货公司'],
		kind: 'department_store'
	}),
	attraction('opera-garnier', {
		fr: "l'Opéra Garnier",
		zhHant: '巴黎歌劇院',
		en: 'Palais Garnier (Opéra)',
		aliases: [
			'Opéra',
			'Palais Garnier',
			'Garnier',
			'Paris Opera',
			'歌剧院',
			'加尼叶歌剧院',
			'歌剧院区',
			'加尼耶歌剧院'
		],
		kind: 'neighbourhood'
	}),
	attraction('place-vendome', {
		fr: 'la place Vendôme',
		zhHant: '旺多姆廣場',
		en: 'Place Vendôme',
		aliases: ['Vendôme', 'Place Vendome', '芳登广场']
	}),
	attraction('cathedrale-notre-dame', {
		fr: 'Notre-Dame de Paris',
		zhHant: '巴黎聖母院',
		en: 'Notre-Dame Cathedral',
		aliases: ['Notre-Dame', 'Notre Dame de Paris', 'Île de la Cité', '圣母院', '西岱岛']
	}),
	attraction('la-samaritaine', {
		fr: 'la Samaritaine',
		zhHant: '莎瑪麗丹百貨',
		en: 'La Samaritaine',
		aliases: ['Samaritaine', '莎玛丽丹', '莎玛丽丹百货公司', '撒玛利亚百货', '萨玛丽丹'],
		kind: 'department_store'
	}),
	attraction('le-bon-marche', {
		fr: 'le Bon Marché',
		zhHant: '樂蓬馬歇百貨',
		en: 'Le Bon Marché',
		aliases: ['Bon Marché', 'Bon Marche Rive Gauche', '乐蓬马歇', '乐蓬马歇百货公司', '好市场百货'],
		kind: 'department_store'
	}),
	attraction('musee-d-orsay', {
		fr: "le musée d'Orsay",
		zhHant: '奧賽博物館',
		en: "Musée d'Orsay",
		aliases: ['Orsay', "Musée d'Orsay", '奥赛', '奥塞美术馆', '奥赛美术馆']
	}),
	attraction('centre-pompidou', {
		fr: 'le Centre Pompidou',
		zhHant: '蓬皮杜藝術中心',
		en: 'Centre Pompidou',
		aliases: ['Pompidou', 'Beaubourg', '蓬皮杜', '蓬皮杜中心', '蓬皮杜国家艺术文化中心']
	}),
	attraction('le-marais', {
		fr: 'le Marais',
		zhHant: '瑪黑區',
		en: 'Le Marais',
		aliases: ['Marais', 'Place des Vosges', '玛黑', '马莱区', '孚日广场', '沃日广场'],
		kind: 'neighbourhood',
		zoom: 15
	}),
	attraction('saint-germain-des-pres', {
		fr: 'Saint-Germain-des-Prés',
		zhHant: '聖日耳曼德佩',
		en: 'Saint-Germain-des-Prés',
		aliases: ['Saint-Germain', 'St Germain', '圣日耳曼', '圣日尔曼', '左岸', '圣日耳曼德普雷'],
		kind: 'neighbourhood',
		zoom: 15
	}),
	attraction('montmartre', {
		fr: 'Montmartre',
		zhHant: '蒙馬特高地',
		en: 'Montmartre',
		aliases: ['Montmartre', 'Place du Tertre', 'Butte Montmartre', '蒙马特', '蒙马儿', '小丘广场'],
		kind: 'neighbourhood',
		zoom: 15
	}),
	attraction('basilique-du-sacre-coeur', {
		fr: 'le Sacré-Cœur',
		zhHant: '聖心大教堂',
		en: 'Sacré-Cœur Basilica',
		aliases: ['Sacré-Cœur', 'Sacre Coeur', 'Basilique du Sacré-Cœur', '圣心堂', '圣心教堂']
	}),
	attraction('place-de-la-concorde', {
		fr: 'la place de la Concorde',
		zhHant: '協和廣場',
		en: 'Place de la Concorde',
		aliases: ['Concorde', '协和']
	}),
	attraction('les-invalides', {
		fr: 'les Invalides',
		zhHant: '榮軍院',
		en: 'Les Invalides',
		aliases: ['Invalides', 'Hôtel des Invalides', '荣军院', '残老军人院', '拿破仑墓']
	}),
	attraction('pantheon', {
		fr: 'le Panthéon',
		zhHant: '先賢祠',
		en: 'Panthéon',
		aliases: ['Pantheon', '万神殿', '先贤祠']
	}),
	attraction('jardin-du-luxembourg', {
		fr: 'le jardin du Luxembourg',
		zhHant: '盧森堡公園',
		en: 'Luxembourg Gardens',
		aliases: ['Luxembourg', 'Jardin du Luxembourg', '卢森堡花园', '卢森堡宫']
	}),
	attraction('quartier-asiatique', {
		fr: 'le quartier asiatique du 13ᵉ',
		zhHant: '巴黎十三區中國城',
		en: 'Chinatown (13th arrondissement)',
		aliases: [
			'Quartier asiatique',
			'Quartier chinois',
			'Chinatown',
			'Avenue de Choisy',
			'Tang Frères',
			'中国城',
			'唐人街',
			'华人区',
			'陈氏百货',
			'陈氏兄弟',
			'十三区中国城',
			'巴黎中国城'
		],
		kind: 'neighbourhood',
		zoom: 15
	}),
	attraction('la-defense', {
		fr: 'La Défense',
		zhHant: '拉德芳斯',
		en: 'La Défense',
		aliases: [
			'Défense',
			'Grande Arche',
			'Les Quatre Temps',
			'Westfield Les 4 Temps',
			'新凯旋门',
			'拉德方斯'
		],
		zoom: 15
	}),
	attraction('stade-de-france', {
		fr: 'le Stade de France',
		zhHant: '法蘭西體育場',
		en: 'Stade de France',
		aliases: ['Stade de France', '法兰西大球场', '法兰西球场'],
		zoom: 15
	}),
	attraction('chateau-de-versailles', {
		fr: 'le château de Versailles',
		zhHant: '凡爾賽宮',
		en: 'Palace of Versailles',
		aliases: ['Versailles', 'Château de Versailles', '凡尔赛', '凡尔赛宫殿'],
		zoom: 15
	}),
	attraction('chateau-de-fontainebleau', {
		fr: 'le château de Fontainebleau',
		zhHant: '楓丹白露宮',
		en: 'Palace of Fontainebleau',
		aliases: ['Fontainebleau', '枫丹白露', '枫丹白露城堡'],
		zoom: 15
	}),
	attraction('disneyland-paris', {
		fr: 'Disneyland Paris',
		zhHant: '巴黎迪士尼樂園',
		en: 'Disneyland Paris',
		aliases: [
			'Disneyland',
			'Disney',
			'Disney Village',
			'迪士尼',
			'迪斯尼',
			'迪士尼乐园',
			'巴黎迪斯尼',
			'迪士尼小镇'
		],
		zoom: 15
	}),
	attraction('la-vallee-village', {
		fr: 'La Vallée Village',
		zhHant: '河谷購物村',
		en: 'La Vallée Village',
		aliases: [
			'Vallée Village',
			'La Vallee Village',
			'outlet Val d’Europe',
			'河谷',
			'河谷奥特莱斯',
			'巴黎奥特莱斯',
			'名品购物村'
		],
		kind: 'department_store'
	})
];
