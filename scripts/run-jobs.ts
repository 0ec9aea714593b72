/**
 * `npm run jobs`: enqueues today's daily jobs if their time has come and runs every due job once,
 * then exits (for a cron-style deployment; the server also runs them unless JOBS_RUNNER=0).
 * On the embedded database it refuses while the server holds the folder: the server's own runner
 * does the work there.
 */
import { describeTarget, openDatabase, targetFromEnv } from '../src/lib/server/db/client';
import { createRunner } from '../src/lib/server/jobs';

const target = targetFromEnv();
const handle = await openDatabase(target);
try {
	// On the embedded database nothing else runs now: jobs left running were abandoned.
	const ran = await createRunner(handle.db, { soleProcess: target.driver === 'pglite' }).runDue();
	console.log(`[jobs] ${ran} job(s) run on ${describeTarget(target)}`);
} finally {
	await handle.close();
}
