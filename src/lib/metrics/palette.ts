/** Colours of the metrics charts and maps: distinct hues that read on white, one per series. */
import type { Departement } from '../geo/idf';

export const ACCENT = '#0b63ce';
export const ACCENT_SOFT = '#9ec2ee';

export const DEPARTEMENT_COLORS: Record<Departement, string> = {
	'75': '#0b63ce',
	'77': '#2a7a6f',
	'78': '#8e3b9d',
	'91': '#b34700',
	'92': '#b0306a',
	'93': '#4a5a23',
	'94': '#6b4f1d',
	'95': '#37474f'
};

/** Sequential blues for densities, light to dark (5 classes). */
export const DENSITY_RAMP = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
export const COVERED_COLOR = '#1d7a46';
export const GAP_COLOR = '#b3261e';
export const DEMAND_COLOR = '#b34700';
