/**
 * The authorization matrix, against the production server (hooks, layouts, pages, actions and
 * endpoints as a visitor reaches them): every route of src/routes — each page, its
 * `__data.json`, each form action and each endpoint — × {anonymous, merchant A, merchant B,
 * official, admin}, compared with the EXPECTED table below. A route, an action or an endpoint
 * method without an entry fails the test: a new page cannot ship without saying who may see it.
 * The machinery (route tree, logging in, outcomes) is in authorization-helpers.ts.
 *
 * Requests carry no JavaScript and post empty forms with the site's Origin: allowed roles get
 * past the guard and are refused by the form's own checks (400/409: "refused"), so nothing is
 * written. Merchant A owns the listing used for the owner's pages; merchant B does not.
 */
import { expect, test, type APIResponse } from '@playwright/test';
import {
	WHO,
	by,
	dataOutcome,
	localized,
	logIn,
	outcomeOf,
	pathOf,
	placeholders,
	routeTree,
	type Entry,
	type Outcome
} from './authorization-helpers';

const EVERYONE = by('ok', 'ok', 'ok', 'ok', 'ok');
const EVERYONE_AWAY = by('away', 'away', 'away', 'away', 'away');
const EVERYONE_REFUSED = by('refused', 'refused', 'refused', 'refused', 'refused');
/** Sign-in pages: a signed-in visitor is sent on to their space. */
const GUESTS = by('ok', 'away', 'away', 'away', 'away');
const GUESTS_REFUSED = by('refused', 'away', 'away', 'away', 'away');
const SIGNED_IN = by('login', 'ok', 'ok', 'ok', 'ok');
const SIGNED_IN_REFUSED = by('login', 'refused', 'refused', 'refused', 'refused');
const MERCHANTS = by('login', 'ok', 'ok', 'forbidden', 'forbidden');
const STAFF = by('login', 'forbidden', 'forbidden', 'ok', 'ok');
const STAFF_REFUSED = by('login', 'forbidden', 'forbidden', 'refused', 'refused');
/** An id that does not exist: staff get past the guard to a 404; the others never learn it. */
const STAFF_MISSING = by('login', 'forbidden', 'forbidden', 'missing', 'missing');
const ADMINS = by('login', 'forbidden', 'forbidden', 'forbidden', 'ok');
const ADMINS_REFUSED = by('login', 'forbidden', 'forbidden', 'forbidden', 'refused');

