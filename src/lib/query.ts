/**
 * Query strings read through valibot schemas. A page or endpoint declares what its URL carries
 * as a `v.object` of `param(schema, fallback)` fields built from the pieces below (the schema
 * lives with its domain, in src/lib/<domain>/), and `parseQuery` reads `URLSearchParams`
 * through it.
 *
 * The URL is typed by anyone: a value that does not fit takes the field's fallback and is named
 * in `invalid` (for a notice beside the field), so a hand-edited address never becomes an
 * exception. An empty parameter (`?from=`, what a GET form sends for an empty field) is an
 * absent one; a repeated parameter counts once (its first value) unless the field is a `list`.
 */
import * as v from 'valibot';
import { isId } from './id';
import { truncate } from './forms/text';

/** The schema of a query string: a `v.object` whose fields are all `param(…)`. */
export type QuerySchema = v.ObjectSchema<v.ObjectEntries, undefined>;

export interface ParsedQuery<S extends QuerySchema> {
	values: v.InferOutput<S>;
	/** The parameters that were present but unusable (their fallbacks were used instead). */
	invalid: (keyof S['entries'] & string)[];
}

/** Whether a field takes every value of a repeated parameter (an array, maybe in a union). */
function takesAll(schema: unknown): boolean {
	const s = schema as { type: string; options?: unknown[]; wrapped?: unknown };
	if (s.options) return s.options.some(takesAll);
	if (s.wrapped) return takesAll(s.wrapped);
	return s.type === 'array';
}

export function parseQuery<S extends QuerySchema>(
	schema: S,
	params: URLSearchParams
): ParsedQuery<S> {
	// Every key is present (absent ones as undefined), so that each field's fallback applies.
	const raw: Record<string, string | string[] | undefined> = {};
	for (const [key, field] of Object.entries(schema.entries)) {
		raw[key] = takesAll(field)
			? params.getAll(key).filter((value) => value !== '')
			: params.get(key) || undefined;
	}
	const first = v.safeParse(schema, raw);
	if (first.success) return { values: first.output, invalid: [] };
	const invalid = [
		...new Set(first.issues.map((issue) => String(issue.path?.[0]?.key ?? '')))
	].filter((key) => raw[key] !== undefined);
	for (const key of invalid) raw[key] = undefined;
	// Every field is a param: without the unusable values their fallbacks apply.
	return { values: v.parse(schema, raw), invalid: invalid as ParsedQuery<S>['invalid'] };
}

/** A parameter that may be absent: `fallback` when it is, or when its value does not fit. */
export const param = <S extends v.GenericSchema<string | string[], unknown>, const F>(
	schema: S,
	fallback: F
) =>
	v.pipe(
		v.union([v.undefined(), schema]),
		v.transform((value) => value ?? fallback)
	);

/** The control characters a URL can carry (NUL among them) are never kept: PostgreSQL refuses NUL. */
const CONTROL = /\p{Cc}/gu;

/** Free text: control characters removed, trimmed, at most `max` characters. */
export const text = (max: number) =>
	v.pipe(
		v.string(),
		v.transform((value) => truncate(value.replace(CONTROL, '').trim(), max))
	);

/** A whole number from `min` to `max`, written in plain decimal digits. */
export const integer = (min: number, max: number) =>
	v.pipe(
		v.string(),
		v.regex(/^-?\d{1,16}$/),
		v.transform(Number),
		v.integer(),
		v.minValue(min),
		v.maxValue(max)
	);

/** A decimal number from `min` to `max` (`12`, `-3.5`). */
export const decimal = (min: number, max: number) =>
	v.pipe(
		v.string(),
		v.regex(/^-?\d{1,16}(\.\d{1,16})?$/),
		v.transform(Number),
		v.minValue(min),
		v.maxValue(max)
	);

/** A row's id (see ./id). */
export const id = v.pipe(v.string(), v.check(isId), v.transform(Number));

/** A real calendar day written YYYY-MM-DD, years 1000 to 9999 (not 2025-02-31, nor year 0,
 * which PostgreSQL refuses). */
export function isIsoDay(value: string): boolean {
	if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
export const isoDay = v.pipe(v.string(), v.check(isIsoDay));

/** `1` for true; anything else (or nothing) is false. */
export const flag = param(
	v.pipe(
		v.string(),
		v.transform((value) => value === '1')
	),
	false
);

/**
 * Every value of a repeated parameter that is one of `allowed`, in the order of `allowed` and
 * once each; unknown ones are dropped (a shared link from an older version still opens).
 */
export const list = <T extends string>(allowed: readonly T[]) =>
	param(
		v.pipe(
			v.array(v.string()),
			v.transform((values) => allowed.filter((a) => values.includes(a)))
		),
		[] as T[]
	);

/** A value in its own format (`lat,lon`, `w,s,e,n`…): `read` gives null when it does not fit. */
export const format = <T>(read: (value: string) => T | null) =>
	v.pipe(
		v.string(),
		v.rawTransform<string, T>(({ dataset, addIssue, NEVER }) => {
			const value = read(dataset.value);
			if (value === null) {
				addIssue();
				return NEVER;
			}
			return value;
		})
	);
