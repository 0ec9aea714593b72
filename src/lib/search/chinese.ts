/**
 * Chinese as visitors type it: traditional characters (Hong Kong, Taiwan) folded into
 * simplified ones, and the toneless pinyin of a Chinese text, so that 羅浮宮, 罗浮宫 and
 * lufugong all reach the same words. Both come from maintained converters (OpenCC's
 * dictionaries through opencc-js, pinyin-pro's dictionary), not hand-made tables.
 */
import { Converter } from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
const fromHongKong = Converter({ from: 'hk', to: 'cn' });
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** The text with traditional Chinese characters made simplified; anything else unchanged. */
export function toSimplified(text: string): string {
	return HAN.test(text) ? fromHongKong(fromTaiwan(text)) : text;
}

/**
 * Toneless pinyin of each run of Chinese characters, syllables joined (卢浮宫 → lufugong);
 * 'ü' is written 'v' as on a keyboard. Non-Chinese text gives nothing.
 */
export function pinyinWords(text: string): string[] {
	return [...toSimplified(text).matchAll(HAN_RUN)].map((m) =>
		pinyin(m[0], { toneType: 'none', type: 'array', v: true }).join('')
	);
}
