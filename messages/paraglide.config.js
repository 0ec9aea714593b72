/**
 * Paraglide options, shared by the Vite plugin (vite.config.ts) and `npm run i18n:compile`,
 * so both generate the same runtime.
 * The locale always lives in the URL (/zh/…, /fr/…); `/` goes to the browser's preferred
 * language, else Chinese (src/hooks.server.ts). No cookie strategy: anonymous pages set no cookie.
 * @type {import('@inlang/paraglide-js').CompilerOptions}
 */
export const paraglideOptions = {
	project: './messages/project.inlang',
	outdir: './src/lib/paraglide',
	emitTsDeclarations: true,
	// The locale is the path's first segment, read by $lib/i18n/paths (see src/hooks.ts): paraglide's
	// "url" strategy matched URLPattern templates, through a slow polyfill on Node 20.
	strategy: ['custom-path', 'baseLocale']
};
