/**
 * SIRET numbers (14 digits: SIREN of 9 + NIC of 5). Valid when the Luhn checksum holds,
 * except for La Poste (SIREN 356000000), whose establishments are valid when the sum of
 * the digits is a multiple of 5.
 */

export const LA_POSTE_SIREN = '356000000';

export function luhnValid(digits: string): boolean {
	if (!/^[0-9]+$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = digits.charCodeAt(digits.length - 1 - i) - 48;
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

/** The digit to append to `digits` so that the whole passes Luhn. */
export function luhnCheckDigit(digits: string): string {
	for (let d = 0; d <= 9; d++) if (luhnValid(digits + d)) return String(d);
	throw new Error(`not a digit string: ${digits}`);
}

/** Removes the spaces, dots and dashes people type inside a SIRET. */
export function normalizeSiret(input: string): string {
	return input.replace(/[\s.\-\u00a0]/g, '');
}

export type SiretProblem = 'length' | 'digits' | 'checksum';

/** Why a (normalised) SIRET is not valid, or null when it is. */
export function siretProblem(siret: string): SiretProblem | null {
	if (!/^[0-9]*$/.test(siret)) return 'digits';
	if (siret.length !== 14) return 'length';
	if (siret.startsWith(LA_POSTE_SIREN)) {
		if (luhnValid(siret)) return null;
		const sum = [...siret].reduce((s, c) => s + Number(c), 0);
		return sum % 5 === 0 ? null : 'checksum';
	}
	return luhnValid(siret) ? null : 'checksum';
}

export function isValidSiret(siret: string): boolean {
	return siretProblem(normalizeSiret(siret)) === null;
}

/** A valid SIRET built from an 8-digit SIREN stem and a 4-digit NIC stem (demo data, tests). */
export function makeSiret(sirenStem: number, nicStem = 1): string {
	const stem = String(sirenStem).padStart(8, '0');
	if (stem.length !== 8) throw new Error('SIREN stem must have at most 8 digits');
	const siren = stem + luhnCheckDigit(stem);
	const nic = String(nicStem).padStart(4, '0');
	return siren + nic + luhnCheckDigit(siren + nic);
}