/** Who may do what, route by route (route ids as in src/routes; the locale prefix is added). */
const EXPECTED: Record<string, Entry> = {
	'/': { page: EVERYONE },
	'/about': { page: EVERYONE },
	'/account': {
		page: SIGNED_IN,
		actions: {
			password: SIGNED_IN_REFUSED,
			locale: SIGNED_IN_REFUSED,
			email: SIGNED_IN_REFUSED,
			delete: SIGNED_IN_REFUSED
		}
	},
	'/account/email/[token]': {
		path: '/account/email/not-a-token',
		page: EVERYONE,
		// An unknown link: the page says so (as /unlock does), nothing is written.
		actions: { default: EVERYONE }
	},
	'/account/data': { GET: SIGNED_IN },
	'/account/deleted': { page: GUESTS },
	'/admin': { page: STAFF },
	'/admin/audit': { page: STAFF },
	'/admin/freshness': { page: STAFF },
	'/admin/reports': { page: STAFF },
	'/admin/imports': { page: STAFF, actions: { upload: STAFF_REFUSED } },
	'/admin/imports/[id=id]': {
		path: '/admin/imports/999999',
		page: STAFF_MISSING,
		actions: { run: STAFF_MISSING }
	},
	'/admin/imports/[id=id]/progress': { path: '/admin/imports/999999/progress', GET: STAFF_MISSING },
	'/admin/imports/[id=id]/report.csv': {
		path: '/admin/imports/999999/report.csv',
		GET: STAFF_MISSING
	},
	'/admin/merchants/[id=id]': {
		path: '/admin/merchants/{listing}',
		page: STAFF,
		actions: {
			approve: STAFF_REFUSED,
			reject: STAFF_REFUSED,
			requestChanges: STAFF_REFUSED,
			suspend: STAFF_REFUSED,
			reinstate: STAFF_REFUSED,
			approveRevision: STAFF_REFUSED,
			rejectRevision: STAFF_REFUSED
		}
	},
	'/admin/metrics': { page: STAFF },
	'/admin/metrics/export/[table]': { path: '/admin/metrics/export/departements', GET: STAFF },
	'/admin/metrics/data/[table]': { path: '/admin/metrics/data/communes', GET: STAFF },
	'/admin/metrics/tables/[table]': { path: '/admin/metrics/tables/communes', page: STAFF },
	'/admin/metrics/targets': {
		page: ADMINS,
		actions: {
			set: ADMINS_REFUSED,
			delete: by('login', 'forbidden', 'forbidden', 'forbidden', 'missing')
		}
	},
	'/admin/outbox': { page: ADMINS, actions: { retry: ADMINS_REFUSED } },
	'/admin/queue': { page: STAFF, actions: { bulkApprove: STAFF_REFUSED } },
	'/admin/search': { page: STAFF },
	'/admin/team': {
		page: ADMINS,
		actions: {
			invite: ADMINS_REFUSED,
			deactivate: by('login', 'forbidden', 'forbidden', 'forbidden', 'missing'),
			reactivate: by('login', 'forbidden', 'forbidden', 'forbidden', 'missing')
		}
	},
	'/api/communes': { path: '/api/communes?postalCode=75001', GET: MERCHANTS },
	'/api/list': { path: '/api/list?bbox=2.25,48.83,2.42,48.9', GET: EVERYONE },
	'/api/listings/[id=id]': { path: '/api/listings/{public}', GET: EVERYONE },
	'/api/map': { path: '/api/map?bbox=2.25,48.83,2.42,48.9&zoom=12', GET: EVERYONE },
	'/api/merchants/[id=id]/directions/[app]': {
		path: '/api/merchants/{public}/directions/osm',
		GET: EVERYONE_AWAY,
		POST: EVERYONE
	},
	'/api/open-data/merchants.[format=openDataFormat]': {
		path: '/api/open-data/merchants.csv',
		GET: EVERYONE
	},
	'/forgot-password': { page: EVERYONE, actions: { default: EVERYONE_REFUSED } },
	'/invitation/[token]': {
		path: '/invitation/not-a-token',
		page: EVERYONE,
		actions: { default: EVERYONE_REFUSED }
	},
	// A signed-in visitor's post is refused too, and the page then sends them on to their space.
	'/login': { page: GUESTS, actions: { default: GUESTS_REFUSED } },
	// Signing out is tried last (it ends the session the other requests use).
	'/logout': { page: EVERYONE, actions: { default: EVERYONE_AWAY } },
	'/manifest.webmanifest': { GET: EVERYONE },
	'/merchant': {
		page: MERCHANTS,
		// No listing named: nothing to act on, after the role check.
		actions: {
			withdraw: by('login', 'missing', 'missing', 'forbidden', 'forbidden'),
			withdrawRevision: by('login', 'missing', 'missing', 'forbidden', 'forbidden'),
			submitRevision: by('login', 'missing', 'missing', 'forbidden', 'forbidden'),
			reapply: by('login', 'missing', 'missing', 'forbidden', 'forbidden'),
			reconfirm: by('login', 'missing', 'missing', 'forbidden', 'forbidden')
		}
	},
	'/merchant/shops/[id=id]/[step=step]': {
		path: '/merchant/shops/{listing}/shop',
		// Merchant A's listing: merchant B is told it does not exist.
		page: by('login', 'ok', 'missing', 'forbidden', 'forbidden'),
		actions: { default: by('login', 'refused', 'missing', 'forbidden', 'forbidden') }
	},
	'/merchant/shops/new': {
		page: MERCHANTS,
		actions: { default: by('login', 'refused', 'refused', 'forbidden', 'forbidden') }
	},
	'/merchants/[slug]': {
		path: '/merchants/{publicSlug}',
		page: EVERYONE,
		// A tourist's report without its kind.
		actions: { report: EVERYONE_REFUSED }
	},
	'/healthz': { GET: EVERYONE },
	'/open-data': { page: EVERYONE },
	'/privacy': { page: EVERYONE },
	'/reconfirm/[token]': {
		path: '/reconfirm/not-a-token',
		page: EVERYONE,
		// An unknown link: the page says so (as /unlock does), nothing is written.
		actions: { default: EVERYONE }
	},
	'/register': { page: GUESTS, actions: { default: GUESTS_REFUSED } },
	'/register/[token]': {
		path: '/register/not-a-token',
		page: EVERYONE,
		actions: { default: EVERYONE_REFUSED }
	},
	'/reset-password': { page: EVERYONE_AWAY },
	'/reset-password/[token]': {
		path: '/reset-password/not-a-token',
		page: EVERYONE,
		actions: { default: EVERYONE_REFUSED }
	},
	'/unlock/[token]': {
		path: '/unlock/not-a-token',
		page: EVERYONE,
		actions: { default: EVERYONE }
	}
};

