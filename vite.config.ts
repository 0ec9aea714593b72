import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideOptions } from './messages/paraglide.config.js';

/**
 * paraglide's runtime imports a URLPattern polyfill (6 KB compressed) that every page would load
 * before it runs. In the browser build that import becomes a check: the polyfill is loaded only
 * where URLPattern is missing (Safari before 26, Firefox before 142); Chromium browsers, recent
 * Safari and Firefox skip it. The server and the tests keep the plain import.
 */
function urlPatternOnlyWhereMissing(): Plugin {
	const POLYFILL = '@inlang/paraglide-js/urlpattern-polyfill';
	const CHECK = '\0urlpattern-only-where-missing';
	return {
		name: 'urlpattern-only-where-missing',
		enforce: 'pre',
		applyToEnvironment: (environment) => environment.config.consumer === 'client',
		resolveId(source, importer) {
			if (source === POLYFILL && importer?.includes('/paraglide/runtime')) return CHECK;
		},
		load(id) {
			if (id === CHECK)
				return `if (!('URLPattern' in globalThis)) await import(${JSON.stringify(POLYFILL)});`;
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), paraglideVitePlugin(paraglideOptions), urlPatternOnlyWhereMissing()],
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/**/*.db.test.ts', 'scripts/**/*.db.test.ts'],
					// A bound for a loaded 2-core machine, not a speed check (benchmarks measure speed).
					testTimeout: 30_000
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'db',
					environment: 'node',
					include: ['src/**/*.db.test.ts', 'scripts/**/*.db.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
