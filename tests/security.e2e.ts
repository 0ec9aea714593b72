import { expect, test, type APIRequestContext, type Page, type Response } from '@playwright/test';
import { serveTestBasemap, expectMapReady } from './basemap';
import { logInAs } from './demo-accounts';

/**
 * Issue 15: security headers and a Content-Security-Policy that the site's own pages respect
 * (maps included), the login's `next` that never leaves the site, control characters answered
 * 400 rather than 500.
 */

/** Every CSP violation the page reports: console "Refused to …" lines and violation events. */
async function watchPolicy(page: Page) {
	const refused: string[] = [];
	page.on('console', (message) => {
		if (/Refused to|Content Security Policy/i.test(message.text())) refused.push(message.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		Object.assign(window, { __policyViolations: seen });
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	return async () => [
		...refused,
		...(await page.evaluate(
			() => (window as unknown as { __policyViolations: string[] }).__policyViolations
		))
	];
}

function expectSecurityHeaders(response: Response | null) {
	expect(response?.status()).toBe(200);
	const headers = response!.headers();
	const policy = headers['content-security-policy'];
	const scripts = policy.split(';').find((d) => d.trim().startsWith('script-src'))!;
	// The hash of the page's own inline script (not a nonce, so a page can be revalidated).
	expect(scripts).toMatch(/'sha256-[^']+'/);
	expect(scripts).not.toContain('unsafe-inline');
	expect(policy).toContain("frame-ancestors 'none'");
	expect(policy).toContain("object-src 'none'");
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['permissions-policy']).toContain('geolocation=(self)');
	// The e2e server's ORIGIN is http: no HSTS (it would pin a plain-http host to https).
	expect(headers['strict-transport-security']).toBeUndefined();
}

async function merchantPath(request: APIRequestContext): Promise<string> {
	const response = await request.get('/api/list?bbox=2.25,48.83,2.42,48.9&q=pharmacie');
	const { items } = (await response.json()) as { items: { id: number; slug: string }[] };
	return `/fr/merchants/${items[0].id}-${items[0].slug}`;
}

test.describe('security headers, and no CSP violation on the site’s own pages', () => {
	test('the map, with its basemap', async ({ page }) => {
		const violations = await watchPolicy(page);
		await serveTestBasemap(page);
		expectSecurityHeaders(await page.goto('/zh'));
		await expectMapReady(page.locator('.map'));
		await expect(page.locator('.map-cluster, .map-pin').first()).toBeVisible();
		expect(await violations()).toEqual([]);
	});

	test('a merchant page, with its small map', async ({ page, request }) => {
		const violations = await watchPolicy(page);
		await serveTestBasemap(page);
		expectSecurityHeaders(await page.goto(await merchantPath(request)));
		// The small map loads when asked for.
		await page.getByTestId('mini-map').getByRole('button').click();
		await expectMapReady(page.getByTestId('mini-map').locator('.map'));
		expect(await violations()).toEqual([]);
	});

	test('login, and the admin metrics page with its two maps', async ({ page }) => {
		const violations = await watchPolicy(page);
		await serveTestBasemap(page);
		expectSecurityHeaders(await page.goto('/fr/login'));
		await logInAs(page, 'admin');
		expectSecurityHeaders(await page.goto('/fr/admin/metrics'));
		// The density map is folded with its table: it loads when opened.
		await page.locator('details[data-folded=density] summary').click();
		for (const section of ['#geography', '#coverage']) {
			const map = page.locator(`${section} .map`);
			await map.scrollIntoViewIfNeeded();
			await expectMapReady(map);
		}
		expect(await violations()).toEqual([]);
	});

	test('endpoints get the headers too, without a page policy', async ({ request }) => {
		const response = await request.get('/api/list?bbox=2.25,48.83,2.42,48.9');
		expect(response.status()).toBe(200);
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		expect(response.headers()['content-security-policy']).toBeUndefined();
	});
});

test.describe('after login, `next` stays on the site', () => {
	async function logInFrom(page: Page, path: string) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await page.locator('input[name=email]').fill('boutique@cashless-paris.test');
		await page.locator('input[name=password]').fill('demo-boutique-2026');
		await page.locator('main form button[type=submit]').click();
	}

	for (const next of ['%2F%5Cevil.example', '%2F%2Fevil.example', '%2F.%2F%2Fevil.example']) {
		test(`next=${next} lands in the merchant space`, async ({ page, baseURL }) => {
			await logInFrom(page, `/fr/login?next=${next}`);
			await expect(page).toHaveURL(`${baseURL}/fr/merchant`);
		});
	}

	test('U+3000 in next: no 500, the page asked for', async ({ page, baseURL }) => {
		await logInFrom(page, '/fr/login?next=%2Ffr%2Faccount%3Fx%3D%E3%80%80');
		await expect(page).toHaveURL(`${baseURL}/fr/account?x=%E3%80%80`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon compte');
	});

	test('a tab, CR or LF in next (as in /\\t/evil.example) is refused outright', async ({
		request
	}) => {
		for (const next of ['%2F%09%2Fevil.example', '%2Ffr%0D%0AX-Evil%3A%201', '%2F%0A%2Fevil']) {
			const response = await request.get(`/fr/login?next=${next}`, { maxRedirects: 0 });
			expect(response.status(), next).toBe(400);
		}
	});
});

test('a control character in the address is a 400, never a 500', async ({ request }) => {
	for (const path of [
		'/fr/merchants/%00',
		'/fr/merchants/12-caf%C3%A9%07',
		'/api/list?q=%00',
		'/fr/login?next=%00',
		'/zh/reset-password/abc%00def'
	]) {
		const response = await request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(400);
	}
});

test.describe('delivery: public pages revalidate, text is compressed (issue 16)', () => {
	test('a public page has an ETag, answers 304 when unchanged, and comes compressed', async ({
		request
	}) => {
		const first = await request.get('/zh', { headers: { 'accept-encoding': 'br, gzip' } });
		expect(first.status()).toBe(200);
		const headers = first.headers();
		expect(headers['content-encoding']).toBe('br');
		expect(headers['cache-control']).toContain('stale-while-revalidate');
		expect(headers['vary']).toContain('Cookie');
		expect(headers['set-cookie']).toBeUndefined();
		expect(headers['etag']).toMatch(/^W\/"/);
		const again = await request.get('/zh', { headers: { 'if-none-match': headers['etag'] } });
		expect(again.status()).toBe(304);
	});

	test('JSON is compressed; pages of a signed-in visitor are never cached', async ({ page }) => {
		const list = await page.request.get('/api/list?bbox=2.25,48.83,2.42,48.9', {
			headers: { 'accept-encoding': 'gzip' }
		});
		expect(list.headers()['content-encoding']).toBe('gzip');
		expect((await list.json()).items.length).toBeGreaterThan(0);
		await logInAs(page, 'merchant');
		const signedIn = await page.request.get('/fr');
		expect(signedIn.headers()['cache-control']).toBe('private, no-store');
	});
});
