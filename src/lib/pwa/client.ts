/** The page's side of the offline copies (the service worker is src/service-worker.ts). */
import {
	KEEP_ASSETS_MESSAGE,
	KEEP_COPY_MESSAGE,
	isPublicPage,
	type KeepAssetsMessage,
	type KeepCopyMessage
} from './policy';

/**
 * After an in-app navigation, asks the service worker to keep a copy of the page reached (it
 * already has the page's data; a reload or a link needs the page itself). A page loaded in
 * full is saved by the worker as it passes through.
 */
export function keepOfflineCopy(url: URL): void {
	if (!isPublicPage(url.pathname)) return;
	const message: KeepCopyMessage = { type: KEEP_COPY_MESSAGE, url: url.href };
	navigator.serviceWorker?.controller?.postMessage(message);
}

/**
 * On a tourist's page, once the service worker runs, tells it which built files this page loaded (it installs with a
 * small shell only), then loads the code of the public pages the visitor has not opened yet, so
 * that they open offline too. The layout calls it once the page has settled (afterPageSettles):
 * evaluating that code must not compete with the page's first view.
 */
export async function keepAppCode(preload: (...urls: string[]) => Promise<void>, lang: string) {
	if (!isPublicPage(location.pathname)) return;
	const registration = await navigator.serviceWorker?.ready;
	if (!registration?.active) return;
	const urls = performance
		.getEntriesByType('resource')
		.map((entry) => entry.name)
		.filter((name) => name.includes('/_app/immutable/'));
	const message: KeepAssetsMessage = { type: KEEP_ASSETS_MESSAGE, urls };
	registration.active.postMessage(message);
	await preload(`/${lang}`, `/${lang}/about`, `/${lang}/merchants/1`).catch(() => {});
}
