/**
 * The page the service worker answers with when a public page was never saved and the network
 * is out of reach. It is self-contained (inline style, no script but a reload button) because
 * nothing else can be fetched, and it lists the pages that are saved in the same language.
 */
import { htmlLang } from '$lib/i18n/format';
// Straight from the catalogues rather than through paraglide's functions: those would bring the
// whole paraglide runtime (about 25 kB) into the service worker for five plain strings. Named
// imports, so that only these strings are bundled.
import {
	site_name as zhSiteName,
	offline_page_title as zhTitle,
	offline_page_body as zhBody,
	offline_reload as zhReload,
	offline_saved_pages as zhSavedPages
} from '../../../messages/zh.json';
import {
	site_name as frSiteName,
	offline_page_title as frTitle,
	offline_page_body as frBody,
	offline_reload as frReload,
	offline_saved_pages as frSavedPages
} from '../../../messages/fr.json';

type Locale = 'zh' | 'fr';

const MESSAGES = {
	zh: {
		siteName: zhSiteName,
		title: zhTitle,
		body: zhBody,
		reload: zhReload,
		savedPages: zhSavedPages
	},
	fr: {
		siteName: frSiteName,
		title: frTitle,
		body: frBody,
		reload: frReload,
		savedPages: frSavedPages
	}
};

export interface SavedPage {
	url: string;
	/** The page's <title>, as escaped by the server. */
	title: string;
}

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Titles read from saved HTML come escaped by the server: decode, to escape exactly once. */
const decodeEntities = (text: string) =>
	text.replace(/&(amp|lt|gt|quot|#39);/g, (entity, name: string) => ENTITIES[name] ?? entity);

export function offlinePageHtml(locale: Locale, saved: SavedPage[]): string {
	const t = MESSAGES[locale];
	const siteName = t.siteName;
	const site = escapeHtml(siteName);
	// "Pharmacie X · 无现金巴黎" → "Pharmacie X": every saved page is on this site.
	const shortTitle = (t: string) =>
		t.endsWith(` · ${siteName}`) ? t.slice(0, -` · ${siteName}`.length) : t;
	const title = escapeHtml(t.title);
	const list = saved.length
		? `<h2>${escapeHtml(t.savedPages)}</h2>
		<ul>${saved
			.map(
				(p) =>
					`<li><a href="${escapeHtml(p.url)}">${escapeHtml(shortTitle(decodeEntities(p.title)))}</a></li>`
			)
			.join('')}</ul>`
		: '';
	return `<!doctype html>
<html lang="${htmlLang(locale)}" data-offline-page="">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b63ce">
<meta name="robots" content="noindex">
<title>${title} · ${site}</title>
<style>
:root{color-scheme:light;--accent:#0b63ce;--text:#1c2430;--muted:#56606e;--border:#dde1e7}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;background:#f6f7f9;color:var(--text);line-height:1.6;font-family:system-ui,-apple-system,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',Roboto,'Helvetica Neue',Arial,sans-serif}
header{background:#fff;border-bottom:1px solid var(--border)}
.bar,main{max-width:640px;margin:0 auto;padding:0 16px}
.bar{display:flex;align-items:center;min-height:60px}
.brand{display:inline-flex;align-items:center;gap:10px;min-height:44px;color:var(--text);text-decoration:none;font-weight:700;font-size:1.15rem}
.logo{display:inline-grid;place-items:center;width:34px;height:34px;border-radius:10px;background:var(--accent);color:#fff}
main{padding-top:40px;padding-bottom:40px}
.icon{display:grid;place-items:center;width:64px;height:64px;border-radius:20px;background:#e7f0fc;color:var(--accent);margin-bottom:16px}
h1{font-size:1.4rem;line-height:1.3;margin:0 0 8px}
p{margin:0 0 20px;color:var(--muted)}
button{min-height:48px;padding:0 22px;border:0;border-radius:999px;background:var(--accent);color:#fff;font:inherit;font-weight:600;cursor:pointer}
h2{font-size:1rem;color:var(--muted);margin:36px 0 8px}
ul{list-style:none;margin:0;padding:0;background:#fff;border:1px solid var(--border);border-radius:14px;overflow:hidden}
li+li{border-top:1px solid var(--border)}
li a{display:flex;align-items:center;min-height:52px;padding:8px 16px;color:var(--text);text-decoration:none;font-weight:600}
li a::after{content:'›';margin-left:auto;padding-left:12px;color:var(--muted);font-size:1.3rem}
a:focus-visible,button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
</style>
</head>
<body>
<header><div class="bar"><a class="brand" href="/${locale}"><span class="logo" aria-hidden="true">¥</span>${site}</a></div></header>
<main>
<div class="icon" aria-hidden="true"><svg width="34" height="34" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M3 3l18 18"/><path d="M8.5 8.6A5.5 5.5 0 0 0 6 13a4 4 0 0 0 1 7.9h10.2"/><path d="M20.3 17.7A4 4 0 0 0 18 10.1h-.5A6.5 6.5 0 0 0 10.9 5"/></svg></div>
<h1>${title}</h1>
<p>${escapeHtml(t.body)}</p>
<button type="button" onclick="location.reload()">${escapeHtml(t.reload)}</button>
${list}
</main>
</body>
</html>`;
}
