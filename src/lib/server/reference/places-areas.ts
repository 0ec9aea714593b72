/**
 * Places, part 3: airports, stations, neighbourhoods and the twenty arrondissements of Paris.
 * See places.ts for the fields and the sources.
 */
import type { Place } from './places';
import { attraction, place } from './place-builders';

export const TRANSPORT: Place[] = [
	attraction('aeroport-paris-charles-de-gaulle', {
		zoom: 14,
		fr: "l'aéroport Charles-de-Gaulle",
		zhHant: '戴高樂機場',
		en: 'Paris-Charles de Gaulle Airport',
		aliases: [
			'CDG',
			'Roissy',
			'Roissy-CDG',
			'Roissy Charles de Gaulle',
			'Charles de Gaulle',
			'Charles-de-Gaulle airport',
			'戴高乐',
			'巴黎戴高乐机场',
			'戴高乐国际机场',
			'鲁瓦西机场',
			'戴高樂國際機場'
		]
	}),
	attraction('aeroport-paris-orly', {
		zoom: 14,
		fr: "l'aéroport d'Orly",
		zhHant: '奧利機場',
		en: 'Paris-Orly Airport',
		aliases: ['Orly', 'ORY', 'Aéroport d’Orly', '巴黎奥利机场', '奥利', '奥利国际机场']
	}),
	place('cdg-terminal-1', 'airport', '戴高乐机场1号航站楼', [49.0141, 2.5416], {
		fr: "l'aéroport CDG, terminal 1",
		zhHant: '戴高樂機場第一航廈',
		en: 'CDG Terminal 1',
		aliases: [
			'CDG T1',
			'CDG terminal 1',
			'Roissy T1',
			'T1',
			'戴高乐T1',
			'戴高乐1号航站楼',
			'戴高乐机场T1',
			'一号航站楼'
		],
		osm: 'Aéroport Charles de Gaulle Terminal 1'
	}),
	place('cdg-terminal-2e', 'airport', '戴高乐机场2E航站楼', [49.004, 2.571], {
		fr: "l'aéroport CDG, terminal 2E",
		zhHant: '戴高樂機場第二航廈',
		en: 'CDG Terminal 2E',
		aliases: [
			'CDG T2',
			'CDG 2E',
			'CDG terminal 2',
			'Roissy T2',
			'T2',
			'T2E',
			'戴高乐T2',
			'戴高乐2号航站楼',
			'戴高乐机场T2',
			'二号航站楼',
			'戴高乐机场2号航站楼'
		],
		osm: 'Aéroport Charles de Gaulle Terminal 2E'
	}),
	place('gare-du-nord', 'station', '巴黎北站', [48.8809, 2.3553], {
		fr: 'la gare du Nord',
		zhHant: '巴黎北站',
		en: 'Gare du Nord',
		aliases: ['Gare du Nord', 'Paris Nord', '北站', '北火车站', '巴黎北火车站'],
		osm: 'Gare du Nord'
	}),
	place('gare-de-l-est', 'station', '巴黎东站', [48.8768, 2.3592], {
		fr: "la gare de l'Est",
		zhHant: '巴黎東站',
		en: 'Gare de l’Est',
		aliases: ["Gare de l'Est", 'Paris Est', '东站', '东火车站'],
		osm: "Gare de l'Est"
	}),
	place('gare-de-lyon', 'station', '巴黎里昂站', [48.8443, 2.3744], {
		fr: 'la gare de Lyon',
		zhHant: '巴黎里昂站',
		en: 'Gare de Lyon',
		aliases: ['Gare de Lyon', 'Paris Gare de Lyon', '里昂火车站', '里昂站', '巴黎里昂火车站'],
		osm: 'Gare de Lyon'
	}),
	place('gare-montparnasse', 'station', '蒙帕纳斯车站', [48.8412, 2.3205], {
		fr: 'la gare Montparnasse',
		zhHant: '蒙帕納斯車站',
		en: 'Gare Montparnasse',
		aliases: [
			'Gare Montparnasse',
			'Montparnasse',
			'Paris Montparnasse',
			'蒙帕纳斯火车站',
			'蒙帕纳斯站'
		],
		osm: 'Gare Montparnasse'
	}),
	place('gare-saint-lazare', 'station', '圣拉扎尔车站', [48.8763, 2.3254], {
		fr: 'la gare Saint-Lazare',
		zhHant: '聖拉扎爾車站',
		en: 'Gare Saint-Lazare',
		aliases: [
			'Gare Saint-Lazare',
			'Saint-Lazare',
			'St Lazare',
			'圣拉扎尔',
			'圣拉扎尔火车站',
			'圣拉查车站'
		],
		osm: 'Gare Saint-Lazare'
	}),
	place('gare-d-austerlitz', 'station', '奥斯特里茨车站', [48.842, 2.365], {
		fr: "la gare d'Austerlitz",
		zhHant: '奧斯特里茨車站',
		en: 'Gare d’Austerlitz',
		aliases: ["Gare d'Austerlitz", 'Austerlitz', '奥斯特里茨', '奥斯特利茨车站'],
		osm: "Gare d'Austerlitz"
	}),
	place('chatelet-les-halles', 'station', '夏特雷-大堂', [48.862, 2.347], {
		fr: 'Châtelet-Les Halles',
		zhHant: '夏特雷-大堂',
		en: 'Châtelet–Les Halles',
		aliases: [
			'Châtelet',
			'Les Halles',
			'Forum des Halles',
			'Westfield Forum des Halles',
			'巴黎大堂',
			'夏特雷',
			'沙特莱',
			'沙特莱大堂',
			'巴黎大堂购物中心'
		],
		osm: 'Châtelet-Les Halles'
	}),
	place('marne-la-vallee-chessy', 'station', '马恩河谷-谢西站', [48.8705, 2.7828], {
		fr: 'la gare de Marne-la-Vallée–Chessy',
		zhHant: '馬恩河谷-謝西站',
		en: 'Marne-la-Vallée–Chessy station',
		aliases: [
			'Marne-la-Vallée',
			'Chessy',
			'Marne la Vallée Chessy',
			'马恩河谷站',
			'谢西站',
			'迪士尼站',
			'马恩拉瓦雷'
		],
		osm: 'Gare de Marne-la-Vallée - Chessy'
	})
];

