import { describe, expect, it } from 'vitest';
import { ageInDays, formatAge, formatDateTime } from './format';

const now = new Date('2026-11-28T12:00:00Z');

describe('back-office formatting', () => {
	it('counts whole days, never negative', () => {
		expect(ageInDays(new Date('2026-11-25T13:00:00Z'), now)).toBe(2);
		expect(ageInDays(new Date('2026-11-29T00:00:00Z'), now)).toBe(0);
	});
	it('says the age in words in both languages', () => {
		expect(formatAge(new Date('2026-11-25T11:00:00Z'), 'fr', now)).toBe('il y a 3 jours');
		expect(formatAge(new Date('2026-11-25T11:00:00Z'), 'zh', now)).toBe('3天前');
		expect(formatAge(now, 'fr', now)).toBe('aujourd’hui');
	});
	it('formats dates in Paris time', () => {
		expect(formatDateTime(new Date('2026-11-28T13:05:00Z'), 'fr')).toBe('28/11/2026 14:05');
	});
});
