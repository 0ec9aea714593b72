import type { ParamMatcher } from '@sveltejs/kit';
import { isOpenDataFormat, type OpenDataFormat } from '$lib/merchants/open-data';

/** `[format=openDataFormat]`: geojson or csv, the open-data files; anything else is a 404. */
export const match = ((value: string): value is OpenDataFormat =>
	isOpenDataFormat(value)) satisfies ParamMatcher;
