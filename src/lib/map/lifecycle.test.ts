import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	BASEMAP_TIMEOUT_MS,
	PLAIN_STYLE,
	startMap,
	type Basemap,
	type Maplibre,
	type MapSetup,
	type MapStatus
} from './lifecycle';

/** A stand-in for maplibre's Map: records what the lifecycle does and fires events on demand. */
class FakeMap {
	static created: FakeMap[] = [];
	static failing = false;
	removed = false;
	styles: unknown[] = [];
	private handlers = new Map<string, Set<(event?: unknown) => void>>();

	constructor(public options: Record<string, unknown>) {
		if (FakeMap.failing) throw new Error('WebGL is not supported');
		FakeMap.created.push(this);
	}
	on(type: string, handler: (event?: unknown) => void) {
		if (!this.handlers.has(type)) this.handlers.set(type, new Set());
		this.handlers.get(type)!.add(handler);
		return this;
	}
	once(type: string, handler: (event?: unknown) => void) {
		const wrapped = (event?: unknown) => {
			this.handlers.get(type)?.delete(wrapped);
			handler(event);
		};
		return this.on(type, wrapped);
	}
	fire(type: string) {
		for (const handler of [...(this.handlers.get(type) ?? [])]) handler({ type });
	}
	setStyle(style: unknown, options: unknown) {
		this.styles.push({ style, options });
		return this;
	}
	remove() {
		this.removed = true;
		this.handlers.clear();
	}
}

const fakeMaplibre = { Map: FakeMap } as unknown as Maplibre;
const container = {} as HTMLElement;

/** A loader that resolves when the test says so (a slow download of the library). */
function slowLoader() {
	let resolve: (basemap: Basemap) => void = () => {};
	let reject: (error: Error) => void = () => {};
	const load = vi.fn(
		() =>
			new Promise<Basemap>((res, rej) => {
				resolve = res;
				reject = rej;
			})
	);
	return {
		load,
		arrive: async () => {
			resolve({ maplibre: fakeMaplibre, style: 'https://tiles.example/style.json' });
			await flush();
		},
		fail: async () => {
			reject(new Error('chunk failed to load'));
			await flush();
		}
	};
}

