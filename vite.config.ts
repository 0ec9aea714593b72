import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './messages/project.inlang',
			outdir: './src/lib/paraglide',
			emitTsDeclarations: true,
			// The locale always lives in the URL (/zh/…, /fr/…); `/` goes to the browser's
			// preferred language, else Chinese. No cookie: anonymous pages set none.
			strategy: ['url', 'preferredLanguage', 'baseLocale'],
			urlPatterns: [
				{
					pattern: ':protocol://:domain(.*)::port?/:path(.*)?',
					localized: [
						['zh', ':protocol://:domain(.*)::port?/zh/:path(.*)?'],
						['fr', ':protocol://:domain(.*)::port?/fr/:path(.*)?']
					]
				}
			]
		})
	],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					exclude: ['src/**/*.db.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'db',
					environment: 'node',
					include: ['src/**/*.db.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
