/**
 * The daily freshness job (issue 12): owners of listings verified 11 months ago are asked to
 * reconfirm, then listings verified 18 months ago (and asked at least 30 days ago) leave the map.
 * Each step is idempotent (a listing is asked once per verification, and leaves the map once);
 * the runner enqueues the job once per Paris day across every process. It keeps its lease while
 * it works, and stops between two listings when its runner stops (another finishes the day).
 */
import { lapseDue, remindDue } from '../applications/workflow';
import { JobInterrupted, type JobHandler } from './runner';

export const freshnessJob: JobHandler = {
	async run(_payload, { db, signal, heartbeat, pause }) {
		const now = new Date();
		// With thousands of listings due (100,000 merchants) the job outlasts its lease: without a
		// heartbeat another process's runner took it over and both ran it at once.
		const afterEach = async () => {
			if (signal.aborted) throw new JobInterrupted('freshness: the runner is stopping');
			await heartbeat(true);
			// Thousands of small transactions in a row: visitors' requests run in between.
			await pause();
		};
		const asked = await remindDue(db, now, afterEach);
		const lapsed = await lapseDue(db, now, afterEach);
		console.log(`[jobs] freshness: ${JSON.stringify({ asked, lapsed })}`);
	}
};
