import type { ParamMatcher } from '@sveltejs/kit';
import { isApplicationStep, type ApplicationStep } from '$lib/applications/steps';

/** `[step=step]`: one of the application wizard's steps; any other is a 404. */
export const match = ((param: string): param is ApplicationStep =>
	isApplicationStep(param)) satisfies ParamMatcher;
