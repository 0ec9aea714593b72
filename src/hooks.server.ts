import { AsyncLocalStorage } from 'node:async_hooks';
import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { building, dev } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import * as m from '$lib/paraglide/messages';
import {
	baseLocale,
	extractLocaleFromHeader,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime';
import { localeOfPath, localizeHref } from '$lib/i18n/paths';
import { getDb } from '$lib/server/db';
import { startJobRunner } from '$lib/server/jobs';
import { shutDown } from '$lib/server/shutdown';
import { htmlLang } from '$lib/i18n/format';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { clearSessionCookie, setSessionCookie } from '$lib/server/auth/cookies';
import { SIGNED_IN_HEADER, isPublicPage } from '$lib/pwa/policy';
import { asPublicPage, compressResponse, notModified } from '$lib/server/http/delivery';
import { SERVED_BY_HEADER, instanceId } from '$lib/server/http/instance';
import { hasControlCharacter } from '$lib/forms/text';
import { describeUnexpectedError } from '$lib/server/errors';
import { responseSecurity } from '$lib/server/security-headers';
import { originProblem } from '$lib/server/mail/links';
import { audienceCounts } from '$lib/server/merchants/audience';
import { searchCounts } from '$lib/server/merchants/search-counts';
import { flushPeriodically } from '$lib/server/jobs/buffered-counts';

/**
 * The locale comes from the URL (/zh/…, /fr/…; see $lib/i18n/paths). A page asked for without
 * one (`/`, an old link) is sent to the browser's preferred language, else Chinese. Messages
 * rendered during the request read the locale from paraglide's async local storage.
 */
const localeStore = new AsyncLocalStorage<{ locale?: Locale; origin?: string }>();
overwriteServerAsyncLocalStorage(localeStore);
const handleLocale: Handle = ({ event, resolve }) => {
	const inPath = localeOfPath(event.url.pathname);
	const locale = inPath ?? extractLocaleFromHeader(event.request) ?? baseLocale;
	if (!inPath && event.request.headers.get('sec-fetch-dest') === 'document') {
		const to = localizeHref(event.url.pathname + event.url.search, { locale });
		return new Response(null, {
			status: 307,
			headers: { location: to, vary: 'Accept-Language' }
		});
	}
	event.locals.locale = locale;
	return localeStore.run({ locale, origin: event.url.origin }, () =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%paraglide.lang%', htmlLang(locale)).replace('%paraglide.dir%', 'ltr')
		})
	);
};

/**
 * Control characters (U+0000 above all, which PostgreSQL cannot store) in the address: a 400
 * before any page, endpoint or query sees them. Form fields are checked by each domain, which
 * answers beside the field (see $lib/forms/text).
 */
const refuseControlCharacters: Handle = ({ event, resolve }) => {
	let path: string;
	try {
		path = decodeURIComponent(event.url.pathname);
	} catch {
		path = event.url.pathname; // malformed %-escapes: SvelteKit answers those itself
	}
	const inQuery = [...event.url.searchParams].some(
		([key, value]) => hasControlCharacter(key) || hasControlCharacter(value)
	);
	if (hasControlCharacter(path) || inQuery) error(400, m.error_characters_refused());
	return resolve(event);
};

/**
 * A request body no handler read (a button that posts nothing, a post refused by the role check
 * before its form was read) is read to its end before the answer: left unread, Node closes the
 * keep-alive connection under the client's next request, which then fails (ECONNRESET).
 */
const readUnreadBody: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const { request } = event;
	if (request.body && !request.bodyUsed) {
		try {
			await request.arrayBuffer();
		} catch {
			// The client went away: nothing to keep open.
		}
	}
	return response;
};

/** Sessions: only a request that carries a session cookie touches the sessions table or cookies. */
const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const { session, user } = await validateSessionToken(await getDb(), token);
		if (session) {
			setSessionCookie(event, token, session.expiresAt);
			event.locals.user = user;
			event.locals.session = session;
		} else {
			clearSessionCookie(event);
		}
	}
	const response = await resolve(event);
	return event.locals.user ? markPersonal(response) : response;
};

