import { describe, expect, it } from 'vitest';
import { APPLICATION_ERROR_CODES } from '$lib/applications/fields';
import { REVIEW_REASONS } from '$lib/applications/reasons';
import { LISTING_STATUSES } from '$lib/merchants/vocabulary';
import {
	applicationError,
	historyActionLabel,
	listingStatusLabel,
	reviewReasonLabel
} from './application-labels';

describe('application labels', () => {
	it('names every review reason and status in both languages, differently', () => {
		for (const code of REVIEW_REASONS) {
			expect(reviewReasonLabel(code, 'zh')).toMatch(/[\u4e00-\u9fff]/);
			expect(reviewReasonLabel(code, 'fr')).not.toBe(reviewReasonLabel(code, 'zh'));
		}
		for (const status of LISTING_STATUSES) {
			expect(listingStatusLabel(status, 'zh')).toMatch(/[\u4e00-\u9fff]/);
			expect(listingStatusLabel(status, 'fr')).not.toBe(listingStatusLabel(status, 'zh'));
		}
		expect(listingStatusLabel('pending', 'fr')).toBe('En attente');
		expect(listingStatusLabel('pending', 'zh')).toBe('审核中');
	});

	it('reads an unknown reason or action as "other"', () => {
		expect(reviewReasonLabel('demo', 'fr')).toBe(reviewReasonLabel('other', 'fr'));
		expect(historyActionLabel('import_run', 'fr')).toBe('Autre évènement');
		expect(historyActionLabel('approve', 'zh')).toContain('通过');
	});

	it('says every error code', () => {
		for (const code of APPLICATION_ERROR_CODES) expect(applicationError(code)).toBeTruthy();
		expect(applicationError(undefined)).toBeUndefined();
	});
});
