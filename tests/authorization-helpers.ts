/**
 * The machinery of the authorization matrix (authorization.e2e.ts holds the matrix itself and
 * the tests): who asks, what a request gets, the route tree read from src/routes, logging in,
 * and the addresses' placeholders.
 */
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS } from './demo-accounts';

export const WHO = ['anonymous', 'merchantA', 'merchantB', 'official', 'admin'] as const;
export type Who = (typeof WHO)[number];

/**
 * What a request gets: `ok` 2xx; `login` 303 to the login page; `away` another redirect;
 * `forbidden` 403; `missing` 404; `refused` 400/409 (past the guard, the form's checks said no).
 */
export type Outcome = 'ok' | 'login' | 'away' | 'forbidden' | 'missing' | 'refused';
export type Row = Record<Who, Outcome>;
export const by = (
	anonymous: Outcome,
	merchantA: Outcome,
	merchantB: Outcome,
	official: Outcome,
	admin: Outcome
): Row => ({ anonymous, merchantA, merchantB, official, admin });

export interface Entry {
	/** The address requested, with the route's parameters filled in (see `pathOf`). */
	path?: string;
	page?: Row;
	actions?: Record<string, Row>;
	GET?: Row;
	POST?: Row;
}

// ---------------------------------------------------------------- the route tree, from the files

export const routesDir = fileURLToPath(new URL('../src/routes', import.meta.url));

export interface FoundRoute {
	id: string;
	page: boolean;
	actions: string[];
	methods: string[];
}

/** Every route of src/routes: its pages, the names of its form actions, its endpoint methods. */
export function routeTree(dir = routesDir): FoundRoute[] {
	const files = readdirSync(dir, { withFileTypes: true });
	const names = files.filter((f) => f.isFile()).map((f) => f.name);
	const id = '/' + relative(routesDir, dir).split('\\').join('/');
	const found: FoundRoute[] = [];
	const page = names.some((n) => /^\+page\.(svelte|ts|server\.ts)$/.test(n));
	const endpoint = names.includes('+server.ts')
		? readFileSync(join(dir, '+server.ts'), 'utf8')
		: '';
	const methods = [...endpoint.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
		(m) => m[1]
	);
	if (page || methods.length) {
		found.push({
			id: id === '/' ? '/' : id.replace(/\/$/, ''),
			page,
			actions: names.includes('+page.server.ts') ? actionNames(join(dir, '+page.server.ts')) : [],
			methods
		});
	}
	for (const sub of files.filter((f) => f.isDirectory())) {
		found.push(...routeTree(join(dir, sub.name)));
	}
	return found;
}

/** The keys of `export const actions = { … }` (one tab deep, as prettier writes them). */
export function actionNames(file: string): string[] {
	const source = readFileSync(file, 'utf8');
	const start = source.search(/export const actions\b/);
	if (start < 0) return [];
	const block = source.slice(start, source.indexOf('\n};', start));
	return [...block.matchAll(/^\t(\w+)\s*[:(]/gm)].map((m) => m[1]);
}

// ---------------------------------------------------------------- requests and their outcomes

export const PASSWORDS: Record<Exclude<Who, 'anonymous'>, readonly [string, string]> = {
	merchantA: DEMO_ACCOUNTS.merchant,
	merchantB: ['pharmacie@cashless-paris.test', 'demo-pharmacie-2026'],
	official: DEMO_ACCOUNTS.official,
	admin: DEMO_ACCOUNTS.admin
};

export function outcomeOf(
	status: number,
	location: string | undefined
): Outcome | `status ${number}` {
	if (status >= 200 && status < 300) return 'ok';
	if (status >= 300 && status < 400) return location?.includes('/login?next=') ? 'login' : 'away';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'missing';
	if (status === 400 || status === 409) return 'refused';
	return `status ${status}`;
}

/** A `__data.json` answer: SvelteKit says redirect or error inside a 200. */
export async function dataOutcome(response: APIResponse) {
	if (response.status() !== 200) return outcomeOf(response.status(), response.headers().location);
	const body = (await response.json()) as {
		type: string;
		location?: string;
		status?: number;
		nodes?: ({ type: string; status?: number } | null)[];
	};
	if (body.type === 'redirect') return outcomeOf(303, body.location);
	if (body.type === 'error') return outcomeOf(body.status ?? 500, undefined);
	const failed = body.nodes?.find((n) => n?.type === 'error');
	return failed ? outcomeOf(failed.status ?? 500, undefined) : 'ok';
}

export async function logIn(
	request: APIRequestContext,
	baseURL: string,
	who: Exclude<Who, 'anonymous'>
) {
	const [email, password] = PASSWORDS[who];
	const response = await request.post('/fr/login', {
		form: { email, password },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `${who} logs in`).toBe(303);
}

/** The addresses' placeholders: merchant A's listing, an approved listing and its page. */
export async function placeholders(request: APIRequestContext, baseURL: string) {
	await logIn(request, baseURL, 'merchantA');
	const dashboard = await (await request.get('/fr/merchant')).text();
	const listing = dashboard.match(/\/fr\/merchant\/shops\/(\d+)\//)?.[1];
	const list = (await (await request.get('/api/list?bbox=2.25,48.83,2.42,48.9')).json()) as {
		items: { id: number }[];
	};
	const id = list.items[0]?.id;
	const canonical = await request.get(`/fr/merchants/${id}`, { maxRedirects: 0 });
	const publicSlug = canonical.headers().location?.match(/\/merchants\/([^/?]+)/)?.[1];
	expect(listing, "merchant A's listing").toBeTruthy();
	expect(publicSlug, 'a public listing').toBeTruthy();
	return { listing: listing!, public: String(id), publicSlug: publicSlug! };
}

export function pathOf(routeId: string, entry: Entry, values: Record<string, string>): string {
	const path = entry.path ?? routeId;
	return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);
}

export const localized = (path: string) =>
	path.startsWith('/api/') || path === '/manifest.webmanifest'
		? path
		: `/fr${path}`.replace(/\/$/, '');
