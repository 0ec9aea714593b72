/**
 * Paraglide options, shared by the Vite plugin (vite.config.ts) and `npm run i18n:compile`,
 * so both generate the same runtime.
 * The locale always lives in the URL (/zh/…, /fr/…); `/` goes to the browser's preferred
 * language, else Chinese. No cookie strategy: anonymous pages set no cookie.
 * @type {import('@inlang/paraglide-js').CompilerOptions}
 */
export const paraglideOptions = {
	project: './messages/project.inlang',
	outdir: './src/lib/paraglide',
	emitTsDeclarations: true,
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
};
