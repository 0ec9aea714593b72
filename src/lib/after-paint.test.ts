import { afterEach, expect, it, vi } from 'vitest';
import { IDLE_TIMEOUT_MS, SETTLE_MS, afterPageSettles } from './after-paint';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

/** A page in a given load state, with idle callbacks run when the test says. */
function stubPage(readyState: DocumentReadyState, withIdle = true) {
	const idle: { run: () => void; timeout?: number; cancelled: boolean }[] = [];
	const listeners = new Map<string, () => void>();
	vi.useFakeTimers();
	vi.stubGlobal('document', { readyState });
	vi.stubGlobal('addEventListener', (type: string, run: () => void) => listeners.set(type, run));
	vi.stubGlobal('removeEventListener', (type: string) => listeners.delete(type));
	vi.stubGlobal(
		'requestIdleCallback',
		withIdle
			? (run: () => void, options?: IdleRequestOptions) =>
					idle.push({ run, timeout: options?.timeout, cancelled: false })
			: undefined
	);
	vi.stubGlobal('cancelIdleCallback', (id: number) => (idle[id - 1].cancelled = true));
	const runIdle = () => {
		const next = idle.find((entry) => !entry.cancelled);
		if (next) next.cancelled = true;
		next?.run();
	};
	return { idle, listeners, runIdle };
}

it('runs after the load event, an idle moment, SETTLE_MS and another idle moment', () => {
	const { idle, listeners, runIdle } = stubPage('interactive');
	const run = vi.fn();
	afterPageSettles(run);
	expect(idle).toHaveLength(0);
	listeners.get('load')!();
	expect(idle[0].timeout).toBe(IDLE_TIMEOUT_MS);
	runIdle();
	vi.advanceTimersByTime(SETTLE_MS - 1);
	expect(idle).toHaveLength(1);
	vi.advanceTimersByTime(1);
	expect(run).not.toHaveBeenCalled();
	runIdle();
	expect(run).toHaveBeenCalledTimes(1);
});

it('starts counting at once on a page already loaded', () => {
	const { idle } = stubPage('complete');
	afterPageSettles(() => {});
	expect(idle).toHaveLength(1);
});

it('runs at once when asked, and only once', () => {
	const { runIdle } = stubPage('complete');
	const run = vi.fn();
	const start = afterPageSettles(run);
	start.now();
	start.now();
	runIdle();
	vi.advanceTimersByTime(SETTLE_MS);
	runIdle();
	expect(run).toHaveBeenCalledTimes(1);
});

it('never runs once cancelled', () => {
	const { runIdle } = stubPage('complete');
	const run = vi.fn();
	const start = afterPageSettles(run);
	runIdle();
	start.cancel();
	vi.advanceTimersByTime(SETTLE_MS);
	runIdle();
	start.now();
	expect(run).not.toHaveBeenCalled();
});

it('uses timeouts where the browser has no idle callbacks', () => {
	stubPage('complete', false);
	const run = vi.fn();
	afterPageSettles(run);
	vi.advanceTimersByTime(SETTLE_MS);
	expect(run).not.toHaveBeenCalled();
	vi.advanceTimersByTime(1);
	expect(run).toHaveBeenCalledTimes(1);
});
