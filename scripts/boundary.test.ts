import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts, .js and .svelte file under `dir`, generated paraglide output aside. */
function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [path] : [];
	});
}

describe('the application and the command-line tools', () => {
	it('never import scripts/ (the tools and the demo dataset) from src/', () => {
		// Tests may seed the demo dataset or read its vocabulary; the application never does.
		const files = sourceFiles('src');
		const application = files.filter((file) => !/\.test\.ts$/.test(file));
		expect(files.length).toBeGreaterThan(100);
		const offenders = application.filter((file) =>
			/\bfrom\s+['"][^'"]*\/scripts\/|import\(\s*['"][^'"]*\/scripts\//.test(
				readFileSync(file, 'utf8')
			)
		);
		expect(offenders).toEqual([]);
	});
});
