/**
 * Counts kept in memory and written in batches: a request that counts something (a page view, a
 * tourist's search) never waits for, nor fails with, a database write. Rows with the same key are
 * added up in memory; `flush` writes them a batch per statement and, if the database fails (e.g.
 * PostgreSQL restarting), keeps what was not written for the next flush. The server flushes every
 * FLUSH_MS and at shutdown (hooks.server.ts).
 */
import type { Executor } from '../db/client';
import { describeError } from '../errors';

/** How one kind of count is kept and written. */
export interface CountStore<Row> {
	/** Rows with the same key are one row, their counts added (`add`). */
	key(row: Row): string;
	/** Adds the counts of `from` to `into`. */
	add(into: Row, from: Row): void;
	/** The rows that can still be written (the others are dropped), read just before writing. */
	writable?(db: Executor, rows: Row[]): Promise<Row[]>;
	/** Writes one batch in one statement, adding to what is stored. */
	insert(db: Executor, batch: Row[]): Promise<void>;
}

/** Rows per statement when writing counts. */
const FLUSH_BATCH = 500;
export const FLUSH_MS = 10_000;

export class BufferedCounts<Row extends object> {
	#pending = new Map<string, Row>();
	#flushing: Promise<void> | null = null;

	constructor(private readonly store: CountStore<Row>) {}

	/** Counts a row (never throws nor waits); the row is copied. */
	add(row: Row): void {
		const key = this.store.key(row);
		const current = this.#pending.get(key);
		if (current) this.store.add(current, row);
		else this.#pending.set(key, { ...row });
	}

	/** Rows counted and not yet written. */
	get pending(): number {
		return this.#pending.size;
	}

	/** Writes the counts (after any flush already running); rejects, keeping them, on failure. */
	async flush(db: Executor): Promise<void> {
		while (this.#flushing) await this.#flushing.catch(() => {});
		const flushing = this.#write(db);
		this.#flushing = flushing;
		try {
			await flushing;
		} finally {
			if (this.#flushing === flushing) this.#flushing = null;
		}
	}

	async #write(db: Executor): Promise<void> {
		if (this.#pending.size === 0) return;
		const rows = [...this.#pending.values()];
		this.#pending = new Map();
		let written = 0;
		let kept = rows;
		try {
			if (this.store.writable) kept = await this.store.writable(db, rows);
			for (; written < kept.length; written += FLUSH_BATCH) {
				await this.store.insert(db, kept.slice(written, written + FLUSH_BATCH));
			}
		} catch (error) {
			// Back in the buffer, added to what was counted meanwhile (batches already written stay
			// written: each batch is one statement).
			for (const row of kept.slice(written)) this.add(row);
			throw error;
		}
	}
}

/**
 * Flushes `counts` every `everyMs` (the timer does not keep the process alive); a failed flush
 * is logged under `label` and retried at the next tick. `stop()` clears the timer and flushes
 * one last time.
 */
export function flushPeriodically(
	label: string,
	counts: { pending: number; flush(db: Executor): Promise<void> },
	db: () => Promise<Executor>,
	everyMs: number = FLUSH_MS
): { stop(): Promise<void> } {
	const flush = async () => {
		if (counts.pending === 0) return;
		try {
			await counts.flush(await db());
		} catch (error) {
			console.error(`[${label}] counts kept for the next flush: ${describeError(error)}`);
		}
	};
	const timer = setInterval(flush, everyMs);
	timer.unref();
	return {
		async stop() {
			clearInterval(timer);
			await flush();
		}
	};
}
