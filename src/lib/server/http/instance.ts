/**
 * Which app process answered, for deployments of several processes behind one proxy (see
 * docs/scale-out.md): with INSTANCE_ID set (a short name such as `a`, `web-2`), every answer the
 * app makes carries `X-Served-By: <INSTANCE_ID>`. Unset, or not a short plain name, no header.
 */
export const SERVED_BY_HEADER = 'x-served-by';

/** The header's value for this environment, or null for none. */
export function instanceId(env: Record<string, string | undefined>): string | null {
	const id = env.INSTANCE_ID?.trim() ?? '';
	return /^[A-Za-z0-9._-]{1,32}$/.test(id) ? id : null;
}
