import type { ParamMatcher } from '@sveltejs/kit';
import { isId } from '$lib/id';

/** `[id=id]`: a row's id (see $lib/id); any other segment is a 404 before the route runs. */
export const match: ParamMatcher = isId;
