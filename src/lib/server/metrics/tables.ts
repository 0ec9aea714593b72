/**
 * The dashboard's tables, in the request's language: the page shows them under each chart and
 * map, and the CSV export writes the same rows, every one of them (so a figure on screen and in
 * a file never differ, and no file stops at what a screen shows).
 */
import { cellToLatLng } from 'h3-js';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { categoryLabel, departementLabel } from '$lib/i18n/labels';
import { CATEGORIES } from '$lib/merchants/vocabulary';
import { haversineMeters } from '$lib/geo/distance';
import { formatNumber } from '$lib/i18n/format';
import type { MetricsTable } from '$lib/metrics/format';
import type { MetricsRange } from '$lib/metrics/range';
import type { Dashboard } from './index';
import type { AttractionCoverage } from './coverage';
import type { FreshnessArea } from './freshness';
import type { AreaReports } from './reports';

/** An area's freshness columns, with tourists' reports (département and commune tables alike). */
const freshnessColumns = () =>
	[
		{ label: m.freshness_col_listed(), kind: 'int' },
		{ label: m.freshness_col_fresh(), kind: 'int' },
		{ label: m.freshness_col_share(), kind: 'percent' },
		{ label: m.freshness_col_grade(), kind: 'text' },
		{ label: m.freshness_col_soon_stale(), kind: 'int' },
		{ label: m.freshness_col_stale(), kind: 'int' },
		{ label: m.freshness_col_lapsed(), kind: 'int' },
		{ label: m.trust_col_reported_today(), kind: 'int' },
		{ label: m.trust_col_paid_range(), kind: 'int' }
	] as const;
const freshnessCells = (a: FreshnessArea, reports: Map<string, AreaReports>) => [
	a.listed,
	a.fresh,
	a.share,
	a.grade ?? '—',
	a.soonStale,
	a.stale,
	a.lapsed,
	reports.get(a.code)?.reported ?? 0,
	reports.get(a.code)?.paid ?? 0
];

export const TABLE_IDS = [
	'overall',
	'departements-time',
	'departements-new',
	'categories',
	'categories-time',
	'categories-new',
	'departements',
	'communes',
	'density',
	'coverage',
	'demand',
	'targets',
	'freshness-time',
	'freshness-departements',
	'freshness-communes'
] as const;
export type TableId = (typeof TABLE_IDS)[number];

/**
 * The long tables (a row per commune, per hexagon): the page shows their title, row count and
 * CSV link, and loads their rows when opened (from /admin/metrics/data/{id}, or without
 * JavaScript on their own page, /admin/metrics/tables/{id}).
 */
export const FOLDED_TABLES = ['communes', 'density', 'freshness-communes'] as const;
export type FoldedTableId = (typeof FOLDED_TABLES)[number];

export function isFolded(id: TableId): id is FoldedTableId {
	return (FOLDED_TABLES as readonly string[]).includes(id);
}

/** The tables as the page sends them: the folded ones without their rows, and their count. */
export function pageTables(tables: Record<TableId, MetricsTable>) {
	const rowCounts = {} as Record<FoldedTableId, number>;
	const shown = { ...tables };
	for (const id of FOLDED_TABLES) {
		rowCounts[id] = tables[id].rows.length;
		shown[id] = { ...tables[id], rows: [] };
	}
	return { tables: shown, rowCounts };
}

export function isTableId(value: string): value is TableId {
	return (TABLE_IDS as readonly string[]).includes(value);
}

/** "près de Louvre (1,2 km)": the nearest attraction to an H3 cell, to name the area. */
function areaName(cell: string, places: AttractionCoverage[]): string {
	const [lat, lon] = cellToLatLng(cell);
	let best: { name: string; d: number } | null = null;
	for (const p of places) {
		const d = haversineMeters({ lat, lon }, { lat: p.lat, lon: p.lon });
		if (!best || d < best.d) best = { name: getLocale() === 'zh' ? p.nameZh : p.nameFr, d };
	}
	if (!best) return cell;
	const km = formatNumber(best.d / 1000, getLocale(), { maximumFractionDigits: 1 });
	return `${m.metrics_demand_near({ place: best.name })} (${km} km)`;
}

export function areaNames(cells: string[], places: AttractionCoverage[]): Record<string, string> {
	return Object.fromEntries(cells.map((c) => [c, areaName(c, places)]));
}

