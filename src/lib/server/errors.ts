/**
 * What the server log says about an error: the kind of error (class name, and the PostgreSQL
 * SQLSTATE or Node code, along the `cause` chain) and where in the code it happened (stack
 * frames). Never an error's message: a database error's message quotes the query and its values
 * (e-mail addresses, form fields), a mail server's quotes the recipient, and others can hold
 * what was typed. Never the request either.
 */
export function describeError(error: unknown): string {
	const kinds: string[] = [];
	let frames: string[] = [];
	let e: unknown = error;
	for (let depth = 0; depth < 5 && e !== undefined; depth++) {
		if (e === null || typeof e !== 'object') {
			kinds.push(e === null ? 'null' : typeof e);
			break;
		}
		const { name, code, stack, message } = e as Record<string, unknown>;
		const kind = typeof name === 'string' ? name : (e.constructor?.name ?? 'object');
		kinds.push(typeof code === 'string' && /^[\w-]{1,40}$/.test(code) ? `${kind} ${code}` : kind);
		// The stack starts with "Name: message" (the message may span lines): only what follows.
		const header = `${String(name)}: ${String(message)}\n`;
		if (!frames.length && typeof stack === 'string' && stack.startsWith(header)) {
			frames = stack
				.slice(header.length)
				.split('\n')
				.filter((line) => /^\s+at /.test(line))
				.slice(0, 8)
				.map((line) => `    ${line.trim()}`);
		}
		e = (e as { cause?: unknown }).cause;
	}
	return [kinds.join(' ← '), ...frames].join('\n');
}

/** The log line of an unexpected error answered to a visitor with this id. */
export function describeUnexpectedError(
	id: string,
	routeId: string | null,
	status: number,
	error: unknown
): string {
	return `[error ${id}] ${status} on route ${routeId ?? '(none)'}: ${describeError(error)}`;
}
