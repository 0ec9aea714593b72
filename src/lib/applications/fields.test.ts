import { describe, expect, it } from 'vitest';
import {
	APPLICATION_FIELDS,
	APPLICATION_STEPS,
	DRAFT_REQUIRED_FIELDS,
	LISTING_FIELD_NAMES,
	REVISABLE_FIELDS,
	STEP_FIELDS,
	fieldSpec,
	stepOfField
} from './fields';

describe('the field table', () => {
	it('names every field in both languages, differently', () => {
		for (const field of LISTING_FIELD_NAMES) {
			const zh = fieldSpec(field).label({}, { locale: 'zh' });
			const fr = fieldSpec(field).label({}, { locale: 'fr' });
			expect(zh, field).toMatch(/[\u3400-\u9fff]/);
			expect(fr, field).not.toBe('');
			expect(fr, field).not.toBe(zh);
		}
		const names = (locale: 'zh' | 'fr') =>
			new Set(LISTING_FIELD_NAMES.map((f) => fieldSpec(f).label({}, { locale })));
		expect(names('zh').size).toBe(LISTING_FIELD_NAMES.length);
		expect(names('fr').size).toBe(LISTING_FIELD_NAMES.length);
	});

	it('asks for every field a merchant types in exactly one step', () => {
		const asked = APPLICATION_STEPS.flatMap((step) => STEP_FIELDS[step]);
		expect([...asked].sort()).toEqual([...APPLICATION_FIELDS].sort());
		for (const step of APPLICATION_STEPS) {
			for (const field of STEP_FIELDS[step]) expect(stepOfField(field)).toBe(step);
		}
		// The commune's name and département follow from its code.
		expect(
			LISTING_FIELD_NAMES.filter((f) => !(APPLICATION_FIELDS as string[]).includes(f))
		).toEqual(['communeName', 'departement']);
	});

	it('bounds every free text', () => {
		for (const field of LISTING_FIELD_NAMES) {
			const spec = fieldSpec(field);
			if (spec.kind === 'text' || spec.kind === 'chinese_text') {
				expect(spec.maxLength, field).toBeGreaterThan(0);
			}
		}
	});

	it('gives each CSV name to one column only', () => {
		const names = LISTING_FIELD_NAMES.flatMap((f) => {
			const csv = fieldSpec(f).csv;
			return csv
				? [csv.fr, ...new Set([csv.en, ...(csv.aliases ?? [])].filter((n) => n !== csv.fr))]
				: [];
		});
		expect(new Set(names).size).toBe(names.length);
		for (const name of names) expect(name).toMatch(/^[a-z0-9_]+$/);
	});

	it('keeps the draft minimum, and the consent out of revisions', () => {
		expect(DRAFT_REQUIRED_FIELDS).toEqual(['legalName', 'tradeNameFr', 'category']);
		expect(REVISABLE_FIELDS).not.toContain('consentToPublish');
		expect(REVISABLE_FIELDS).toHaveLength(LISTING_FIELD_NAMES.length - 1);
	});
});