export const NEIGHBOURHOODS: Place[] = [
	place('belleville', 'neighbourhood', '美丽城', [48.8722, 2.3768], {
		fr: 'Belleville',
		zhHant: '美麗城',
		en: 'Belleville',
		aliases: ['Belleville', '美丽城中国城', '巴黎美丽城'],
		osm: 'Belleville, Paris',
		zoom: 15
	}),
	place('place-de-la-republique', 'neighbourhood', '共和国广场', [48.8676, 2.3631], {
		fr: 'la place de la République',
		zhHant: '共和國廣場',
		en: 'Place de la République',
		aliases: ['République', 'Republique', '共和广场'],
		osm: 'Place de la République, Paris'
	}),
	place('canal-saint-martin', 'neighbourhood', '圣马丁运河', [48.8716, 2.3649], {
		fr: 'le canal Saint-Martin',
		zhHant: '聖馬丁運河',
		en: 'Canal Saint-Martin',
		aliases: ['Canal Saint-Martin', 'Saint-Martin', '圣马丁'],
		osm: 'Canal Saint-Martin',
		zoom: 15
	}),
	place('quartier-latin', 'neighbourhood', '拉丁区', [48.8488, 2.343], {
		fr: 'le Quartier latin',
		zhHant: '拉丁區',
		en: 'Latin Quarter',
		aliases: ['Quartier latin', 'Sorbonne', 'Saint-Michel', '索邦', '圣米歇尔', '拉丁区索邦'],
		osm: 'Quartier Latin, Paris',
		zoom: 15
	}),
	place('rue-sainte-anne', 'neighbourhood', '圣安娜街', [48.866, 2.3356], {
		fr: 'la rue Sainte-Anne',
		zhHant: '聖安娜街',
		en: 'Rue Sainte-Anne (Little Tokyo)',
		aliases: ['Rue Sainte-Anne', 'Sainte-Anne', 'Little Tokyo', '日本街', '小东京', '韩国街'],
		osm: 'Rue Sainte-Anne, Paris'
	})
];

/** Town halls of the arrondissements (glossary, approximate). */
const ARRONDISSEMENT_HALLS: [number, number][] = [
	[48.8597, 2.341],
	[48.8668, 2.3406],
	[48.863, 2.3601],
	[48.8562, 2.3554],
	[48.8462, 2.3441],
	[48.8509, 2.3326],
	[48.8567, 2.3199],
	[48.8769, 2.3178],
	[48.8723, 2.3401],
	[48.8717, 2.3574],
	[48.8573, 2.3795],
	[48.8404, 2.3881],
	[48.8315, 2.3557],
	[48.8331, 2.3265],
	[48.8413, 2.3],
	[48.8636, 2.2762],
	[48.8843, 2.3221],
	[48.8924, 2.3444],
	[48.8828, 2.3822],
	[48.8651, 2.3989]
];

const HANS_NUMERALS = [
	'一',
	'二',
	'三',
	'四',
	'五',
	'六',
	'七',
	'八',
	'九',
	'十',
	'十一',
	'十二',
	'十三',
	'十四',
	'十五',
	'十六',
	'十七',
	'十八',
	'十九',
	'二十'
];

/** Paris's arrondissements: 巴黎第一区 / 巴黎1区 / 1区 / 1er / 75001 … */
export const ARRONDISSEMENTS: Place[] = ARRONDISSEMENT_HALLS.map(([lat, lon], i) => {
	const n = i + 1;
	const zh = HANS_NUMERALS[i];
	const fr = n === 1 ? '1er' : `${n}e`;
	const postcode = `750${String(n).padStart(2, '0')}`;
	return {
		slug: `paris-${String(n).padStart(2, '0')}`,
		kind: 'arrondissement',
		fr: `le ${n === 1 ? '1ᵉʳ' : `${n}ᵉ`} arrondissement`,
		zhHans: `巴黎第${zh}区`,
		zhHant: `巴黎第${zh}區`,
		en: `Paris ${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'} arrondissement`,
		aliases: [
			`巴黎第${n}区`,
			`巴黎${n}区`,
			`巴黎${zh}区`,
			`${n}区`,
			`第${n}区`,
			`${zh}区`,
			`第${zh}区`,
			postcode,
			`Paris ${n}`,
			`Paris ${fr}`,
			`${fr} arrondissement`,
			`${n}ème arrondissement`,
			`${n}ème`,
			...(n === 1 ? [] : [`${fr}`])
		],
		lat,
		lon,
		zoom: 15,
		source: `https://www.openstreetmap.org/search?query=${encodeURIComponent(`Mairie du ${fr} arrondissement de Paris`)}`
	};
});
