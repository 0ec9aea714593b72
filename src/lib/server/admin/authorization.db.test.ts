/**
 * Every back-office page load, form action and endpoint, called directly (without the layout,
 * so each must check the role itself) × {anonymous, merchant, official, admin}:
 * anonymous → redirect to the login page, merchant → 403, official → allowed except on the
 * admin-only pages (403), admin → allowed. Routes are discovered from the files, so a new page
 * is covered the moment it exists.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';
import type { Role } from '../auth/guard';
import { closeDb } from '../db';

/** Pages under these paths are for administrators only. */
const ADMIN_ONLY = ['/admin/team', '/admin/metrics/targets', '/admin/outbox'];

type Handler = (event: RequestEvent) => unknown;
interface RouteModule {
	load?: Handler;
	actions?: Record<string, Handler>;
	GET?: Handler;
	POST?: Handler;
}

const pages = import.meta.glob<RouteModule>('/src/routes/admin/**/+{page,layout}.server.ts', {
	eager: true
});
const endpoints = import.meta.glob<RouteModule>('/src/routes/admin/**/+server.ts', {
	eager: true
});

/** `/src/routes/admin/imports/[id=id]/+page.server.ts` → `/admin/imports/1`, params { id: '1' }. */
function routeOf(file: string) {
	const routeId = file.replace('/src/routes', '').replace(/\/\+[^/]+$/, '') || '/';
	const params: Record<string, string> = {};
	const path = routeId.replace(/\[([^\]=]+)(?:=[^\]]+)?\]/g, (_, name: string) => {
		params[name] = '1';
		return '1';
	});
	return { routeId, path, params };
}

interface Case {
	name: string;
	routeId: string;
	path: string;
	params: Record<string, string>;
	method: 'GET' | 'POST';
	run: Handler;
	adminOnly: boolean;
}

const cases: Case[] = [];
for (const [file, mod] of Object.entries(pages)) {
	const r = routeOf(file);
	const adminOnly = ADMIN_ONLY.some((p) => r.routeId === p || r.routeId.startsWith(`${p}/`));
	if (mod.load)
		cases.push({ name: `load ${r.routeId}`, ...r, method: 'GET', run: mod.load, adminOnly });
	for (const [action, run] of Object.entries(mod.actions ?? {})) {
		cases.push({ name: `action ${action} ${r.routeId}`, ...r, method: 'POST', run, adminOnly });
	}
}
for (const [file, mod] of Object.entries(endpoints)) {
	const r = routeOf(file);
	const adminOnly = ADMIN_ONLY.some((p) => r.routeId.startsWith(p));
	for (const method of ['GET', 'POST'] as const) {
		const run = mod[method];
		if (run) cases.push({ name: `${method} ${r.routeId}`, ...r, method, run, adminOnly });
	}
}

const users: Record<Role, SessionUser> = {
	merchant: {
		id: '00000000-0000-4000-8000-000000000001',
		email: 'm@example.fr',
		role: 'merchant',
		locale: 'fr',
		displayName: null
	},
	official: {
		id: '00000000-0000-4000-8000-000000000002',
		email: 'o@example.fr',
		role: 'official',
		locale: 'fr',
		displayName: null
	},
	admin: {
		id: '00000000-0000-4000-8000-000000000003',
		email: 'a@example.fr',
		role: 'admin',
		locale: 'fr',
		displayName: null
	}
};

function eventFor(c: Case, user: SessionUser | null): RequestEvent {
	const url = new URL(`http://localhost/fr${c.path}`);
	const request = new Request(url, {
		method: c.method,
		...(c.method === 'POST' ? { body: new FormData() } : {})
	});
	return {
		url,
		params: c.params,
		request,
		route: { id: c.routeId },
		locals: { user, session: null, locale: 'fr' },
		cookies: {
			get: () => undefined,
			getAll: () => [],
			set: () => {},
			delete: () => {},
			serialize: () => ''
		},
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		fetch,
		platform: undefined,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		tracing: { enabled: false, root: {}, current: {} },
		parent: async () => ({}),
		depends: () => {},
		untrack: <T>(fn: () => T) => fn()
	} as unknown as RequestEvent;
}

type Outcome = 'login' | 'forbidden' | 'allowed' | 'crashed';
async function outcome(c: Case, user: SessionUser | null): Promise<Outcome> {
	try {
		await c.run(eventFor(c, user));
		return 'allowed';
	} catch (error) {
		if (isRedirect(error) && error.location.includes('/login')) return 'login';
		if (isHttpError(error) && error.status === 403) return 'forbidden';
		// Another HTTP answer (a 404 for a missing id, a redirect elsewhere) got past the role check.
		if (isRedirect(error) || isHttpError(error)) return 'allowed';
		console.error(c.name, error);
		return 'crashed';
	}
}

let dir: string;
beforeAll(() => {
	// The routes open the application's database (getDb): an empty one in a temporary folder.
	dir = mkdtempSync(join(tmpdir(), 'admin-authz-'));
	process.env.PGLITE_DIR = dir;
	process.env.DATABASE_URL = '';
	process.env.MAIL_OUTBOX_DIR = join(dir, 'outbox');
});
afterAll(async () => {
	// Close the database before removing its folder: left open, it outlived the test file.
	await closeDb();
	rmSync(dir, { recursive: true, force: true });
});

describe('back-office authorization', () => {
	it('finds the back-office routes', () => {
		expect(cases.length).toBeGreaterThan(1);
	});

	it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
		expect(await outcome(c, null)).toBe('login');
		expect(await outcome(c, users.merchant)).toBe('forbidden');
		expect(await outcome(c, users.official)).toBe(c.adminOnly ? 'forbidden' : 'allowed');
		expect(await outcome(c, users.admin)).toBe('allowed');
	});
});
