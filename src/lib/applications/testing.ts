/** Shared by the application parser's tests. */
import type { ApplicationForm } from './fields';
import { hoursInput, weekToForm } from './parse';
import { defaultWeek } from '../hours/weekly';

export function validForm(overrides: ApplicationForm = {}): ApplicationForm {
	return {
		legalName: 'SAS Maison Exemple',
		siret: '732 829 320 00074',
		tradeNameFr: 'Maison Exemple',
		tradeNameZh: '示例之家',
		category: 'luxury_fashion',
		address: '12 rue de Rivoli',
		postalCode: '75001',
		communeCode: '',
		phone: '01 42 60 30 00',
		website: 'www.maison-exemple.fr',
		latitude: '48,8606',
		longitude: '2.3376',
		paymentMethods: 'alipay,wechat_pay',
		acquirer: 'Banque Démo Paris',
		taxFree: 'on',
		chineseStaff: '',
		consentToPublish: 'on',
		[hoursInput.mode]: 'weekly',
		[hoursInput.raw]: '',
		...weekToForm(defaultWeek()),
		...overrides
	};
}
