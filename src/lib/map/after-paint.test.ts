import { afterEach, expect, it, vi } from 'vitest';
import { IDLE_TIMEOUT_MS, afterPaintWhenIdle } from './after-paint';

afterEach(() => vi.unstubAllGlobals());

/** The browser's frame and idle callbacks, run when the test says. */
function stubBrowser(withIdle: boolean) {
	const frames: FrameRequestCallback[] = [];
	const idle: { run: IdleRequestCallback; timeout?: number; cancelled: boolean }[] = [];
	vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run));
	vi.stubGlobal('cancelAnimationFrame', () => {});
	vi.stubGlobal(
		'requestIdleCallback',
		withIdle
			? (run: IdleRequestCallback, options?: IdleRequestOptions) =>
					idle.push({ run, timeout: options?.timeout, cancelled: false })
			: undefined
	);
	vi.stubGlobal('cancelIdleCallback', (id: number) => (idle[id - 1].cancelled = true));
	return { frames, idle };
}

it('runs after the next paint, once the browser is idle (or at the latest after the timeout)', () => {
	const { frames, idle } = stubBrowser(true);
	const run = vi.fn();
	afterPaintWhenIdle(run);
	expect(idle).toHaveLength(0);
	frames[0](0);
	expect(idle[0].timeout).toBe(IDLE_TIMEOUT_MS);
	expect(run).not.toHaveBeenCalled();
	idle[0].run({} as IdleDeadline);
	expect(run).toHaveBeenCalledTimes(1);
});

it('never runs once cancelled', () => {
	const { frames, idle } = stubBrowser(true);
	const run = vi.fn();
	const cancel = afterPaintWhenIdle(run);
	frames[0](0);
	cancel();
	expect(idle[0].cancelled).toBe(true);
	idle[0].run({} as IdleDeadline);
	expect(run).not.toHaveBeenCalled();
});

it('runs right after the next paint where the browser has no idle callbacks', async () => {
	const { frames } = stubBrowser(false);
	const run = vi.fn();
	afterPaintWhenIdle(run);
	frames[0](0);
	expect(run).not.toHaveBeenCalled();
	await new Promise((resolve) => setTimeout(resolve, 0));
	expect(run).toHaveBeenCalledTimes(1);
});
