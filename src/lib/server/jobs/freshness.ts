/**
 * The daily freshness job (issue 12): owners of listings verified 11 months ago are asked to
 * reconfirm, then listings verified 18 months ago (and asked at least 30 days ago) leave the map.
 * Each step is idempotent (a listing is asked once per verification, and leaves the map once);
 * the runner enqueues the job once per Paris day across every process.
 */
import { lapseDue, remindDue } from '../applications/workflow';
import type { JobHandler } from './runner';

export const freshnessJob: JobHandler = {
	async run(_payload, { db }) {
		const now = new Date();
		const asked = await remindDue(db, now);
		const lapsed = await lapseDue(db, now);
		console.log(`[jobs] freshness: ${JSON.stringify({ asked, lapsed })}`);
	}
};
