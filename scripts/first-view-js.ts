/**
 * The JavaScript a page loads before the map library: every client chunk its response names
 * (modulepreload links and the inline start script's imports), with the chunks they import
 * statically, as served (the build's precompressed .gz beside each file). Dynamic imports
 * (maplibre, its worker, the pages not visited) are not counted: they load later, on demand.
 * Used by `npm run bench:lighthouse` (scripts/bench-lighthouse.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstViewJs {
	/** Client chunks loaded before the map library, relative to the client folder. */
	files: { file: string; gzipBytes: number }[];
	gzipBytes: number;
}

/**
 * Paths under /_app/ that a page names as scripts to load at once: modulepreload links (in its
 * HTML or its `Link` header, where SvelteKit puts them) and the inline start script's imports.
 */
export function scriptsNamedBy(html: string, linkHeader = ''): string[] {
	const found = new Set<string>();
	for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*>/g)) {
		const href = /href="([^"]+)"/.exec(match[0])?.[1];
		if (href) found.add(href);
	}
	for (const match of linkHeader.matchAll(/<([^>]+)>;[^,]*rel="?modulepreload"?/g))
		found.add(match[1]);
	for (const script of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
		for (const imported of script[1].matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g))
			found.add(imported[1]);
	}
	return [...found].map((href) => new URL(href, 'http://x/').pathname.replace(/^\//, ''));
}

/** A chunk's static imports (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
export function staticImports(code: string): string[] {
	const found = new Set<string>();
	for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g))
		found.add(match[1]);
	return [...found];
}

function gzipSize(path: string): number {
	return existsSync(`${path}.gz`)
		? readFileSync(`${path}.gz`).length
		: gzipSync(readFileSync(path), { level: 9 }).length;
}

/** What a page loads before the map library, measured in the build's `clientDir`. */
export function firstViewJs(html: string, linkHeader: string, clientDir: string): FirstViewJs {
	const seen = new Set<string>();
	const queue = scriptsNamedBy(html, linkHeader);
	while (queue.length) {
		const file = queue.pop()!;
		if (seen.has(file) || !existsSync(join(clientDir, file))) continue;
		seen.add(file);
		const code = readFileSync(join(clientDir, file), 'utf8');
		for (const imported of staticImports(code)) {
			if (imported.startsWith('.')) queue.push(normalize(join(dirname(file), imported)));
		}
	}
	const files = [...seen]
		.sort()
		.map((file) => ({ file, gzipBytes: gzipSize(join(clientDir, file)) }));
	return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
