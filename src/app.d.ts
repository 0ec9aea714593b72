// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/paraglide/runtime';
import type { Session } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			user: SessionUser | null;
			session: Session | null;
		}
		interface Error {
			message: string;
			/** An unexpected error's id, also in the server log (hooks.server.ts handleError). */
			id?: string;
		}
	}
}

export {};
