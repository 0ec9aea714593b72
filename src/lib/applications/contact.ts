/** A shop's phone number and website, as merchants type them, checked and normalised. */

/**
 * A French phone number as typed ('01 42 60 30 00', '+33 1 42 60 30 00', '+33 (0)1 42…',
 * '0033 1 42…', '01.42.60.30.00') in E.164 ('+33142603000'); null when it is not one.
 */
export function normalizeFrenchPhone(input: string): string | null {
	let s = input.trim().replace(/[\s.\-/\u00a0]/g, '');
	s = s.replace(/^\+33\(0\)/, '+33').replace(/^\(0\)/, '0');
	let national: string;
	if (s.startsWith('+33')) national = s.slice(3);
	else if (s.startsWith('0033')) national = s.slice(4);
	else if (/^0[1-9]/.test(s)) national = s.slice(1);
	else return null;
	if (national.startsWith('0')) national = national.slice(1);
	return /^[1-9][0-9]{8}$/.test(national) ? `+33${national}` : null;
}

/** '+33142603000' → '01 42 60 30 00' (how French people write it); other values unchanged. */
export function formatFrenchPhone(e164: string): string {
	const match = /^\+33([1-9])(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
	return match ? `0${match.slice(1).join(' ')}` : e164;
}

export const WEBSITE_MAX_LENGTH = 300;

/**
 * A website as typed, as an absolute http(s) URL: 'www.example.fr' → 'https://www.example.fr/'.
 * null when it is not a web address (another scheme, no dotted host name, credentials, spaces).
 */
export function normalizeWebsite(input: string): string | null {
	const s = input.trim();
	if (!s || s.length > WEBSITE_MAX_LENGTH || /\s/.test(s)) return null;
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (url.username || url.password) return null;
	if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(url.hostname)) return null;
	return url.href;
}
