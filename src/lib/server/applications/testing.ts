/** Shared by the applications' db tests: a complete application, and a result that must be ok. */
import { expect } from 'vitest';
import { APPLICATION_FIELDS, type ApplicationPatch } from '../../applications/fields';
import { hoursInput, parseApplication, weekToForm } from '../../applications/parse';
import { defaultWeek } from '../../hours/weekly';
import { communesByPostalCode } from '../geo/communes';
import type { WorkflowResult } from './workflow';

/** A complete application as the wizard would read it. */
export function completeApplication(
	siret: string,
	overrides: Record<string, string> = {}
): ApplicationPatch {
	const result = parseApplication(
		{
			legalName: 'SAS Maison Exemple',
			siret,
			tradeNameFr: 'Maison Exemple',
			tradeNameZh: '示例之家',
			category: 'cosmetics_pharmacy',
			address: '12 rue de Rivoli',
			postalCode: '75001',
			phone: '01 42 60 30 00',
			website: '',
			latitude: '48.8606',
			longitude: '2.3376',
			paymentMethods: 'alipay',
			acquirer: '',
			taxFree: 'on',
			chineseStaff: '',
			consentToPublish: 'on',
			[hoursInput.mode]: 'weekly',
			...weekToForm(defaultWeek()),
			...overrides
		},
		APPLICATION_FIELDS,
		{ mode: 'complete', communes: communesByPostalCode }
	);
	expect(result.errors).toEqual({});
	return result.values;
}

/** The listing a successful call answers with; a failure fails the test with its reason. */
export function ok(result: WorkflowResult) {
	if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
	return result.merchant;
}
