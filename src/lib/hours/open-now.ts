/**
 * Opening hours in OpenStreetMap `opening_hours` syntax ('Mo-Sa 10:00-20:00; PH off'),
 * evaluated in Paris time whatever the time zone of the server or the browser.
 *
 * The `opening_hours` library reads the *local* fields of the Dates it is given (getHours,
 * getDay…). So each instant is turned into a "wall-clock Date" whose local fields equal the
 * Europe/Paris time of that instant, and the library's answers are turned back into real
 * instants. Known limits, all tiny: a Paris time that falls in a DST gap of the *process* time
 * zone (e.g. a browser set to New York on the US switch night) is shifted by an hour, and
 * sunrise/sunset rules are off by the difference between the process zone and Paris.
 */
import OpeningHours, { type nominatim_object, type optional_conf } from 'opening_hours';

const PARIS_TIME_ZONE = 'Europe/Paris';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Where the merchants are, in the shape of a Nominatim reverse-geocoding answer. It is a constant
 * (nothing is fetched); without it the library silently ignores `PH` (French public holidays:
 * 'PH off' would not close a shop on 14 July) and `SH` (Île-de-France school holidays).
 */
const PARIS_PLACE: nominatim_object = {
	lat: 48.8566,
	lon: 2.3522,
	address: { country_code: 'fr', state: 'Île-de-France' }
};

/** Parser options: time ranges (not points in time) of the `opening_hours` key. */
const PARSER_OPTIONS: optional_conf = {
	mode: 0,
	tag_key: 'opening_hours',
	map_value: false,
	warnings_severity: 4,
	locale: 'fr'
};

const parisParts = new Intl.DateTimeFormat('en-US', {
	timeZone: PARIS_TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric'
});

const HOUR_MS = 60 * 60 * 1000;
/** The UTC hour last asked for, and Paris's offset from UTC during it. */
let offsetHour = NaN;
let hourOffset = 0;

/**
 * The Paris wall-clock time of an instant, as milliseconds of a UTC timeline. Paris changes its
 * offset on a whole UTC hour (01:00 UTC), so the offset is read once per hour (formatToParts is
 * slow, and a list asks for every card).
 */
export function parisWallMs(instant: Date): number {
	const t = instant.getTime();
	const hour = Math.floor(t / HOUR_MS);
	if (hour !== offsetHour) {
		hourOffset = formattedWallMs(new Date(hour * HOUR_MS)) - hour * HOUR_MS;
		offsetHour = hour;
	}
	return t + hourOffset;
}

function formattedWallMs(instant: Date): number {
	const f: Record<string, number> = {};
	for (const p of parisParts.formatToParts(instant)) {
		if (p.type !== 'literal') f[p.type] = Number(p.value);
	}
	const ms = ((instant.getTime() % 1000) + 1000) % 1000;
	return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, ms);
}

/** A Date whose local fields (getHours, getDate, getDay…) are the Paris time of `instant`. */
export function parisWallClock(instant: Date): Date {
	return wallClockOf(parisWallMs(instant));
}

/** The wall-clock Date whose local fields are the fields of `wallMs` (a UTC timeline). */
export function wallClockOf(wallMs: number): Date {
	const w = new Date(wallMs);
	return new Date(
		w.getUTCFullYear(),
		w.getUTCMonth(),
		w.getUTCDate(),
		w.getUTCHours(),
		w.getUTCMinutes(),
		w.getUTCSeconds(),
		w.getUTCMilliseconds()
	);
}

/** The local fields of a wall-clock Date, as milliseconds of a UTC timeline. */
export function localFieldsMs(wall: Date): number {
	return Date.UTC(
		wall.getFullYear(),
		wall.getMonth(),
		wall.getDate(),
		wall.getHours(),
		wall.getMinutes(),
		wall.getSeconds(),
		wall.getMilliseconds()
	);
}

/** First instant in [lo, hi] whose Paris wall clock reads at least `wallMs` (for DST gaps). */
function firstInstantReaching(wallMs: number, lo: number, hi: number): number {
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (parisWallMs(new Date(mid)) >= wallMs) hi = mid;
		else lo = mid;
	}
	return hi;
}

/**
 * The real instant at which Paris clocks show the local fields of `wall`: the inverse of
 * parisWallClock. When autumn repeats that time, the first occurrence after `after` (or the first
 * one); when spring skips it, the instant the clocks jump.
 */
export function fromParisWallClock(wall: Date, after?: Date): Date {
	const w = localFieldsMs(wall);
	const offsets = [DAY_MS, -DAY_MS].map((d) => parisWallMs(new Date(w + d)) - (w + d));
	const candidates = [...new Set(offsets.map((o) => w - o))]
		.filter((t) => parisWallMs(new Date(t)) === w)
		.sort((a, b) => a - b);
	if (candidates.length > 0) {
		const next = after && candidates.find((t) => t > after.getTime());
		return new Date(next ?? candidates[0]);
	}
	const [lo, hi] = [w - Math.max(...offsets), w - Math.min(...offsets)];
	return new Date(firstInstantReaching(w, lo, hi));
}

