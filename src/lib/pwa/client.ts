/** The page's side of the offline copies (the service worker is src/service-worker.ts). */
import { KEEP_COPY_MESSAGE, isPublicPage, type KeepCopyMessage } from './policy';

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
