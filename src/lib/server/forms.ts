import { error, fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { Refusal } from './auth/accounts';

/**
 * The posted form; every action reads it, even one that uses nothing of it (a body left unread
 * makes Node close the keep-alive connection under the client's next request). A body that is not
 * a well-formed form (broken multipart, a wrong content type) is the client's mistake: a 400 in
 * the page's language, never a 500.
 */
export async function readForm(event: { request: Request }): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch {
		error(400, m.error_form_unreadable());
	}
}

/** Reading posted forms: a missing field or a file where text was expected reads as ''. */
const MAX_FIELD_LENGTH = 2000;

export function textField(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value.slice(0, MAX_FIELD_LENGTH) : '';
}

export function checkboxField(data: FormData, name: string): boolean {
	const value = data.get(name);
	return value === 'on' || value === 'true' || value === '1';
}

/**
 * The answer to a refused form: 400 (429 when rate-limited) with the errors by field and what
 * was typed, so the page shows both (with or without JavaScript). Never put a password in `values`.
 */
export function refused<Field extends string, Extra extends object = object>(
	refusal: Refusal<Field>,
	values: Partial<Record<Field, string>>,
	extra?: Extra
) {
	return fail(refusal.retryMinutes || refusal.retrySeconds ? 429 : 400, {
		...(extra as Extra),
		errors: refusal.errors,
		values,
		retryMinutes: refusal.retryMinutes,
		retrySeconds: refusal.retrySeconds
	});
}