const parsed = new Map<string, OpeningHours | null>();
const PARSED_MAX = 500;

/** Parses a value once and remembers it; null when the syntax is invalid. */
export function parseHours(value: string): OpeningHours | null {
	if (parsed.has(value)) return parsed.get(value) ?? null;
	let oh: OpeningHours | null;
	try {
		oh = new OpeningHours(value, PARIS_PLACE, PARSER_OPTIONS);
	} catch {
		oh = null;
	}
	if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value ?? '');
	parsed.set(value, oh);
	return oh;
}

/** The library throws strings (sometimes Errors); keep their text, without trailing blanks. */
function errorMessage(e: unknown): string {
	const text = e instanceof Error ? e.message : String(e);
	return text.trim() || 'Invalid opening_hours value';
}

/**
 * Checks a value before it is stored. `pretty` is the library's canonical spelling of an accepted
 * value ('mo-fr 10h-20h' → 'Mo-Fr 10:00-20:00'). Never throws.
 */
export function validateOpeningHours(
	value: string
): { ok: true; pretty: string } | { ok: false; message: string } {
	try {
		const oh = new OpeningHours(value, PARIS_PLACE, PARSER_OPTIONS);
		return { ok: true, pretty: oh.prettifyValue() };
	} catch (e) {
		return { ok: false, message: errorMessage(e) };
	}
}

/** Whether the place is open at `instant`; null if the value is invalid or the state unknown. */
export function isOpenAt(value: string, instant: Date): boolean | null {
	const oh = parseHours(value);
	if (!oh) return null;
	try {
		const wall = parisWallClock(instant);
		return oh.getUnknown(wall) ? null : oh.getState(wall);
	} catch {
		return null;
	}
}

/** An opening interval of one Paris day, as 'HH:MM' Paris times ('24:00' may end a day). */
export interface HoursInterval {
	from: string;
	to: string;
}

/** 'HH:MM' from the local fields of a wall-clock Date. */
export function hhmm(wall: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(wall.getHours())}:${pad(wall.getMinutes())}`;
}

/**
 * The surely-open intervals of the Paris day starting at wall-clock midnight `dayStart`
 * (intervals whose state is unknown, e.g. 'Mo 10:00-12:00 "sur rendez-vous"', are left out).
 */
function intervalsOfDay(oh: OpeningHours, dayStart: Date): HoursInterval[] {
	const dayEnd = new Date(dayStart.getFullYear(), dayStart.getMonth(), dayStart.getDate() + 1);
	return oh
		.getOpenIntervals(dayStart, dayEnd)
		.filter(([, , unknown]) => !unknown)
		.map(([from, to]) => ({
			from: hhmm(from),
			to: to.getTime() >= dayEnd.getTime() ? '24:00' : hhmm(to)
		}));
}

/** Wall-clock midnight of the Paris day `offset` days after the one containing `instant`. */
function parisDayStart(instant: Date, offset = 0): Date {
	const wall = parisWallClock(instant);
	return new Date(wall.getFullYear(), wall.getMonth(), wall.getDate() + offset);
}

/** The opening intervals of the Paris day containing `instant`; [] if the value is invalid. */
export function todaysIntervals(value: string, instant: Date): HoursInterval[] {
	const oh = parseHours(value);
	if (!oh) return [];
	try {
		return intervalsOfDay(oh, parisDayStart(instant));
	} catch {
		return [];
	}
}

/** The real instant of the next opening or closing after `instant`; null if none (24/7). */
export function nextChange(value: string, instant: Date): Date | null {
	const oh = parseHours(value);
	if (!oh) return null;
	try {
		const next = oh.getNextChange(parisWallClock(instant));
		return next ? fromParisWallClock(next, instant) : null;
	} catch {
		return null;
	}
}

/** One day of a weekly timetable; day 0 is Monday, 6 is Sunday. */
export interface DaySummary {
	day: 0 | 1 | 2 | 3 | 4 | 5 | 6;
	intervals: HoursInterval[];
}

const WEEK_DAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/**
 * The timetable of the Paris week (Monday to Sunday) containing `instant`, with that week's
 * public holidays applied; [] if the value is invalid.
 */
export function weeklySummary(value: string, instant: Date): DaySummary[] {
	const oh = parseHours(value);
	if (!oh) return [];
	const sinceMonday = (parisWallClock(instant).getDay() + 6) % 7;
	try {
		return WEEK_DAYS.map((day) => ({
			day,
			intervals: intervalsOfDay(oh, parisDayStart(instant, day - sinceMonday))
		}));
	} catch {
		return [];
	}
}
