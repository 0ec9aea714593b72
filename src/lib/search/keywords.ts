/**
 * The words a query may hold besides names and places: categories, kinds of shop, the
 * tax-refund and Chinese-staff features, wallets, and filler words, indexed once.
 */
import type { Category, PaymentMethod } from '../merchants/vocabulary';

/**
 * Words people type for each category, in Chinese and French (plus a few English words
 * tourists use). Stored in natural spelling; they are normalised when the index is built.
 * Longer phrases win over shorter ones, so '面包' (bread) is a bakery, not '包' (bag), and
 * 'restaurant chinois' is a restaurant, not a request for Chinese-speaking staff.
 */
export const CATEGORY_KEYWORDS: Record<Category, string[]> = {
	cosmetics_pharmacy: ['药妆', '药妆店', '护肤', '护肤品', 'parapharmacie'],
	department_store: [
		'百货',
		'百货商场',
		'商场',
		'百货公司',
		'购物中心',
		'奥特莱斯',
		'购物村',
		'grand magasin',
		'galeries',
		'centre commercial',
		'outlet',
		'department store',
		'mall'
	],
	luxury_fashion: [
		'奢侈品',
		'名牌',
		'时装',
		'服装',
		'衣服',
		'手表',
		'luxe',
		'mode',
		'horlogerie',
		'montres',
		'vêtements',
		'luxury',
		'fashion'
	],
	food_wine: [
		'香槟',
		'食品',
		'奶酪',
		'超市',
		'零食',
		'épicerie',
		'épicerie fine',
		'champagne',
		'fromage',
		'fromagerie',
		'supermarché',
		'supermarket'
	],
	restaurant_cafe: [
		'餐厅',
		'饭店',
		'餐馆',
		'中餐',
		'中餐厅',
		'法餐',
		'吃饭',
		'美食',
		'包子',
		'restaurant',
		'restaurant chinois',
		'traiteur chinois',
		'brasserie',
		'bistrot',
		'salon de thé'
	],
	hotel: ['酒店', '宾馆', '住宿', '旅馆', '民宿', 'hôtel', 'hébergement'],
	museum_attraction: [
		'博物馆',
		'美术馆',
		'景点',
		'景区',
		'门票',
		'展览',
		'musée',
		'monument',
		'visite',
		'exposition',
		'museum',
		'tickets'
	],
	kids_baby: [
		'母婴',
		'奶粉',
		'儿童',
		'婴儿',
		'宝宝',
		'童装',
		'玩具',
		'enfant',
		'bébé',
		'jouets',
		'puériculture',
		'kids',
		'baby',
		'toys'
	],
	electronics: [
		'数码',
		'电器',
		'电子产品',
		'手机',
		'相机',
		'电脑',
		'électronique',
		'téléphone',
		'téléphonie',
		'informatique',
		'appareil photo',
		'electronics',
		'phone',
		'camera'
	],
	souvenirs: ['纪念品', '礼品', '礼物', '特产', '伴手礼', 'souvenir', 'cadeaux', 'gifts'],
	services: [
		'换汇',
		'换钱',
		'兑换',
		'货币兑换',
		'洗衣',
		'洗衣店',
		'理发',
		'美发',
		'服务',
		'生活服务',
		'change',
		'bureau de change',
		'laverie',
		'pressing',
		'coiffeur',
		'coiffure',
		'services',
		'laundry'
	]
};

/** Words for the tax-refund and Chinese-speaking-staff filters. */
export const FEATURE_KEYWORDS = {
	taxFree: ['退税', '免税', '可退税', 'détaxe', 'tax free', 'tax-free', 'duty free'],
	chineseStaff: ['中文', '中文服务', '会说中文', '说中文', '讲中文', 'chinois', 'parle chinois']
} as const satisfies Record<string, readonly string[]>;

/** Words for each wallet; 'alipay+' survives normalisation as its own token. */
export const PAYMENT_KEYWORDS: Record<PaymentMethod, string[]> = {
	alipay: ['支付宝', 'alipay'],
	wechat_pay: ['微信', '微信支付', 'wechat', 'wechat pay', 'weixin'],
	unionpay: ['银联', '银联卡', 'unionpay', 'union pay'],
	alipay_plus: ['alipay+', 'alipay plus']
};

