import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		typescript: {
			// The command-line tools in scripts/ (run with tsx) are type-checked with the app.
			config: (config) => {
				config.include.push('../scripts/**/*.ts');
			}
		}
	}
};

export default config;
