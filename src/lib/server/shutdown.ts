/**
 * The end of the server: adapter-node, on SIGTERM or SIGINT, stops accepting connections, lets
 * the requests in flight finish (at most SHUTDOWN_TIMEOUT seconds), then emits
 * 'sveltekit:shutdown' on `process`. Then the counts kept in memory (audience, searches) are written, the job runner
 * finishes the job under way (or gives it back), and the database closes — the postgres.js pool's open
 * sockets were what kept the process alive after SIGTERM. Timers are unref'd, so nothing else
 * holds it; if something still does after SHUTDOWN_GRACE_MS, the process exits anyway.
 */
import { closeDb } from './db';
import { stopJobRunner } from './jobs';

/** With adapter-node's SHUTDOWN_TIMEOUT=5 (npm start), the process is gone within 10 s. */
export const SHUTDOWN_GRACE_MS = 4_000;

export async function shutDown(steps: { flushCounts: () => Promise<void> }): Promise<void> {
	const deadline = setTimeout(() => {
		console.error(`[shutdown] still busy after ${SHUTDOWN_GRACE_MS / 1000} s: exiting`);
		process.exit(1);
	}, SHUTDOWN_GRACE_MS);
	deadline.unref();
	try {
		await Promise.all([steps.flushCounts(), stopJobRunner()]);
	} finally {
		await closeDb();
	}
	console.log('[shutdown] database closed');
}
