import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin, UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideOptions } from './messages/paraglide.config.js';

/**
 * Vite lists, beside each dynamic import, the chunks to preload with it. SvelteKit's entry imports
 * every route's code that way, so those lists (every route's chunks, 2 KB compressed of hashed
 * names) were part of every first view. The entry's imports of routes keep only their CSS: a
 * route's chunks are then found as the browser reads its code (one more round trip on the first
 * visit of a route, usually preloaded already on touchstart, and by the offline copy of the
 * public pages' code, src/lib/pwa/client.ts). Other dynamic imports (the map) keep theirs.
 */
const routeImportsWithoutPreloads: NonNullable<
	Exclude<NonNullable<UserConfig['build']>['modulePreload'], boolean>
>['resolveDependencies'] = (_file, deps, { hostId }) =>
	/(^|\/)entry\/app\.[^/]+\.js$/.test(hostId) ? [] : deps;

/**
 * Svelte's runtime is one package of small modules, re-exported by one index that every
 * component imports. The package declares no `sideEffects`, so the bundler keeps every module
 * that index reaches in the chunk shared by all pages: what only the metrics charts use
 * (transitions, motion, stores), custom elements, the bindings of the back-office's forms.
 * Declared free of side effects (they are: definitions only; the flags and the version mark are
 * kept as they are), unused modules drop out, and the `svelte` group below keeps what most
 * pages use in one chunk (modules used by fewer than 12 routes' chunks go with those routes),
 * rather than in dozens of small files.
 */
const SVELTE_RUNTIME = /node_modules[\\/]svelte[\\/]src[\\/]/;
const SVELTE_KEEP_EFFECTS = /[\\/]internal[\\/](flags[\\/]|disclose-version)/;
function svelteRuntimeWithoutSideEffects(): Plugin {
	return {
		name: 'svelte-runtime-without-side-effects',
		applyToEnvironment: (environment) => environment.config.consumer === 'client',
		transform: {
			filter: { id: SVELTE_RUNTIME },
			handler(code, id) {
				if (SVELTE_KEEP_EFFECTS.test(id)) return null;
				return { code, moduleSideEffects: false };
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), paraglideVitePlugin(paraglideOptions), svelteRuntimeWithoutSideEffects()],
	build: {
		modulePreload: { resolveDependencies: routeImportsWithoutPreloads },
		rolldownOptions: {
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'svelte',
							test: SVELTE_RUNTIME,
							minShareCount: 12
						}
					]
				}
			}
		}
	},
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