/** Lets the lifecycle run: the loader's promise, then the task it yields before creating a map. */
const flush = async () => {
	for (let i = 0; i < 2; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
};

function setUp(load: MapSetup['load'], extra: Partial<MapSetup> = {}) {
	const statuses: MapStatus[] = [];
	const cleanup = vi.fn();
	const setup: MapSetup = {
		options: { zoom: 12 },
		load,
		onStatus: (status) => statuses.push(status),
		onCreate: vi.fn(() => cleanup),
		onStyle: vi.fn(),
		onDrawn: vi.fn(),
		...extra
	};
	return { setup, statuses, cleanup };
}

const only = () => {
	expect(FakeMap.created).toHaveLength(1);
	return FakeMap.created[0];
};

beforeEach(() => {
	FakeMap.created = [];
	FakeMap.failing = false;
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

describe('startMap', () => {
	it('creates no map when torn down while the library is still loading', async () => {
		const loader = slowLoader();
		const { setup, statuses } = setUp(loader.load);
		const destroy = startMap(container, setup);
		expect(statuses).toEqual(['loading']);
		destroy();
		await loader.arrive();
		expect(FakeMap.created).toHaveLength(0);
		expect(setup.onCreate).not.toHaveBeenCalled();
		expect(statuses).toEqual(['loading']);
	});

	it('removes the map and what the caller set up when torn down', async () => {
		const loader = slowLoader();
		const { setup, cleanup } = setUp(loader.load);
		const destroy = startMap(container, setup);
		await loader.arrive();
		const map = only();
		expect(setup.onCreate).toHaveBeenCalledWith(map, fakeMaplibre);
		expect(map.options).toMatchObject({
			container,
			style: 'https://tiles.example/style.json',
			zoom: 12,
			trackResize: true
		});
		destroy();
		expect(map.removed).toBe(true);
		expect(cleanup).toHaveBeenCalledOnce();
	});

	it('is ready when the basemap loads, and draws the data on it', async () => {
		const loader = slowLoader();
		const { setup, statuses } = setUp(loader.load);
		startMap(container, setup);
		await loader.arrive();
		const map = only();
		map.fire('style.load');
		expect(setup.onStyle).toHaveBeenCalledWith(map, fakeMaplibre);
		map.fire('load');
		map.fire('idle');
		expect(setup.onDrawn).toHaveBeenCalledOnce();
		expect(statuses).toEqual(['loading', 'ready']);
		// A missing tile later does not throw the basemap away.
		map.fire('error');
		expect(map.styles).toEqual([]);
		expect(statuses).toEqual(['loading', 'ready']);
	});

	it('falls back to the plain background when the basemap fails, and draws the data again', async () => {
		const loader = slowLoader();
		const { setup, statuses } = setUp(loader.load);
		startMap(container, setup);
		await loader.arrive();
		const map = only();
		map.fire('error');
		expect(statuses).toEqual(['loading', 'no-basemap']);
		expect(map.styles).toEqual([{ style: PLAIN_STYLE, options: { diff: false } }]);
		map.fire('style.load');
		map.fire('load');
		map.fire('idle');
		expect(setup.onStyle).toHaveBeenCalledOnce();
		expect(setup.onDrawn).toHaveBeenCalledOnce();
		expect(statuses).toEqual(['loading', 'no-basemap']);
	});

	/** A map made at once whose basemap is slow, with fake timers: its status and its map. */
	async function slowBasemap() {
		vi.useFakeTimers();
		const load = () =>
			Promise.resolve({ maplibre: fakeMaplibre, style: 'https://slow/style.json' });
		const { setup, statuses } = setUp(load);
		startMap(container, setup);
		await vi.advanceTimersByTimeAsync(0);
		return { statuses, map: only() };
	}

	it('falls back to the plain background when the basemap does not answer in time', async () => {
		const { statuses, map } = await slowBasemap();
		await vi.advanceTimersByTimeAsync(BASEMAP_TIMEOUT_MS - 1);
		expect(statuses).toEqual(['loading']);
		await vi.advanceTimersByTimeAsync(1);
		expect(statuses).toEqual(['loading', 'no-basemap']);
		expect(map.styles).toHaveLength(1);
	});

	it('keeps a basemap whose style arrived in time, however long its tiles take', async () => {
		const { statuses, map } = await slowBasemap();
		await vi.advanceTimersByTimeAsync(BASEMAP_TIMEOUT_MS - 1);
		map.fire('style.load');
		await vi.advanceTimersByTimeAsync(BASEMAP_TIMEOUT_MS * 2);
		expect(statuses).toEqual(['loading']);
		map.fire('load');
		expect(statuses).toEqual(['loading', 'ready']);
		expect(map.styles).toEqual([]);
	});

	it('stops the fallback timer when torn down', async () => {
		vi.useFakeTimers();
		const load = () =>
			Promise.resolve({ maplibre: fakeMaplibre, style: 'https://slow/style.json' });
		const { setup, statuses } = setUp(load);
		const destroy = startMap(container, setup);
		await vi.advanceTimersByTimeAsync(0);
		destroy();
		await vi.advanceTimersByTimeAsync(BASEMAP_TIMEOUT_MS * 2);
		expect(statuses).toEqual(['loading']);
		expect(only().styles).toEqual([]);
	});

	it('says unavailable when the library cannot be loaded or WebGL is missing', async () => {
		const loader = slowLoader();
		const first = setUp(loader.load);
		startMap(container, first.setup);
		await loader.fail();
		expect(first.statuses).toEqual(['loading', 'unavailable']);

		FakeMap.failing = true;
		const second = setUp(() => Promise.resolve({ maplibre: fakeMaplibre, style: PLAIN_STYLE }));
		startMap(container, second.setup);
		await flush();
		expect(second.statuses).toEqual(['loading', 'unavailable']);
		expect(second.setup.onCreate).not.toHaveBeenCalled();
	});

	it('starts a lazy map only when it comes near the screen, and not at all once torn down', async () => {
		const observers: { callback: IntersectionObserverCallback; disconnected: boolean }[] = [];
		vi.stubGlobal(
			'IntersectionObserver',
			class {
				entry: (typeof observers)[number];
				constructor(callback: IntersectionObserverCallback) {
					this.entry = { callback, disconnected: false };
					observers.push(this.entry);
				}
				observe() {}
				disconnect() {
					this.entry.disconnected = true;
				}
			}
		);
		const show = (i: number, isIntersecting: boolean) =>
			observers[i].callback(
				[{ isIntersecting } as IntersectionObserverEntry],
				{} as IntersectionObserver
			);

		const loader = slowLoader();
		const seen = setUp(loader.load, { lazy: true });
		startMap(container, seen.setup);
		expect(seen.statuses).toEqual(['waiting']);
		show(0, false);
		expect(loader.load).not.toHaveBeenCalled();
		show(0, true);
		expect(observers[0].disconnected).toBe(true);
		expect(seen.statuses).toEqual(['waiting', 'loading']);
		await loader.arrive();
		expect(FakeMap.created).toHaveLength(1);

		const unseen = setUp(loader.load, { lazy: true });
		const destroy = startMap(container, unseen.setup);
		destroy();
		expect(observers[1].disconnected).toBe(true);
		expect(unseen.statuses).toEqual(['waiting']);
	});
});
