import { expect, test } from '@playwright/test';
import { mailsTo } from './mail';
import { logInAs } from './demo-accounts';

/**
 * Issue 12, last verified and the yearly reconfirmation: the demo merchants' shops were verified
 * 340 days ago, so the daily freshness job e-mails their owners at the server's start. The link
 * from the outbox confirms in one click, without signing in and without a cookie, and the public
 * page then shows today's date. A stale listing (verified more than a year ago) shows its
 * caution on its page and on its card.
 */
const OWNERS = [
	{
		lang: 'fr',
		email: 'boutique@cashless-paris.test',
		confirm: 'Oui, nous acceptons toujours Alipay',
		done: 'Merci, votre fiche est confirmée',
		view: 'Voir la fiche publique',
		intl: 'fr-FR',
		verified: (date: string) => `Dernière vérification : ${date}`
	},
	{
		lang: 'zh',
		email: 'hotel@cashless-paris.test',
		confirm: '是的，本店仍受理支付宝',
		done: '谢谢，已确认',
		view: '查看公开页面',
		intl: 'zh-CN',
		verified: (date: string) => `最后确认：${date}`
	}
] as const;

const todayIn = (intl: string) =>
	new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date());

for (const owner of OWNERS) {
	test(`the reconfirmation link from the outbox confirms in one click (${owner.lang})`, async ({
		browser
	}) => {
		let link = '';
		await expect
			.poll(async () => {
				const mail = (await mailsTo(owner.email)).find((m) => /\/reconfirm\//.test(m.text));
				link = mail?.text.match(/https?:\/\/\S+\/reconfirm\/[a-z0-9]+/)?.[0] ?? '';
				return link;
			})
			.toContain(`/${owner.lang}/reconfirm/`);

		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(new URL(link).pathname);
		// Opening the link changes nothing: one button does.
		const button = page.getByRole('button', { name: owner.confirm, exact: true });
		await expect(button).toBeVisible();
		await page.screenshot({
			path: `screenshots/${owner.lang}-reconfirm-phone.png`,
			fullPage: true
		});
		await button.click();
		await expect(page.getByRole('heading', { name: owner.done, exact: true })).toBeVisible();
		await expect(page.getByTestId('reconfirmed-on')).toHaveText(
			owner.verified(todayIn(owner.intl))
		);
		await page.getByRole('link', { name: owner.view, exact: true }).click();
		await expect(page.getByTestId('last-verified').locator('strong')).toHaveText(
			owner.verified(todayIn(owner.intl))
		);
		await expect(page.getByTestId('stale-caution')).toHaveCount(0);
		await page.screenshot({
			path: `screenshots/${owner.lang}-merchant-verified-phone.png`,
			fullPage: true
		});
		expect(await context.cookies()).toEqual([]);

		// Single use: the same link now says it was used.
		await page.goto(new URL(link).pathname);
		await expect(page.getByRole('button', { name: owner.confirm, exact: true })).toHaveCount(0);
		await context.close();
	});
}

test('a stale listing shows its caution on its page and its card, in zh and fr', async ({
	browser,
	page
}) => {
	await logInAs(page, 'official');
	await page.goto('/fr/admin/freshness?state=stale');
	const row = page.getByTestId('freshness-row').first();
	await expect(row).toHaveAttribute('data-state', 'stale');
	await page.screenshot({ path: 'screenshots/fr-admin-freshness.png', fullPage: true });
	const link = row.locator('th a');
	const id = (await link.getAttribute('href'))!.match(/\/admin\/merchants\/(\d+)/)![1];
	const name = await link.innerText();
	await link.click();
	await expect(page.getByTestId('admin-last-verified')).toBeVisible();
	await expect(
		page.getByRole('button', { name: '✓ Confirmer la vérification', exact: true })
	).toBeVisible();
	await page.screenshot({ path: 'screenshots/fr-admin-merchant-verification.png', fullPage: true });

	const tourist = await browser.newContext();
	const phone = await tourist.newPage();
	const caution = {
		zh: '超过一年未确认，付款前请向店员确认',
		fr: "Non vérifié depuis plus d'un an : demandez au personnel avant de payer."
	};
	for (const lang of ['zh', 'fr'] as const) {
		await phone.goto(`/${lang}/merchants/${id}`);
		await expect(phone.getByTestId('stale-caution')).toHaveText(caution[lang]);
		await phone.screenshot({
			path: `screenshots/${lang}-merchant-stale-phone.png`,
			fullPage: true
		});
		await phone.goto(`/${lang}?q=${encodeURIComponent(name)}`);
		const card = phone.locator(`article[data-listing-id="${id}"]`).first();
		await expect(card.getByTestId('stale-caution')).toHaveText(caution[lang]);
		await expect(card.getByTestId('verified-ago')).toHaveText(
			lang === 'zh' ? /^1 年前确认$/ : /^vérifié il y a 1 an$/
		);
		await card.scrollIntoViewIfNeeded();
		await phone.screenshot({ path: `screenshots/${lang}-card-stale-phone.png` });
	}
	expect(await tourist.cookies()).toEqual([]);
	await tourist.close();
});
