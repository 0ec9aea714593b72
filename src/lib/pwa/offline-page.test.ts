import { describe, expect, it } from 'vitest';
import { offlinePageHtml } from './offline-page';

describe('offline page', () => {
	it('says the page was not saved, in its language, and lists the saved pages', () => {
		const html = offlinePageHtml('zh', [
			{ url: '/zh/merchants/1-cafe', title: 'Café &amp; Thé · 可用支付宝 · 无现金巴黎' },
			{ url: '/zh?q="x"', title: '无现金巴黎 · 支付宝商户地图' }
		]);
		expect(html).toContain('<html lang="zh-Hans"');
		expect(html).toContain('此页面暂无离线版本');
		expect(html).toContain('已保存的页面');
		expect(html).toContain('<a href="/zh/merchants/1-cafe">Café &amp; Thé · 可用支付宝</a>');
		expect(html).toContain('<a href="/zh?q=&quot;x&quot;">无现金巴黎 · 支付宝商户地图</a>');
	});

	it('has no list when nothing is saved', () => {
		const html = offlinePageHtml('fr', []);
		expect(html).toContain('<html lang="fr"');
		expect(html).toContain('Page non disponible hors ligne');
		expect(html).not.toContain('<ul>');
	});
});
