import type { RequestHandler } from './$types';
import { webManifest } from '$lib/pwa/manifest';

/** GET /{lang}/manifest.webmanifest: the web app manifest in the page's language. */
export const GET: RequestHandler = ({ locals }) =>
	new Response(JSON.stringify(webManifest(locals.locale)), {
		headers: {
			'content-type': 'application/manifest+json; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