/**
 * What is answered to a signed-in visitor may show who they are: no cache may keep it, neither
 * the browser's nor a proxy's nor the service worker's offline copies. SvelteKit already sends
 * `no-store` with every `__data.json`, signed in or not, so the worker looks for SIGNED_IN_HEADER.
 */
function markPersonal(response: Response): Response {
	return editHeaders(response, (headers) => {
		headers.set('cache-control', 'private, no-store');
		headers.set(SIGNED_IN_HEADER, '1');
	});
}

function editHeaders(response: Response, edit: (headers: Headers) => void): Response {
	try {
		edit(response.headers);
		return response;
	} catch {
		// Immutable headers (a response passed through from fetch): copy it first.
		const copy = new Response(response.body, response);
		edit(copy.headers);
		return copy;
	}
}

/**
 * The database opens (and migrates) as the server starts, so a server that cannot have it, such
 * as a second one on the same embedded database folder, stops at once with the reason instead
 * of answering every request with an error.
 */
export const init: ServerInit = async () => {
	if (building) return;
	// The production server refuses to run without ORIGIN, the site's public URL, which e-mailed
	// links are built from (never from a request's Host).
	const problem = dev ? null : originProblem(process.env);
	if (problem) {
		console.error(`[start] ${problem}`);
		process.exit(1);
	}
	if (process.env.ORIGIN?.startsWith('https:') && !process.env.ADDRESS_HEADER) {
		console.warn(
			'[server] ORIGIN is https but ADDRESS_HEADER is not set: behind a reverse proxy every ' +
				"visitor then has the proxy's address and shares its limits. Set " +
				'ADDRESS_HEADER=X-Forwarded-For and XFF_DEPTH=1 (see README, Running in production).'
		);
	}
	const counting = [
		flushPeriodically('audience', audienceCounts, getDb),
		flushPeriodically('searches', searchCounts, getDb)
	];
	const flushCounts = async () => void (await Promise.all(counting.map((c) => c.stop())));
	try {
		startJobRunner(await getDb());
	} catch (failure) {
		console.error(`[db] ${failure instanceof Error ? failure.message : String(failure)}`);
		process.exit(1);
	}
	// adapter-node emits this once the server has stopped accepting requests (SIGTERM, SIGINT).
	process.once('sveltekit:shutdown', () => void shutDown({ flushCounts }));
};

/**
 * Security headers on every answer, CSP with the basemap's hosts (see security-headers.ts); and
 * which process answered when INSTANCE_ID is set (several processes behind one proxy).
 */
const secure = responseSecurity(process.env);
const servedBy = instanceId(process.env);
const handleSecurityHeaders: Handle = async ({ event, resolve }) =>
	editHeaders(await resolve(event), (headers) => {
		secure(headers);
		if (servedBy) headers.set(SERVED_BY_HEADER, servedBy);
	});

/**
 * Public pages for visitors who are not signed in may be cached (and are revalidated by ETag);
 * every text answer is compressed when the browser accepts it (see http/delivery.ts).
 */
const handleDelivery: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const cacheablePage =
		event.request.method === 'GET' &&
		response.status === 200 &&
		!event.locals.user &&
		!response.headers.has('set-cookie') &&
		response.headers.get('content-type')?.startsWith('text/html') &&
		isPublicPage(event.url.pathname);
	const page = cacheablePage ? asPublicPage(response) : response;
	const { headers } = event.request;
	return (
		notModified(page, headers.get('if-none-match')) ??
		compressResponse(page, headers.get('accept-encoding'))
	);
};

export const handle: Handle = sequence(
	readUnreadBody,
	handleDelivery,
	handleSecurityHeaders,
	handleLocale,
	refuseControlCharacters,
	handleSession
);

/**
 * An unexpected error: the log gets an id, the route and what kind of error it was — never its
 * message (a database error's message can quote the query's values: e-mails, form fields), nor
 * the request. The visitor sees the same id, to quote when asking for help.
 */
export const handleError: HandleServerError = ({ error: thrown, event, status }) => {
	const id = crypto.randomUUID();
	console.error(describeUnexpectedError(id, event.route.id, status, thrown));
	return { message: m.error_generic_body(), id };
};
