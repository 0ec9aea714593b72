/**
 * The two HTTP pieces of `npm run scale-out`: a tiny round-robin reverse proxy (what nginx or
 * Caddy do in production, see docs/scale-out.md), and a visitor that keeps its cookies and
 * connects from an address of its own on the loopback network (127.0.0.2, 127.0.0.3 …), so the
 * proxy sees each visitor's real address as a public proxy would.
 */
import {
	createServer,
	request,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server
} from 'node:http';

/** Headers that concern one connection only, never forwarded (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'proxy-connection',
	'transfer-encoding',
	'te',
	'trailer',
	'upgrade'
]);

function forwardable(raw: string[]): string[] {
	const kept: string[] = [];
	for (let i = 0; i < raw.length; i += 2) {
		if (!HOP_BY_HOP.has(raw[i].toLowerCase())) kept.push(raw[i], raw[i + 1]);
	}
	return kept;
}

/**
 * Sends each request to the next backend in turn. As nginx's `$proxy_add_x_forwarded_for`, it
 * appends the address the connection came from to X-Forwarded-For (what the client sent stays
 * in front of it, untrusted): the app, with ADDRESS_HEADER=x-forwarded-for and XFF_DEPTH=1,
 * takes the last entry, the one this proxy wrote.
 */
export class RoundRobinProxy {
	/** Requests sent to each backend. */
	readonly sent = new Map<string, number>();
	/** Requests a backend did not answer (the proxy answered 502). */
	readonly errors: string[] = [];
	#next = 0;
	#server: Server;

	constructor(readonly backends: string[]) {
		this.#server = createServer((incoming, outgoing) => {
			const backend = this.backends[this.#next++ % this.backends.length];
			this.sent.set(backend, (this.sent.get(backend) ?? 0) + 1);
			const { hostname, port } = new URL(backend);
			const client = incoming.socket.remoteAddress ?? '';
			const before = incoming.headers['x-forwarded-for'];
			const headers = forwardable(incoming.rawHeaders).filter(
				(_, i, all) => !/^x-forwarded-(for|proto)$/i.test(all[i - (i % 2)])
			);
			headers.push('X-Forwarded-For', before ? `${before}, ${client}` : client);
			headers.push('X-Forwarded-Proto', 'http');
			// A connection per request (agent: false): a kept-alive one may be closed by the app
			// (its keep-alive timeout) just as the proxy sends on it, and the request then fails.
			const upstream = request(
				{
					host: hostname,
					port,
					method: incoming.method,
					path: incoming.url,
					headers,
					agent: false
				},
				(answer) => {
					outgoing.writeHead(answer.statusCode ?? 502, forwardable(answer.rawHeaders));
					answer.pipe(outgoing);
				}
			);
			upstream.on('error', (error) => {
				this.errors.push(`${incoming.method} ${incoming.url} → ${backend}: ${error.message}`);
				if (!outgoing.headersSent) outgoing.writeHead(502);
				outgoing.end();
			});
			incoming.pipe(upstream);
		});
	}

	listen(port: number): Promise<void> {
		return new Promise((done) => this.#server.listen(port, '127.0.0.1', done));
	}

	close(): void {
		this.#server.closeAllConnections();
		this.#server.close();
	}
}

export interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
	/** X-Served-By: which app process answered. */
	servedBy: string;
}

/** A browser without JavaScript: cookies kept, forms posted with their Origin, HTML accepted. */
export class Visitor {
	#cookies = new Map<string, string>();

	constructor(
		/** Where requests go: the proxy, or one app process directly. */
		readonly base: string,
		/** The site's ORIGIN, sent with form posts. */
		readonly origin: string,
		/** The loopback address this visitor connects from. */
		readonly address: string,
		/** Headers sent with every request. */
		readonly extra: Record<string, string> = {}
	) {}

	/**
	 * The same visitor (its cookies) talking to one app process directly, with the headers the
	 * proxy would have added (X-Forwarded-For).
	 */
	via(base: string, headers: Record<string, string>): Visitor {
		const other = new Visitor(base, this.origin, this.address, headers);
		other.#cookies = this.#cookies;
		return other;
	}

	get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
		return this.#send('GET', path, null, headers);
	}

	post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
		return this.#send('POST', path, new URLSearchParams(fields).toString(), {
			'content-type': 'application/x-www-form-urlencoded',
			origin: this.origin,
			...headers
		});
	}

	#send(
		method: string,
		path: string,
		body: string | null,
		headers: Record<string, string>
	): Promise<Answer> {
		const url = new URL(path, this.base);
		const cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		return new Promise((done, fail) => {
			const sent = request(
				{
					host: url.hostname,
					port: url.port,
					method,
					path: url.pathname + url.search,
					localAddress: this.address,
					headers: {
						accept: 'text/html',
						...(cookie ? { cookie } : {}),
						...this.extra,
						...headers
					}
				},
				(answer: IncomingMessage) => {
					for (const set of answer.headers['set-cookie'] ?? []) {
						const [pair] = set.split(';');
						const [name, ...value] = pair.split('=');
						this.#cookies.set(name.trim(), value.join('='));
					}
					let text = '';
					answer.setEncoding('utf8');
					answer.on('data', (chunk) => (text += chunk));
					answer.on('end', () =>
						done({
							status: answer.statusCode ?? 0,
							headers: answer.headers,
							body: text,
							servedBy: String(answer.headers['x-served-by'] ?? '?')
						})
					);
				}
			);
			sent.on('error', fail);
			sent.end(body ?? undefined);
		});
	}
}
