import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, freshnessOf, monthsBetween, verifiedAgo } from './freshness';

describe('calendar months, clamped as PostgreSQL does', () => {
	it('adds months and keeps the day, or the last day of a shorter month', () => {
		expect(addMonths('2025-03-15', 11)).toBe('2026-02-15');
		expect(addMonths('2025-03-31', 11)).toBe('2026-02-28');
		expect(addMonths('2027-03-31', 11)).toBe('2028-02-29');
		expect(addMonths('2025-01-31', 18)).toBe('2026-07-31');
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
	});

	it('counts whole months and days between two days', () => {
		expect(monthsBetween('2025-03-15', '2025-06-14')).toBe(2);
		expect(monthsBetween('2025-03-15', '2025-06-15')).toBe(3);
		expect(monthsBetween('2025-01-31', '2025-02-28')).toBe(1);
		expect(monthsBetween('2025-06-15', '2025-03-15')).toBe(0);
		expect(daysBetween('2025-03-30', '2025-04-02')).toBe(3);
	});

	it('is fresh until 11 months, soon stale until 12, then stale', () => {
		expect(freshnessOf('2025-03-15', '2026-02-14')).toBe('fresh');
		expect(freshnessOf('2025-03-15', '2026-02-15')).toBe('soon_stale');
		expect(freshnessOf('2025-03-15', '2026-03-14')).toBe('soon_stale');
		expect(freshnessOf('2025-03-15', '2026-03-15')).toBe('stale');
	});
});

describe('the card’s "verified … ago" phrase', () => {
	it('in Chinese', () => {
		expect(verifiedAgo('2026-06-15', '2026-06-15', 'zh')).toBe('今天确认');
		expect(verifiedAgo('2026-06-14', '2026-06-15', 'zh')).toBe('1 天前确认');
		expect(verifiedAgo('2026-05-20', '2026-06-15', 'zh')).toBe('26 天前确认');
		expect(verifiedAgo('2026-03-15', '2026-06-15', 'zh')).toBe('3 个月前确认');
		expect(verifiedAgo('2025-06-15', '2026-06-15', 'zh')).toBe('1 年前确认');
		expect(verifiedAgo('2024-01-10', '2026-06-15', 'zh')).toBe('2 年前确认');
	});

	it('in French', () => {
		expect(verifiedAgo('2026-06-15', '2026-06-15', 'fr')).toBe("vérifié aujourd'hui");
		expect(verifiedAgo('2026-06-14', '2026-06-15', 'fr')).toBe('vérifié il y a 1 jour');
		expect(verifiedAgo('2026-05-20', '2026-06-15', 'fr')).toBe('vérifié il y a 26 jours');
		expect(verifiedAgo('2026-03-15', '2026-06-15', 'fr')).toBe('vérifié il y a 3 mois');
		expect(verifiedAgo('2025-07-01', '2026-06-15', 'fr')).toBe('vérifié il y a 11 mois');
		expect(verifiedAgo('2025-06-15', '2026-06-15', 'fr')).toBe('vérifié il y a 1 an');
		expect(verifiedAgo('2024-01-10', '2026-06-15', 'fr')).toBe('vérifié il y a 2 ans');
	});

	it('never says a date in the future is in the past', () => {
		expect(verifiedAgo('2026-06-16', '2026-06-15', 'fr')).toBe("vérifié aujourd'hui");
	});
});
