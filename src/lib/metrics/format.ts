/** How metric values read on the page (per locale) and in CSV files (plain values). */
import type { Locale } from '$lib/paraglide/runtime';
import { formatDate, formatNumber } from '$lib/i18n/format';
import type { CsvCell } from './csv';
import type { Step } from './range';

/** int: counts; decimal: rates (2 decimals); percent: a 0–1 share; day: YYYY-MM-DD; bucket: a period start. */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'percent' | 'signed' | 'day' | 'bucket';

export interface Column {
	label: string;
	kind: ColumnKind;
}

/** A table of the dashboard: shown on the page and exported as CSV from the same rows. */
export interface MetricsTable {
	id: string;
	title: string;
	columns: Column[];
	rows: CsvCell[][];
}

const dayDate = (day: string) => new Date(`${day}T12:00:00Z`);

export function formatDay(day: string, locale: Locale): string {
	return formatDate(dayDate(day), locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A bucket's start as its period: "janv. 2025" / "2025年1月", or the week's first day. */
export function formatBucket(
	day: string,
	step: Step,
	locale: Locale,
	style: 'short' | 'long' = 'long'
): string {
	if (step === 'month') {
		return formatDate(dayDate(day), locale, {
			month: style === 'long' ? 'long' : 'short',
			year: style === 'long' ? 'numeric' : '2-digit'
		});
	}
	return formatDate(dayDate(day), locale, {
		day: 'numeric',
		month: 'short',
		...(style === 'long' ? { year: 'numeric' } : {})
	});
}

export function formatCell(value: CsvCell, kind: ColumnKind, locale: Locale, step: Step): string {
	if (value === null || value === undefined || value === '') return '—';
	if (typeof value === 'number') {
		switch (kind) {
			case 'percent':
				return formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 1 });
			case 'decimal':
				return formatNumber(value, locale, { maximumFractionDigits: 2 });
			case 'signed':
				return formatNumber(value, locale, { signDisplay: 'exceptZero' });
			default:
				return formatNumber(value, locale);
		}
	}
	if (kind === 'day') return formatDay(value, locale);
	if (kind === 'bucket') return formatBucket(value, step, locale);
	return value;
}

/** The value written to CSV: shares as percentages (one decimal), everything else as is. */
export function csvValue(value: CsvCell, kind: ColumnKind): CsvCell {
	if (kind === 'percent' && typeof value === 'number') return Math.round(value * 1000) / 10;
	return value;
}

/** "Paris : 663" in French, "巴黎：663" in Chinese. */
export function labelled(label: string, value: string, locale: Locale): string {
	return locale === 'zh' ? `${label}：${value}` : `${label} : ${value}`;
}