/**
 * Filler words that carry no place or name information ('附近的', 'près de moi'): dropped from
 * `rest` so that they do not make every merchant fail to match.
 */
export const STOPWORDS = [
	'附近',
	'周边',
	'周围',
	'最近',
	'哪里',
	'哪儿',
	'哪家',
	'在哪',
	'在哪里',
	'有没有',
	'可以',
	'能用',
	'支持',
	'接受',
	'使用',
	'付款',
	'支付',
	'推荐',
	'商店',
	'店铺',
	'门店',
	'商家',
	'商户',
	'一下',
	'的',
	'了',
	'吗',
	'呢',
	'有',
	'在',
	'我',
	'想',
	'要',
	'找',
	'买',
	'用',
	'能',
	'可',
	'店',
	'和',
	'a',
	'à',
	'au',
	'aux',
	'avec',
	'd',
	'de',
	'des',
	'du',
	'en',
	'et',
	'l',
	'la',
	'le',
	'les',
	'ou',
	'pour',
	'près',
	'proche',
	'autour',
	'moi',
	'accepte',
	'acceptant',
	'payer',
	'paiement',
	'the',
	'near',
	'me',
	'shop',
	'store'
];

/**
 * Kinds of shop inside a category, for ranking: a query word of a kind ('药店') puts the
 * listings whose name says that kind ('Pharmacie …', '…药房') before the rest of the category
 * (a perfumery is also cosmetics_pharmacy, but not what someone typing 药店 wants).
 * `query`: words that ask for the kind (each is also a keyword of `category`);
 * `name`: words that, at the start of a word of a listing's name, make it that kind.
 */
export const SHOP_KINDS = {
	pharmacy: {
		category: 'cosmetics_pharmacy',
		query: ['药店', '药房', '买药', '药品', 'pharmacie', 'pharmacy'],
		name: ['pharmacie', 'pharmacy', '药房', '药店']
	},
	perfumery: {
		category: 'cosmetics_pharmacy',
		query: ['香水', 'parfumerie', 'parfum', 'perfume'],
		name: ['parfumerie', 'parfum', '香水']
	},
	beauty: {
		category: 'cosmetics_pharmacy',
		query: ['化妆品', '化妆', '美妆', '彩妆', 'cosmétique', 'maquillage', 'beauté', 'cosmetics'],
		name: ['beauté', 'cosmétique', '美妆', '化妆']
	},
	bakery: {
		category: 'restaurant_cafe',
		query: ['面包', '面包店', '甜品', 'boulangerie', 'pâtisserie', 'bakery'],
		name: ['boulangerie', 'pâtisserie', '面包', '甜品']
	},
	cafe: {
		category: 'restaurant_cafe',
		query: ['咖啡', '咖啡馆', '咖啡厅', 'café', 'coffee'],
		name: ['café', 'coffee', '咖啡']
	},
	wine: {
		category: 'food_wine',
		query: ['红酒', '葡萄酒', 'vin', 'cave', 'caviste', 'wine'],
		name: ['cave', 'vins', '红酒', '葡萄酒']
	},
	chocolate: {
		category: 'food_wine',
		query: ['巧克力', 'chocolat', 'chocolatier', 'chocolate'],
		name: ['chocolat', 'chocolaterie', '巧克力']
	},
	jewellery: {
		category: 'luxury_fashion',
		query: ['珠宝', '首饰', 'bijouterie', 'joaillerie'],
		name: ['joaillerie', 'bijouterie', '珠宝', '首饰']
	},
	leather: {
		category: 'luxury_fashion',
		query: ['包', '包包', '钱包', 'maroquinerie', 'sac'],
		name: ['maroquinerie', '皮具', '箱包']
	}
} as const satisfies Record<
	string,
	{ category: Category; query: readonly string[]; name: readonly string[] }
>;

export type ShopKind = keyof typeof SHOP_KINDS;
