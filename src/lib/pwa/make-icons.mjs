// `npm run icons`: the app icons in static/icons/ (web manifest, apple-touch-icon), drawn from
// the site's mark, src/lib/assets/favicon.svg (a white ¥ on a #0b63ce rounded square), by
// Chromium through Playwright (already a dev dependency for the end-to-end tests).
//   icon-{192,512}.png           the mark as it is (transparent corners)
//   icon-maskable-{192,512}.png  square, full bleed, the ¥ inside the central safe circle
//   apple-touch-icon.png         180×180, square and opaque (iOS rounds the corners itself)
import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { chromium } from 'playwright';

const root = new URL('../../../', import.meta.url);
const mark = readFileSync(new URL('src/lib/assets/favicon.svg', root), 'utf8');
const glyph = /<g id="glyph"[\s\S]*?<\/g>/.exec(mark)?.[0];
const color = /id="tile"[^>]*fill="(#[0-9a-f]{6})"/i.exec(mark)?.[1];
if (!glyph || !color)
	throw new Error('favicon.svg: expected <rect id="tile" fill=…> and <g id="glyph">');

/** The mark drawn on a full square, the ¥ scaled by `scale` around the centre. */
const fullBleed = (scale) =>
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${color}"/>` +
	`<g transform="translate(32 32) scale(${scale}) translate(-32 -32)">${glyph}</g></svg>`;

const ICONS = [
	{ file: 'icon-192.png', size: 192, svg: mark },
	{ file: 'icon-512.png', size: 512, svg: mark },
	// Maskable: everything that matters within the circle of 40 % radius (80 % diameter).
	{ file: 'icon-maskable-192.png', size: 192, svg: fullBleed(0.78) },
	{ file: 'icon-maskable-512.png', size: 512, svg: fullBleed(0.78) },
	{ file: 'apple-touch-icon.png', size: 180, svg: fullBleed(0.92) }
];

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({
	executablePath: existsSync(executablePath) ? executablePath : undefined,
	args: ['--no-sandbox']
});
const outDir = new URL('static/icons/', root);
mkdirSync(outDir, { recursive: true });
try {
	for (const { file, size, svg } of ICONS) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		const sized = svg
			.replace('<svg ', `<svg width="${size}" height="${size}" `)
			.replace(/ width="64" height="64"(?= viewBox)/, '');
		await page.setContent(
			`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`
		);
		await page.screenshot({
			path: new URL(file, outDir).pathname,
			omitBackground: true,
			clip: { x: 0, y: 0, width: size, height: size }
		});
		await page.close();
		console.log(`static/icons/${file} (${size}×${size})`);
	}
} finally {
	await browser.close();
}
