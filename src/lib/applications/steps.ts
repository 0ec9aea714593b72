import { oneOf } from '../vocabulary';

/**
 * The application wizard's steps, in order. Apart from the field table ($lib/applications/fields)
 * because the `[step=step]` route matcher uses them, and every page loads the matchers: the field
 * table, with its labels in both languages, stays with the pages that use it.
 */
export const APPLICATION_STEPS = [
	'shop',
	'address',
	'position',
	'hours',
	'payment',
	'review'
] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

export const isApplicationStep = oneOf(APPLICATION_STEPS);
