import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { mailDirFor } from './mail';

/**
 * End-to-end tests in Chromium at phone size, against the production build (`node build`)
 * on a fresh embedded database filled with the demo dataset.
 * Browsers cannot be downloaded everywhere: Debian's /usr/bin/chromium is used when present
 * (CHROMIUM_PATH overrides), otherwise Playwright's own browser.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(chromium) ? chromium : undefined;
const dataDir = `data/e2e-${port}`;
/** E-mails the server sends (password-reset links) land here as JSON files, read by tests/mail.ts. */
const mailDir = mailDirFor(port);

export default defineConfig({
	testDir: '.',
	testMatch: '**/*.e2e.ts',
	outputDir: '../test-results',
	// Screenshots written by the tests land in ../screenshots (git-ignored).
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	// Sized for a busy 2-core machine (CI shares it with other jobs): Chromium renders in software
	// (SwiftShader) and the server shares the cores. Tests wait on states, never on times; these are
	// only the limits after which a wait counts as a failure.
	timeout: 90_000,
	expect: { timeout: 30_000 },
	reporter: process.env.CI
		? [['list']]
		: [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		...devices['Pixel 7'],
		viewport: { width: 390, height: 844 },
		locale: 'en-US',
		timezoneId: 'Europe/Paris',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--enable-unsafe-swiftshader'
			]
		}
	},
	projects: [{ name: 'phone-chromium' }],
	webServer: {
		// A fresh database each run: removed, then created, migrated and seeded before the start.
		command: `rm -rf ${dataDir} ${mailDir} && npm run build && npm run db:seed && node build`,
		cwd: '..',
		url: `http://127.0.0.1:${port}/zh`,
		// The production build alone took almost 7 minutes on a loaded 2-core machine.
		timeout: 900_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			PGLITE_DIR: dataDir,
			DATABASE_URL: '',
			// As `npm start`: acquirer CSV uploads of thousands of rows exceed adapter-node's 512K.
			BODY_SIZE_LIMIT: '20M',
			MAIL_OUTBOX_DIR: mailDir,
			SMTP_URL: '',
			// Every spec registers from 127.0.0.1: the suite makes ~35 sign-ups, in less than the
			// 15 minutes that the default 30 per address allows on a fast machine.
			REGISTRATIONS_PER_ADDRESS: '200',
			// No tile server is reachable in CI. The basemap style is served by the tests
			// themselves (tests/basemap.ts intercepts this URL); where a test does not, the
			// server answers 404 and the map falls back to its plain background with a notice.
			PUBLIC_MAP_STYLE_URL: `http://127.0.0.1:${port}/e2e-basemap/style.json`
		}
	}
});
