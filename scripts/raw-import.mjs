// Lets `tsx` load Vite's `?raw` imports (the password policy's word list) for the admin CLI.
import { readFile } from 'node:fs/promises';

export async function resolve(specifier, context, next) {
	if (!specifier.endsWith('?raw')) return next(specifier, context);
	const resolved = await next(specifier.slice(0, -4), context);
	return { url: `${resolved.url}?raw`, format: 'module', shortCircuit: true };
}

export async function load(url, context, next) {
	if (!url.endsWith('?raw')) return next(url, context);
	const text = await readFile(new URL(url.slice(0, -4)), 'utf8');
	return {
		format: 'module',
		source: `export default ${JSON.stringify(text)};`,
		shortCircuit: true
	};
}
