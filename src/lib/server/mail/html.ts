/**
 * The HTML part of an e-mail: the plain text, escaped, in paragraphs, with its links clickable,
 * under the site's name. Inline styles only (mail clients drop style sheets).
 */
const SITE_NAME = { zh: '无现金巴黎', fr: 'Paris sans espèces' } as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function paragraph(text: string): string {
	const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
	const html = parts
		.map((part, i) =>
			i % 2 === 1
				? `<a href="${escape(part)}" style="color:#1677ff;word-break:break-all">${escape(part)}</a>`
				: escape(part)
		)
		.join('')
		.replace(/\n/g, '<br>');
	return `<p style="margin:0 0 16px">${html}</p>`;
}

export function mailHtml(locale: 'zh' | 'fr', subject: string, text: string): string {
	const body = text
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map(paragraph)
		.join('\n');
	return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-Hans' : 'fr'}">
<head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f7fa;font-family:-apple-system,'PingFang SC','Noto Sans CJK SC','Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.6;color:#1f2933">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:12px;padding:24px">
<div style="font-weight:700;font-size:18px;color:#1677ff;margin-bottom:16px">${SITE_NAME[locale]}</div>
${body}
</div>
</body>
</html>`;
}