export function buildTables(d: Dashboard): Record<TableId, MetricsTable> {
	const names = areaNames(
		[...d.density.map((c) => c.cell), ...d.demandGaps.map((g) => g.cell)],
		d.coverage
	);
	const last = d.overall.buckets.length - 1;
	const period = { label: m.metrics_col_period(), kind: 'bucket' as const };
	const departementSeries = d.byDepartement.series;
	const categorySeries = d.byCategory.series;
	return {
		overall: {
			id: 'overall',
			title: m.metrics_chart_cumulative(),
			columns: [
				period,
				{ label: m.metrics_col_new(), kind: 'int' },
				{ label: m.metrics_col_cumulative(), kind: 'int' }
			],
			rows: d.overall.buckets.map((b, i) => [
				b,
				d.overall.series[0].added[i],
				d.overall.series[0].cumulative[i]
			])
		},
		'departements-time': {
			id: 'departements-time',
			title: m.metrics_chart_departement(),
			columns: [
				period,
				...departementSeries.map((s) => ({
					label: `${departementLabel(s.key as never)} (${s.key})`,
					kind: 'int' as const
				}))
			],
			rows: d.byDepartement.buckets.map((b, i) => [
				b,
				...departementSeries.map((s) => s.cumulative[i])
			])
		},
		'departements-new': {
			id: 'departements-new',
			title: m.metrics_table_departements_new(),
			columns: [
				period,
				...departementSeries.map((s) => ({
					label: `${departementLabel(s.key as never)} (${s.key})`,
					kind: 'int' as const
				}))
			],
			rows: d.byDepartement.buckets.map((b, i) => [b, ...departementSeries.map((s) => s.added[i])])
		},
		'categories-new': {
			id: 'categories-new',
			title: m.metrics_table_categories_new(),
			columns: [
				period,
				...categorySeries.map((s) => ({
					label: categoryLabel(s.key as never),
					kind: 'int' as const
				}))
			],
			rows: d.byCategory.buckets.map((b, i) => [b, ...categorySeries.map((s) => s.added[i])])
		},
		categories: {
			id: 'categories',
			title: m.metrics_chart_category(),
			columns: [
				{ label: m.metrics_col_category(), kind: 'text' },
				{ label: m.metrics_col_approved(), kind: 'int' }
			],
			rows: CATEGORIES.map((c) => {
				const s = categorySeries.find((x) => x.key === c);
				return [categoryLabel(c), s && last >= 0 ? s.cumulative[last] : 0];
			}).sort((a, b) => Number(b[1]) - Number(a[1]))
		},
		'categories-time': {
			id: 'categories-time',
			title: m.metrics_table_categories_time(),
			columns: [
				period,
				...categorySeries.map((s) => ({
					label: categoryLabel(s.key as never),
					kind: 'int' as const
				}))
			],
			rows: d.byCategory.buckets.map((b, i) => [b, ...categorySeries.map((s) => s.cumulative[i])])
		},
		departements: {
			id: 'departements',
			title: m.metrics_geo_departements(),
			columns: [
				{ label: m.metrics_col_departement(), kind: 'text' },
				{ label: m.metrics_col_population(), kind: 'int' },
				{ label: m.metrics_col_approved(), kind: 'int' },
				{ label: m.metrics_col_per10k(), kind: 'decimal' },
				{ label: m.metrics_col_approved_start(), kind: 'int' },
				{ label: m.metrics_col_growth(), kind: 'signed' },
				{ label: m.metrics_col_growth_rate(), kind: 'percent' }
			],
			rows: d.departements.map((r) => [
				`${departementLabel(r.departement)} (${r.code})`,
				r.population,
				r.approved,
				r.per10k,
				r.approvedAtStart,
				r.growth,
				r.growthRate
			])
		},
		communes: {
			id: 'communes',
			title: m.metrics_geo_communes(),
			columns: [
				{ label: m.metrics_col_commune(), kind: 'text' },
				{ label: m.metrics_col_departement(), kind: 'text' },
				{ label: m.metrics_col_population(), kind: 'int' },
				{ label: m.metrics_col_approved(), kind: 'int' },
				{ label: m.metrics_col_per10k(), kind: 'decimal' },
				{ label: m.metrics_col_growth(), kind: 'signed' }
			],
			rows: d.communes.map((r) => [
				r.name ?? r.code,
				`${departementLabel(r.departement)} (${r.departement})`,
				r.population,
				r.approved,
				r.per10k,
				r.growth
			])
		},
		density: {
			id: 'density',
			title: m.metrics_geo_map(),
			columns: [
				{ label: m.metrics_col_area(), kind: 'text' },
				{ label: m.metrics_col_approved(), kind: 'int' },
				{ label: 'H3', kind: 'text' }
			],
			rows: d.density.map((c) => [names[c.cell], c.count, c.cell])
		},
		coverage: {
			id: 'coverage',
			title: m.metrics_coverage_all(),
			columns: [
				{ label: m.metrics_col_attraction(), kind: 'text' },
				{ label: m.metrics_col_within300(), kind: 'int' },
				{ label: m.metrics_col_within1000(), kind: 'int' },
				{ label: m.metrics_col_status(), kind: 'text' }
			],
			rows: d.coverage.map((a) => [
				getLocale() === 'zh' ? `${a.nameZh}（${a.nameFr}）` : a.nameFr,
				a.within300,
				a.within1000,
				a.gap ? m.metrics_gap() : m.metrics_covered()
			])
		},
		demand: {
			id: 'demand',
			title: m.metrics_section_demand(),
			columns: [
				{ label: m.metrics_col_area(), kind: 'text' },
				{ label: m.metrics_col_category(), kind: 'text' },
				{ label: m.metrics_col_searches(), kind: 'int' },
				{ label: m.metrics_col_poor(), kind: 'int' },
				{ label: m.metrics_col_empty(), kind: 'int' },
				{ label: m.metrics_col_share(), kind: 'percent' }
			],
			rows: d.demandGaps.map((g) => [
				names[g.cell],
				g.category ? categoryLabel(g.category) : m.metrics_any_category(),
				g.searches,
				g.poorSearches,
				g.emptySearches,
				g.poorShare
			])
		},
		targets: {
			id: 'targets',
			title: m.metrics_section_targets(),
			columns: [
				{ label: m.metrics_col_scope(), kind: 'text' },
				{ label: m.metrics_col_target(), kind: 'int' },
				{ label: m.metrics_col_target_date(), kind: 'day' },
				{ label: m.metrics_col_current(), kind: 'int' },
				{ label: m.metrics_col_progress(), kind: 'percent' },
				{ label: m.metrics_col_projected(), kind: 'day' },
				{ label: m.metrics_col_status(), kind: 'text' }
			],
			rows: d.targets.map((t) => [
				t.departement
					? `${departementLabel(t.departement)} (${t.departement})`
					: m.metrics_target_region(),
				t.targetCount,
				t.targetDate,
				t.current,
				t.progress,
				t.reached ? null : t.projectedDate,
				t.reached
					? m.metrics_target_reached()
					: t.onTrack
						? m.metrics_target_on_track()
						: t.projectedDate
							? m.metrics_target_late()
							: m.metrics_target_never()
			])
		},
		'freshness-time': {
			id: 'freshness-time',
			title: m.freshness_metrics_time(),
			columns: [
				period,
				{ label: m.freshness_col_listed(), kind: 'int' },
				{ label: m.freshness_col_stale(), kind: 'int' },
				{ label: m.freshness_col_lapsed_period(), kind: 'int' },
				{ label: m.trust_col_reported(), kind: 'int' },
				{ label: m.trust_col_opened(), kind: 'int' },
				{ label: m.trust_col_paid(), kind: 'int' },
				{ label: m.trust_col_problems(), kind: 'int' }
			],
			rows: d.freshnessOverTime.buckets.map((b, i) => [
				b,
				d.freshnessOverTime.listed[i],
				d.freshnessOverTime.stale[i],
				d.freshnessOverTime.lapsed[i],
				d.reportsOverTime.reported[i] ?? 0,
				d.reportsOverTime.opened[i] ?? 0,
				d.reportsOverTime.paid[i] ?? 0,
				d.reportsOverTime.problems[i] ?? 0
			])
		},
		'freshness-departements': {
			id: 'freshness-departements',
			title: m.freshness_metrics_departements(),
			columns: [{ label: m.metrics_col_departement(), kind: 'text' }, ...freshnessColumns()],
			rows: [
				[m.freshness_metrics_overall(), ...freshnessCells(d.freshness.overall, d.areaReports)],
				...d.freshness.departements.map((a) => [
					`${departementLabel(a.code as never)} (${a.code})`,
					...freshnessCells(a, d.areaReports)
				])
			]
		},
		'freshness-communes': {
			id: 'freshness-communes',
			title: m.freshness_metrics_communes(),
			columns: [
				{ label: m.metrics_col_commune(), kind: 'text' },
				{ label: m.metrics_col_departement(), kind: 'text' },
				...freshnessColumns()
			],
			rows: d.freshness.communes.map((a) => [
				a.name ?? a.code,
				a.departement ? `${departementLabel(a.departement)} (${a.departement})` : '',
				...freshnessCells(a, d.areaReports)
			])
		}
	};
}

/** Exported tables are named after the range: indicateurs-departements-2025-01-01_2025-12-31.csv */
export function csvFilename(id: TableId, range: MetricsRange): string {
	return `${getLocale() === 'zh' ? 'metrics' : 'indicateurs'}-${id}-${range.from}_${range.to}.csv`;
}
