/** Tourist attractions on the metrics maps: their name in the page's language, their dot. */
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { COVERED_COLOR, GAP_COLOR } from '$lib/metrics/palette';
import type { LegendItem, MapPoint } from '$lib/components/metrics/MetricsMap.svelte';
import type { PageData } from './$types';

export type Attraction = PageData['coverage'][number];

export const attractionName = (a: Attraction, locale: Locale) =>
	locale === 'zh' ? a.nameZh : a.nameFr;

/** Green when enough merchants are near, red when it is a gap to fill. */
export const attractionPoint = (a: Attraction, label: string): MapPoint => ({
	lat: a.lat,
	lon: a.lon,
	color: a.gap ? GAP_COLOR : COVERED_COLOR,
	label
});

export const attractionLegend = (): LegendItem[] => [
	{ color: COVERED_COLOR, label: m.metrics_legend_covered(), shape: 'dot' },
	{ color: GAP_COLOR, label: m.metrics_legend_gap(), shape: 'dot' }
];
