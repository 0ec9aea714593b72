import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		/**
		 * A page's stylesheets under 8 KB (all of a tourist's page: the site's, the page's and its
		 * components') are inlined in its <head>: the first paint waits for no other request, which
		 * on a roaming phone is a round trip or more. Bigger ones (some back-office pages, the map
		 * library's) stay files. CSP: style-src allows inline styles already (see below).
		 */
		inlineStyleThreshold: 8192,
		typescript: {
			// The command-line tools in scripts/ (run with tsx) are type-checked with the app.
			config: (config) => {
				config.include.push('../scripts/**/*.ts');
			}
		},
		/**
		 * Content-Security-Policy of every page, sent as a header: SvelteKit adds the hash of its
		 * own inline script to script-src, so no other script runs. Hashes rather than nonces:
		 * the same page is then the same bytes, so public pages can be revalidated by ETag and
		 * kept by caches (src/lib/server/http/delivery.ts). This part is fixed at build; the basemap's
		 * hosts come from the environment at start and are added to connect-src and img-src by
		 * hooks.server.ts (src/lib/server/security-headers.ts).
		 * Styles keep 'unsafe-inline': Svelte renders style="" attributes (style: directives,
		 * e.g. chart bars and map legends) that a nonce cannot cover.
		 */
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				// maplibre's worker is a module of this site; blob: for workers it may spawn from data.
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