// ---------------------------------------------------------------- the tests

test('every route, action and endpoint method has an entry in the matrix', () => {
	const missing: string[] = [];
	const found = routeTree();
	for (const route of found) {
		const entry = EXPECTED[route.id];
		if (!entry) {
			missing.push(`${route.id}: no entry`);
			continue;
		}
		if (route.page && !entry.page) missing.push(`${route.id}: page`);
		for (const action of route.actions) {
			if (!entry.actions?.[action]) missing.push(`${route.id}: action ${action}`);
		}
		for (const method of route.methods) {
			if (!entry[method as 'GET' | 'POST']) missing.push(`${route.id}: ${method}`);
		}
	}
	const ids = new Set(found.map((r) => r.id));
	const stale = Object.keys(EXPECTED).filter((id) => !ids.has(id));
	expect(missing, 'routes the matrix does not cover').toEqual([]);
	expect(stale, 'entries for routes that no longer exist').toEqual([]);
});

for (const who of WHO) {
	test(`${who}: every page, __data.json, action and endpoint answers as the matrix says`, async ({
		playwright,
		baseURL
	}) => {
		const setup = await playwright.request.newContext({ baseURL });
		const values = await placeholders(setup, baseURL!);
		await setup.dispose();

		const request = await playwright.request.newContext({ baseURL });
		if (who !== 'anonymous') await logIn(request, baseURL!, who);
		const wrong: string[] = [];
		const check = (what: string, expected: Outcome, got: string) => {
			if (got !== expected) wrong.push(`${what}: expected ${expected}, got ${got}`);
		};
		/** Privacy: nothing an anonymous visitor requests sets a cookie (issue 15, probes 5). */
		const noCookie = (what: string, response: APIResponse) => {
			if (who === 'anonymous' && response.headers()['set-cookie']) {
				wrong.push(`${what}: sets a cookie for an anonymous visitor`);
			}
		};
		const html = { accept: 'text/html' };
		const post = { origin: baseURL!, accept: 'text/html' };
		let signOut: (() => Promise<void>) | null = null;

		for (const [routeId, entry] of Object.entries(EXPECTED)) {
			const path = localized(pathOf(routeId, entry, values));
			if (entry.page) {
				const page = await request.get(path, { headers: html, maxRedirects: 0 });
				check(`GET ${path}`, entry.page[who], outcomeOf(page.status(), page.headers().location));
				noCookie(`GET ${path}`, page);
				const [bare, query] = path.split('?');
				const dataPath = `${bare === '/fr' ? '/fr/' : `${bare}/`}__data.json${query ? `?${query}` : ''}`;
				const data = await request.get(dataPath, { maxRedirects: 0 });
				check(`GET ${dataPath}`, entry.page[who], await dataOutcome(data));
				noCookie(`GET ${dataPath}`, data);
			}
			for (const method of ['GET', 'POST'] as const) {
				const row = entry[method];
				if (!row) continue;
				const response = await request.fetch(path, {
					method,
					headers: method === 'POST' ? post : {},
					maxRedirects: 0
				});
				noCookie(`${method} ${path}`, response);
				check(
					`${method} ${path}`,
					row[who],
					outcomeOf(response.status(), response.headers().location)
				);
			}
			for (const [action, row] of Object.entries(entry.actions ?? {})) {
				const target = action === 'default' ? path : `${path}?/${action}`;
				const run = async () => {
					const response = await request.post(target, { form: {}, headers: post, maxRedirects: 0 });
					noCookie(`POST ${target}`, response);
					check(
						`POST ${target}`,
						row[who],
						outcomeOf(response.status(), response.headers().location)
					);
				};
				if (routeId === '/logout') signOut = run;
				else await run();
			}
		}
		if (signOut) await (signOut as () => Promise<void>)();
		await request.dispose();
		expect(wrong).toEqual([]);
	});
}
