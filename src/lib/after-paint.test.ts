import { afterEach, expect, it, vi } from 'vitest';
import { IDLE_TIMEOUT_MS, QUIET_MS, SETTLE_MAX_MS, afterPageSettles } from './after-paint';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

/** A page in a given load state: its load event, idle callbacks and activity, run by the test. */
function stubPage(readyState: DocumentReadyState, withIdle = true, painted = true) {
	const idle: { run: () => void; timeout?: number; cancelled: boolean }[] = [];
	const listeners = new Map<string, () => void>();
	type Report = (list: { getEntriesByName: (name: string) => unknown[] }) => void;
	const observers: { report: Report; types: string[]; connected: boolean }[] = [];
	const paints: string[] = painted ? ['first-contentful-paint'] : [];
	vi.stubGlobal('performance', {
		getEntriesByName: (name: string) => paints.filter((paint) => paint === name)
	});
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
	class FakeObserver {
		static supportedEntryTypes = ['longtask', 'resource', 'paint'];
		entry: (typeof observers)[number];
		constructor(report: Report) {
			this.entry = { report, types: [], connected: true };
			observers.push(this.entry);
		}
		observe({ type }: { type: string }) {
			this.entry.types.push(type);
		}
		disconnect() {
			this.entry.connected = false;
		}
	}
	vi.stubGlobal('PerformanceObserver', FakeObserver);
	const runIdle = () => {
		const next = idle.find((entry) => !entry.cancelled);
		if (next) next.cancelled = true;
		next?.run();
	};
	const report = (type: string, names: string[]) =>
		observers
			.filter((o) => o.connected && o.types.includes(type))
			.forEach((o) => o.report({ getEntriesByName: (name) => names.filter((n) => n === name) }));
	/** A long task or a finished request, as the browser reports it. */
	const activity = () => report('longtask', []);
	/** The page's first content painted. */
	const paint = () => {
		paints.push('first-contentful-paint');
		report('paint', ['first-contentful-paint']);
	};
	return { idle, listeners, observers, runIdle, activity, paint };
}

it('runs after the load event, QUIET_MS without activity and an idle moment', () => {
	const { idle, listeners, observers, runIdle, activity } = stubPage('interactive');
	const run = vi.fn();
	afterPageSettles(run);
	vi.advanceTimersByTime(QUIET_MS * 2);
	expect(idle).toHaveLength(0);
	listeners.get('load')!();
	expect(observers[0].types).toEqual(['longtask', 'resource']);
	expect(observers[1].types).toEqual(['paint']);
	vi.advanceTimersByTime(QUIET_MS - 1);
	activity();
	vi.advanceTimersByTime(QUIET_MS - 1);
	expect(idle).toHaveLength(0);
	vi.advanceTimersByTime(1);
	expect(idle[0].timeout).toBe(IDLE_TIMEOUT_MS);
	expect(observers.every((o) => !o.connected)).toBe(true);
	expect(run).not.toHaveBeenCalled();
	runIdle();
	expect(run).toHaveBeenCalledTimes(1);
});

it('runs at the latest SETTLE_MAX_MS after the load, however busy the page', () => {
	const { runIdle, activity } = stubPage('complete');
	const run = vi.fn();
	afterPageSettles(run);
	for (let t = 0; t < SETTLE_MAX_MS; t += QUIET_MS / 2) {
		activity();
		vi.advanceTimersByTime(QUIET_MS / 2);
	}
	runIdle();
	expect(run).toHaveBeenCalledTimes(1);
});

it('runs at once when asked, and only once', () => {
	const { runIdle } = stubPage('complete');
	const run = vi.fn();
	const start = afterPageSettles(run);
	start.now();
	start.now();
	vi.advanceTimersByTime(SETTLE_MAX_MS);
	runIdle();
	expect(run).toHaveBeenCalledTimes(1);
});

it('never runs once cancelled', () => {
	const { runIdle, observers } = stubPage('complete');
	const run = vi.fn();
	const start = afterPageSettles(run);
	start.cancel();
	expect(observers[0].connected).toBe(false);
	vi.advanceTimersByTime(SETTLE_MAX_MS);
	runIdle();
	start.now();
	expect(run).not.toHaveBeenCalled();
});

it('uses a timeout where the browser has no idle callbacks', () => {
	stubPage('complete', false);
	const run = vi.fn();
	afterPageSettles(run);
	vi.advanceTimersByTime(QUIET_MS);
	expect(run).not.toHaveBeenCalled();
	vi.advanceTimersByTime(1);
	expect(run).toHaveBeenCalledTimes(1);
});

it('counts the quiet from the first paint when it comes after the load', () => {
	const { idle, listeners, runIdle, activity, paint } = stubPage('interactive', true, false);
	const run = vi.fn();
	afterPageSettles(run);
	listeners.get('load')!();
	vi.advanceTimersByTime(QUIET_MS);
	activity();
	vi.advanceTimersByTime(QUIET_MS);
	expect(idle).toHaveLength(0);
	paint();
	vi.advanceTimersByTime(QUIET_MS - 1);
	expect(idle).toHaveLength(0);
	vi.advanceTimersByTime(1);
	runIdle();
	expect(run).toHaveBeenCalledTimes(1);
});

it('runs SETTLE_MAX_MS after the load where no first paint comes (a hidden tab)', () => {
	const { runIdle } = stubPage('complete', true, false);
	const run = vi.fn();
	afterPageSettles(run);
	vi.advanceTimersByTime(SETTLE_MAX_MS - 1);
	runIdle();
	expect(run).not.toHaveBeenCalled();
	vi.advanceTimersByTime(1);
	runIdle();
	expect(run).toHaveBeenCalledTimes(1);
});
