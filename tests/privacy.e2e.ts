/**
 * Privacy, as a tourist and as the server's log see it (issue 15, "keep the probes" 5):
 *   - the tourist pages contact no host but the site and the configured basemap;
 *   - the server's log holds no e-mail address and no form body, through registration, login,
 *     a refused login, a forgotten password, a reset and an unexpected error.
 * Anonymous pages setting no cookie is checked on every route by tests/authorization.e2e.ts;
 * demand events holding no IP, session or precise position by
 * src/lib/server/merchants/demand-privacy.db.test.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveTestBasemap } from './basemap';

const root = fileURLToPath(new URL('..', import.meta.url));

test.describe('a tourist', () => {
	/** Every host the page asked anything of, while it loaded and was used. */
	function watchHosts(page: Page): Set<string> {
		const hosts = new Set<string>();
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (url.protocol === 'http:' || url.protocol === 'https:') hosts.add(url.host);
		});
		return hosts;
	}

	test('contacts no host but the site and the configured basemap', async ({ page, baseURL }) => {
		await serveTestBasemap(page);
		const hosts = watchHosts(page);
		const allowed = new Set([
			new URL(baseURL!).host,
			new URL(process.env.PUBLIC_MAP_STYLE_URL ?? `${baseURL}/e2e-basemap/style.json`).host
		]);
		await page.goto('/zh');
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
		await page.goto('/zh?q=%E8%8D%AF%E5%BA%97&view=14/48.8606/2.3376');
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
		const card = page.locator('a[href*="/zh/merchants/"]').first();
		const href = await card.getAttribute('href');
		expect(href).toBeTruthy();
		await page.goto(href!);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
		for (const path of ['/zh/about', '/zh/privacy', '/fr', '/fr/about']) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('data-hydrated', '');
		}
		expect([...hosts].filter((h) => !allowed.has(h))).toEqual([]);
		// …and no page left a cookie in the browser.
		expect(await page.context().cookies()).toEqual([]);
	});
});

test.describe("the server's log", () => {
	// A server of its own (the built app, an empty embedded database), whose output is read. Its
	// start (migrations of a new database) gets up to 2 minutes on a loaded machine: a bound on
	// a wait, not a speed check.
	test.describe.configure({ timeout: 180_000 });
	// +27, not +17: 4190 (ManageSieve) is one of the ports fetch refuses to connect to.
	const port = Number(process.env.E2E_PORT ?? 4173) + 27;
	const origin = `http://127.0.0.1:${port}`;
	let dir: string;
	let server: ChildProcess;
	let output = '';

	test.beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'log-privacy-'));
		server = spawn(process.execPath, ['build'], {
			cwd: root,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				PGLITE_DIR: join(dir, 'db'),
				DATABASE_URL: '',
				MAIL_OUTBOX_DIR: join(dir, 'mail'),
				SMTP_URL: '',
				NODE_ENV: 'production'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		server.stdout!.on('data', (chunk) => (output += chunk));
		server.stderr!.on('data', (chunk) => (output += chunk));
		let exited: number | null = null;
		server.on('exit', (code) => (exited = code ?? -1));
		// A server that stopped says why in the failure (its own output).
		await expect
			.poll(
				async () =>
					exited !== null
						? `exited with ${exited}: ${output.slice(-2000)}`
						: ((await fetch(`${origin}/zh`).catch(() => null))?.status ?? 0),
				{ timeout: 120_000 }
			)
			.toBe(200);
	});

	test.afterAll(async () => {
		if (server.exitCode === null) {
			const exited = new Promise((resolve) => server.once('exit', resolve));
			server.kill('SIGTERM');
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	});

	/** The texts of the e-mails the server wrote to its outbox folder so far. */
	function mailTexts(): string[] {
		try {
			const mailDir = join(dir, 'mail');
			return readdirSync(mailDir).map(
				(f) => (JSON.parse(readFileSync(join(mailDir, f), 'utf8')) as { text: string }).text
			);
		} catch {
			return []; // no folder yet, or a file still being written: read again on the next poll
		}
	}

	const post = (path: string, form: Record<string, string>) =>
		fetch(`${origin}${path}`, {
			method: 'POST',
			body: new URLSearchParams(form),
			headers: { origin, accept: 'text/html' },
			redirect: 'manual'
		});

	test('holds no e-mail address and no form body', async () => {
		const email = `journal.${Date.now()}@example.fr`;
		const password = 'phrase-secrete-du-journal-4821';
		const marker = 'valeur-de-formulaire-temoin';

		expect((await post('/fr/register', { email, locale: 'fr', consent: 'on' })).status).toBe(200);
		// The link, from the e-mail written to the outbox folder.
		let link: string | undefined;
		await expect
			.poll(
				() => {
					for (const text of mailTexts()) link = text.match(/https?:\/\/\S+\/register\/\S+/)?.[0];
					return link ?? null;
				},
				{ timeout: 60_000 }
			)
			.not.toBeNull();
		const finish = await post(new URL(link!).pathname, { password, passwordConfirm: password });
		expect(finish.status).toBe(303);
		// The same address again, a wrong password, the right one, a reset asked, a refused form.
		await post('/fr/register', { email, locale: 'fr', consent: 'on' });
		await post('/fr/login', { email, password: `${marker}-mauvais` });
		expect((await post('/fr/login', { email, password })).status).toBe(303);
		await post('/fr/forgot-password', { email });
		await post('/fr/register', { email: `${marker}@`, locale: 'xx' });
		await post('/fr/reset-password/pas-un-jeton', { password: marker, passwordConfirm: marker });
		// Requests the server cannot make sense of.
		await fetch(`${origin}/fr/login`, {
			method: 'POST',
			body: `email=${encodeURIComponent(email)}&password=%ZZ${marker}`,
			headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }
		});
		await fetch(`${origin}/fr/login`, {
			method: 'POST',
			body: `--x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${email}\r\n--x`,
			headers: { origin, 'content-type': 'multipart/form-data; boundary=x' }
		});
		await fetch(`${origin}/fr/register?email=${encodeURIComponent(email)}%00`);
		// The e-mails go out through the job runner, which logs too.
		await expect.poll(() => mailTexts().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);

		expect(output).toContain('[db] ready');
		// The mailer names the recipient masked (j•••@example.fr): the domain, never the address.
		const addresses = (output.match(/[^\s@"'<>()]+@[^\s@"'<>()]+\.[a-z]{2,}/gi) ?? []).filter(
			(a) => !/^.\u2022\u2022\u2022@/.test(a)
		);
		expect(addresses, 'e-mail addresses in the log').toEqual([]);
		expect(output).not.toContain(marker);
		expect(output).not.toContain(password);
		expect(output).not.toContain(encodeURIComponent(email));
	});
});
